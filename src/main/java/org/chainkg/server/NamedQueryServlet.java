package org.chainkg.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.Page;
import org.chainkg.query.QueryParameterException;
import org.chainkg.query.QueryRunner;
import org.chainkg.query.ResultFormat;

/**
 * {@code GET /chainkg/q/NAME?key=value...} runs a named query with its parameters bound as RDF terms. SPARQL 1.1
 * JSON results by default; CSV with {@code Accept: text/csv}; TSV with {@code Accept: text/tab-separated-values}.
 * {@code offset=N&rows=M} returns one page of the rows in the query's order, with a {@code Link: <...>; rel="next"}
 * header when more rows follow. {@code GET /chainkg/q} lists the named queries (title, question, parameters, columns) as JSON.
 */
final class NamedQueryServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final transient QueryRunner runner;

    NamedQueryServlet(DatasetGraph dsg, long timeoutMillis) {
        this(new QueryRunner(dsg, timeoutMillis));
    }

    NamedQueryServlet(QueryRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        String name = path == null ? "" : path.replaceFirst("^/", "");
        if (name.isEmpty()) {
            catalogue(resp);
            return;
        }
        NamedQuery q = NamedQueries.all().get(name);
        if (q == null) {
            HttpResults.error(resp, 404, "no named query '" + name + "' (see " + req.getContextPath() + ChainkgServer.DATASET + "/q)");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> { if (!NamedQuery.RESERVED.contains(k)) params.put(k, v[v.length - 1]); });
        Binding binding;
        Page page;
        try {
            binding = q.bind(params);
            page = Page.parse(req.getParameter("offset"), req.getParameter("rows"));
        } catch (QueryParameterException e) {
            HttpResults.error(resp, 400, e.getMessage());
            return;
        }
        ResultFormat format = HttpResults.negotiate(req);
        resp.setStatus(200);
        resp.setContentType(HttpResults.contentType(format));
        if (q.credit() != null)
            resp.setHeader("X-Data-Credit", q.credit());
        try {
            OutputStream out = resp.getOutputStream();
            if (page.rows() < 0) {
                runner.select(q.query(), binding, page, rows -> format.write(rows, out));
            } else {
                // One row more than the page tells whether there is a next page: RFC 8288 Link rel="next".
                runner.select(q.query(), binding, page.oneMore(), rows -> {
                    List<Binding> kept = new ArrayList<>();
                    boolean more = false;
                    while (rows.hasNext()) {
                        Binding b = rows.next();
                        if (kept.size() < page.rows()) kept.add(b); else more = true;
                    }
                    if (more) resp.setHeader("Link", "<" + nextPage(req, page) + ">; rel=\"next\"");
                    format.write(RowSetStream.create(rows.getResultVars(), kept.iterator()), out);
                });
            }
            out.flush();
        } catch (QueryCancelledException e) {
            if (!resp.isCommitted()) HttpResults.error(resp, 503, "the query timed out");
        }
    }

    /** The request's URL with offset moved on by one page (other parameters kept, in their order). */
    private static String nextPage(HttpServletRequest req, Page page) {
        StringBuilder url = new StringBuilder(req.getRequestURI()).append('?');
        req.getParameterMap().forEach((k, v) -> {
            if (Page.PARAMETERS.contains(k)) return;
            url.append(enc(k)).append('=').append(enc(v[v.length - 1])).append('&');
        });
        Page next = page.next();
        return url.append("offset=").append(next.offset()).append("&rows=").append(next.rows()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void catalogue(HttpServletResponse resp) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        for (NamedQuery q : NamedQueries.all().values()) {
            ObjectNode o = list.addObject();
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("question", q.question());
            ArrayNode params = o.putArray("parameters");
            q.parameters().values().forEach(p -> params.addObject().put("name", p.name()).put("type", p.type())
                .put("default", p.required() ? null : p.defaultValue()).put("description", p.description()));
            ArrayNode cols = o.putArray("columns");
            q.columns().forEach(cols::add);
            if (q.credit() != null) o.put("credit", q.credit());
        }
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(list));
    }

}
