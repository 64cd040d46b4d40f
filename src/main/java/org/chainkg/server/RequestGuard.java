package org.chainkg.server;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards a loopback server against requests from elsewhere and against oversized bodies:
 * <ul>
 *   <li>the {@code Host} header must name the loopback interface ({@code localhost}, {@code 127.0.0.1},
 *       {@code [::1]}): a page on another site that rebinds its DNS name to 127.0.0.1 is refused (403);</li>
 *   <li>a request that is not GET, HEAD or OPTIONS must not come from another origin: an {@code Origin} header
 *       that is not a loopback origin is refused (403), so a cross-site form cannot run an update;</li>
 *   <li>a SPARQL Update with a {@code LOAD} is refused (403): it would make the server read local files
 *       ({@code file:}) or fetch any URL; data is loaded with {@code chainkg load --endpoint} instead; so is one
 *       whose WHERE has a SERVICE to an endpoint that is not allowed ({@link ServiceAllowList});</li>
 *   <li>a request body over {@code maxBodyBytes} is refused with 413 (by its Content-Length, or, for a chunked
 *       body, by reading at most one byte past the limit here); SPARQL parsing time grows faster than the text.</li>
 * </ul>
 */
final class RequestGuard implements Filter {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Default largest request body: 1 MB (the longest named query is under 10 kB). */
    static final long DEFAULT_MAX_BODY = 1L << 20;

    private final long maxBodyBytes;
    private final ServiceAllowList services;
    private final boolean updates;

    RequestGuard(long maxBodyBytes) {
        this(maxBodyBytes, ServiceAllowList.of(java.util.List.of()), true);
    }

    /**
     * {@code updates}: whether the server accepts SPARQL Update; only then are update texts parsed here (for LOAD and
     * SERVICE): parsing cannot be stopped, and a read-only server has no update to check.
     */
    RequestGuard(long maxBodyBytes, ServiceAllowList services, boolean updates) {
        this.maxBodyBytes = maxBodyBytes;
        this.services = services;
        this.updates = updates;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String host = req.getHeader("Host");
        if (host != null && !LOOPBACK.contains(hostName(host))) {
            HttpResults.error(resp, 403, "this server answers only requests addressed to localhost (Host: " + host + ")");
            return;
        }
        String origin = req.getHeader("Origin");
        if (!SAFE.contains(req.getMethod().toUpperCase(Locale.ROOT)) && origin != null && !loopbackOrigin(origin)) {
            HttpResults.error(resp, 403, "a " + req.getMethod() + " from another origin (" + origin + ") is refused");
            return;
        }
        long length = req.getContentLengthLong();
        if (length > maxBodyBytes) {
            HttpResults.error(resp, 413, "the request body (" + length + " bytes) is over this server's limit of " + maxBodyBytes + " bytes");
            return;
        }
        HttpServletRequest next = req;
        if (!SAFE.contains(req.getMethod().toUpperCase(Locale.ROOT))) {
            String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
            String update = null;
            boolean form = type.startsWith("application/x-www-form-urlencoded");
            if ((length < 0 && !form) || type.startsWith("application/sparql-update")) {
                // A body of unknown length (chunked) is read here, at most one byte past the limit, and replayed.
                // Forms are left to Jetty, which parses them itself and has its own size limit (200,000 bytes).
                byte[] body = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBodyBytes) + 1);
                if (body.length > maxBodyBytes) {
                    HttpResults.error(resp, 413, "the request body is over this server's limit of " + maxBodyBytes + " bytes");
                    return;
                }
                next = new Replayed(req, body);
                if (updates && type.startsWith("application/sparql-update")) update = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            }
            if (updates && form)
                update = next.getParameter("update");
            String refusal = update == null ? null : updateRefusal(update);
            if (refusal != null) {
                HttpResults.error(resp, 403, refusal);
                return;
            }
        }
        chain.doFilter(next, response);
    }

    /**
     * Why an update may not run, or null: a LOAD, or a SERVICE (in a WHERE) to an endpoint that is not allowed.
     * Text that does not parse is left to Fuseki, which reports it.
     */
    String updateRefusal(String update) {
        java.util.List<org.apache.jena.update.Update> ops;
        try {
            ops = org.apache.jena.update.UpdateFactory.create(update).getOperations();
        } catch (RuntimeException e) {
            return null;
        }
        for (org.apache.jena.update.Update op : ops) {
            if (op instanceof org.apache.jena.sparql.modify.request.UpdateLoad)
                return "LOAD is refused: this server reads no files and fetches no URLs for an update; "
                       + "load data with chainkg load --endpoint URL PATH...";
            if (op instanceof org.apache.jena.sparql.modify.request.UpdateModify m && m.getWherePattern() != null) {
                String why = services.refusal(org.apache.jena.sparql.algebra.Algebra.compile(m.getWherePattern()));
                if (why != null) return why;
            }
        }
        return null;
    }

    static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) return h.substring(0, h.indexOf(']') + 1);
        int colon = h.lastIndexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    static boolean loopbackOrigin(String origin) {
        try {
            URI u = URI.create(origin.trim());
            return u.getHost() != null && LOOPBACK.contains(u.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A request whose body was read here, handed on to the servlet again. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
