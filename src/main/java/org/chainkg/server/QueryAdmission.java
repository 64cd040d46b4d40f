package org.chainkg.server;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admission control: at most {@code permits} requests run at once; the others wait in arrival order (a fair
 * semaphore) for at most {@code waitMillis}, then get 503 with {@code Retry-After}. On a machine with few cores,
 * running every request at once shares the processors among all of them, so each takes as long as all together;
 * first come, first served keeps the short questions short and the tail of the latency close to its median.
 */
final class QueryAdmission implements Filter {
    private final Semaphore permits;
    private final int size;
    private final long waitMillis;

    QueryAdmission(int permits, long waitMillis) {
        if (permits < 1) throw new IllegalArgumentException("at least one request must be allowed to run (got " + permits + ")");
        this.permits = new Semaphore(permits, true);
        this.size = permits;
        this.waitMillis = waitMillis;
    }

    /** The default: two requests per processor, so that one waiting on I/O does not leave a processor idle. */
    static int defaultPermits() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            HttpServletResponse http = (HttpServletResponse) resp;
            http.setHeader("Retry-After", "5");
            HttpResults.error(http, 503, "the server is busy: " + size + " requests are running and others were waiting first; try again");
            return;
        }
        try {
            chain.doFilter(req, resp);
        } finally {
            permits.release();
        }
    }
}
