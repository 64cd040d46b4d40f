package org.chainkg.query;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.util.Context;

/**
 * A query's deadline that really stops it: at the deadline it sets the query's own cancel signal (ARQ's
 * {@link ARQConstants#symCancelQuery}), which every query iterator reads on every row.
 * <p>
 * ARQ's timeout alone does not stop every query: {@code QueryExecDataset} builds the plan while holding the
 * lock its timer needs, and building the plan already evaluates parts of the query (a sub-SELECT with DISTINCT
 * or ORDER BY below an OPTIONAL, for instance). Such a query ran 27 s past a 1 s timeout and then answered 200.
 * Setting the signal takes no lock, so the query stops at its next row.
 * <pre>
 * try (QueryDeadline d = QueryDeadline.in(timeoutMillis)) {
 *     QueryExec.dataset(dsg).query(q).set(ARQConstants.symCancelQuery, d.signal()).build() ...
 * }
 * </pre>
 */
public final class QueryDeadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    /** The deadlines of the queries running now (for {@link #stopOldest}). */
    private static final java.util.Set<QueryDeadline> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final AtomicBoolean signal = new AtomicBoolean(false);
    private final ScheduledFuture<?> alarm;
    private final long started = System.nanoTime();

    private QueryDeadline(long millis) {
        this.alarm = TIMER.schedule(() -> signal.set(true), millis, TimeUnit.MILLISECONDS);
        LIVE.add(this);
    }

    /**
     * Stops the query that has run longest now (before its deadline), e.g. when the server's memory runs out; returns
     * how long it had run in milliseconds, or -1 when no query is running.
     */
    public static long stopOldest() {
        QueryDeadline oldest = null;
        for (QueryDeadline d : LIVE)
            if (!d.signal.get() && (oldest == null || d.started < oldest.started)) oldest = d;
        if (oldest == null) return -1;
        oldest.signal.set(true);
        return (System.nanoTime() - oldest.started) / 1_000_000;
    }

    /** A deadline {@code millis} from now. */
    public static QueryDeadline in(long millis) {
        return new QueryDeadline(millis);
    }

    /** A deadline {@code millis} from now, whose signal is put in {@code context} for the query run with it. */
    public static QueryDeadline in(long millis, Context context) {
        QueryDeadline d = new QueryDeadline(millis);
        context.set(ARQConstants.symCancelQuery, d.signal);
        return d;
    }

    /** The cancel signal to give the query ({@link ARQConstants#symCancelQuery}); true once the deadline has passed. */
    public AtomicBoolean signal() {
        return signal;
    }

    public boolean passed() {
        return signal.get();
    }

    /** The query has ended: the alarm is dropped. */
    @Override
    public void close() {
        alarm.cancel(false);
        LIVE.remove(this);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "chainkg-query-deadline");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
