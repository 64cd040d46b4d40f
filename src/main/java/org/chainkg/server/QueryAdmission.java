package org.chainkg.server;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admission control: at most {@code permits} requests run at once; the others wait in arrival order (a fair
 * semaphore) for at most {@code waitMillis}, then get 503 with {@code Retry-After}. At most {@code maxWaiting}
 * wait: a request beyond them gets its 503 at once, so that waiting requests never use up the server's threads
 * (the server has a thread for each running or waiting request, {@link #threadsNeeded}: with Fuseki's 20, a
 * hundred requests at once queued inside Jetty, out of reach of this filter, and the last got its answer after
 * five timeouts, or none). On a machine with few cores,
 * running every request at once shares the processors among all of them, so each takes as long as all together;
 * first come, first served keeps the short questions short and the tail of the latency close to its median.
 */
final class QueryAdmission implements Filter {
    private final Semaphore permits;
    private final int size;
    private final long waitMillis;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    QueryAdmission(int permits, long waitMillis) {
        this(permits, waitMillis, defaultMaxWaiting(permits));
    }

    QueryAdmission(int permits, long waitMillis, int maxWaiting) {
        if (permits < 1) throw new IllegalArgumentException("at least one request must be allowed to run (got " + permits + ")");
        this.permits = new Semaphore(permits, true);
        this.size = permits;
        this.waitMillis = waitMillis;
        this.maxWaiting = maxWaiting;
    }

    /** How many requests may wait for their turn: 64, or 4 per permit when there are more than 16 permits. */
    static int defaultMaxWaiting(int permits) {
        return Math.max(64, 4 * permits);
    }

    /** Server threads for the requests this filter lets run or wait, plus some for the UI and the other URLs. */
    static int threadsNeeded(int permits) {
        return permits + defaultMaxWaiting(permits) + 32;
    }

    /** The default: two requests per processor, so that one waiting on I/O does not leave a processor idle. */
    static int defaultPermits() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            busy(resp, "the server is busy: " + size + " requests are running and " + maxWaiting + " are waiting; try again");
            return;
        }
        boolean admitted;
        try {
            admitted = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            busy(resp, "the server is busy: " + size + " requests are running and others were waiting first; try again");
            return;
        }
        try {
            chain.doFilter(req, resp);
        } finally {
            permits.release();
        }
    }

    private static void busy(ServletResponse resp, String message) throws IOException {
        HttpServletResponse http = (HttpServletResponse) resp;
        http.setHeader("Retry-After", "5");
        HttpResults.error(http, 503, message);
    }
}
