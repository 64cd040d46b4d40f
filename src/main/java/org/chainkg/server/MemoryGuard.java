package org.chainkg.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chainkg.query.QueryDeadline;

/**
 * Stops a query before the server runs out of memory: every 50 ms it reads the heap in use; above
 * {@link #LIMIT} of the maximum heap, and if the latest collections also left that much in use, it stops the
 * query that has run longest (its {@link QueryDeadline} signal, as a timeout would: 503). A {@code GROUP_CONCAT} over
 * a cross product grows its string by about 60 MB/s until the timeout; this stops it at the heap's limit instead of
 * with an {@code OutOfMemoryError} page, and the server keeps answering. The usage after collection keeps garbage from
 * counting as use (the guard asks for a collection at most once a second: a full one on a large heap pauses every query). The limit is 40 % of the heap because a growing string doubles its buffer: a string of a
 * third of the heap needs the other two thirds for its next copy. A query whose buffer still doubles past the heap
 * in one step gets an {@code OutOfMemoryError} in its own thread, which frees its memory; the endpoints answer it
 * with 503 ({@link #OUT_OF_MEMORY}) instead of a 500 page.
 */
final class MemoryGuard {
    /** Share of the maximum heap in use (after a collection) at which the longest-running query is stopped. */
    static final double LIMIT = Double.parseDouble(System.getProperty("chainkg.memoryLimit", "0.4"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chainkg-memory-guard");
        t.setDaemon(true);
        return t;
    });

    private static MemoryGuard running;
    /** What a client is told when its query was stopped for memory. */
    static final String OUT_OF_MEMORY = "the query was stopped: its answer needed more memory than this server has "
                                        + "(a GROUP_CONCAT or a result over a cross product?)";

    private MemoryGuard() {
        timer.scheduleWithFixedDelay(this::check, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Starts the guard of this JVM (one for all its servers), if it is not running yet. */
    static synchronized void start() {
        if (running == null) running = new MemoryGuard();
    }

    private static double used() {
        Runtime rt = Runtime.getRuntime();
        return (double) (rt.totalMemory() - rt.freeMemory()) / rt.maxMemory();
    }

    /** The heap that the latest collection of each heap pool left in use (garbage does not count), as a share. */
    private static double usedAfterCollection() {
        long sum = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != java.lang.management.MemoryType.HEAP || pool.getCollectionUsage() == null) continue;
            sum += pool.getCollectionUsage().getUsed();
        }
        return (double) sum / Runtime.getRuntime().maxMemory();
    }

    private long lastCollection;

    private void check() {
        if (used() < LIMIT) return;
        double after = usedAfterCollection();
        if (after < LIMIT) {
            // The latest collections may predate the growth: ask for one, at most once a second (a full collection
            // on a large heap pauses every query, so never on every poll).
            long now = System.nanoTime();
            if (now - lastCollection < 1_000_000_000L) return;
            lastCollection = now;
            System.gc();
            after = used();
            if (after < LIMIT) return;
        }
        long ran = QueryDeadline.stopOldest();
        if (ran >= 0)
            System.err.printf("chainkg: stopped the query that had run longest (%.1f s): %.0f%% of the %,d MB heap in use%n",
                              ran / 1000.0, after * 100, Runtime.getRuntime().maxMemory() >> 20);
    }
}
