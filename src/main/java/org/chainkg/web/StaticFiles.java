package org.chainkg.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Files from the classpath under a folder: WebJars ({@code META-INF/resources/webjars/}), the workbench's CSS and
 * script ({@code org/chainkg/web/static/}), the Fuseki console ({@code webapp/}, jena-fuseki-ui). A path with ".."
 * or no such file: 404. The console's requests for the server ({@code $/...}, {@code chainkg/...} under its folder) are
 * redirected to the server's own URLs.
 */
final class StaticFiles extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
        "html", "text/html; charset=utf-8", "ico", "image/x-icon", "svg", "image/svg+xml", "json", "application/json",
        "woff2", "font/woff2", "png", "image/png");
    private final String folder;
    private final String index;

    StaticFiles(String folder, String index) {
        this.folder = folder;
        this.index = index;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null || req.getPathInfo().equals("/") ? index : req.getPathInfo().substring(1);
        // The Fuseki console builds its server URLs on its own location (/sparql-console/$/ping,
        // /sparql-console/chainkg/sparql): they are the server's, so send them there (307 keeps method and body).
        if (index != null && path != null && (path.startsWith("$/") || path.equals("chainkg") || path.startsWith("chainkg/"))) {
            resp.setStatus(307);
            // The raw (still percent-encoded) path, so %3F, %23 and the like reach the target unchanged.
            String raw = req.getRequestURI().substring(req.getContextPath().length() + req.getServletPath().length());
            resp.setHeader("Location", raw + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
            return;
        }
        if (path == null || path.contains("..") || path.startsWith("/")) {
            if (path == null && req.getPathInfo() == null) { resp.sendRedirect(req.getRequestURI() + "/"); return; }
            resp.sendError(404);
            return;
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(folder + path)) {
            if (in == null) { resp.sendError(404); return; }
            String ext = path.substring(path.lastIndexOf('.') + 1);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            resp.setHeader("Cache-Control", "max-age=3600");
            in.transferTo(resp.getOutputStream());
        }
    }
}
