package org.chainkg.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Passes SPARQL 1.1 protocol queries ({@code ?query=} by GET, or a form POST) on to a remote query endpoint and
 * streams its answer back with its status and content type. Queries only: updates are not forwarded.
 */
final class SparqlProxyServlet extends HttpServlet {
    private final String endpoint;
    private final Duration timeout;
    private final transient HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SparqlProxyServlet(String endpoint, long timeoutSeconds) {
        this.endpoint = endpoint;
        this.timeout = Duration.ofSeconds(timeoutSeconds > 0 ? timeoutSeconds : 600);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String query = req.getParameter("query");
        if (query == null) {
            resp.sendError(400, "no query= parameter (this server only passes SPARQL queries on to " + endpoint + ")");
            return;
        }
        String accept = req.getHeader("Accept");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (accept != null) b.header("Accept", accept);
        try {
            HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            resp.setStatus(r.statusCode());
            r.headers().firstValue("Content-Type").ifPresent(resp::setContentType);
            try (var in = r.body()) {
                in.transferTo(resp.getOutputStream());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resp.sendError(503, "interrupted");
        } catch (IOException e) {
            resp.sendError(502, "the remote endpoint " + endpoint + " did not answer: " + e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
