package org.chainkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Fuseki UI, read-only: on a server that accepts no update, the UI's page ({@code /sparql-console/}, {@code .../index.html})
 * gets a style and a script that hide the actions the server would refuse ("add data", "edit", "manage" and
 * "new dataset": the UI shows them whatever the dataset's services are) and lead those pages back to the query
 * editor. The UI's own files are left as they are; a server with updates serves the page unchanged.
 */
final class ReadOnlyUi implements Filter {
    /** Marks the page as chainkg's read-only one (tests look for it). */
    static final String MARK = "chainkg-read-only-ui";
    /** Where the workbench serves the Fuseki UI. */
    static final String CONSOLE = "/sparql-console/";

    private static final String INJECTED = """
        <style id="%s">
          /* Links and buttons to the actions a read-only server refuses. */
          li:has(> a[href*="/upload"]), li:has(> a[href*="/edit"]), li:has(> a[href*="/manage"]),
          a[href*="/upload"], a[href*="/edit"], a[href*="/manage"],
          button:has(svg[data-icon="upload"]), button:has(svg[data-icon="edit"]),
          button:has(svg[data-icon="pen-to-square"]) { display: none !important; }
        </style>
        <script>
          // A bookmarked upload, edit or manage page leads back to the query editor.
          (function () {
            function back() {
              var where = location.hash || location.pathname;
              var m = /\\/dataset\\/([^/]+)\\/(upload|edit)/.exec(where);
              if (m) location.replace("#/dataset/" + m[1] + "/query");
              else if (/^#?\\/manage/.test(where)) location.replace("#/");
            }
            window.addEventListener("hashchange", back);
            back();
          })();
        </script>
        """.formatted(MARK);

    private final byte[] page;

    ReadOnlyUi() {
        try (InputStream in = ReadOnlyUi.class.getClassLoader().getResourceAsStream("webapp/index.html")) {
            if (in == null) throw new IllegalStateException("the Fuseki UI (jena-fuseki-ui) is not on the classpath");
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.page = html.replace("</head>", INJECTED + "</head>").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!(path.equals(CONSOLE) || path.equals(CONSOLE + "index.html")) || !("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setStatus(200);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(page.length);
        if ("GET".equals(req.getMethod())) resp.getOutputStream().write(page);
    }
}
