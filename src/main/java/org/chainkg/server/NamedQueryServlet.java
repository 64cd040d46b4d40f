package org.chainkg.server;

import java.io.IOException;
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
import org.chainkg.query.ParameterDomain;
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
    /** Largest result a request may get in one response (bytes); larger ones must be paged. */
    static final long DEFAULT_MAX_RESULT_BYTES = 128L << 20;

    private final transient QueryRunner runner;
    private final transient ParameterDomain domain;
    private final long maxResultBytes;

    NamedQueryServlet(DatasetGraph dsg, long timeoutMillis) {
        this(new QueryRunner(dsg, timeoutMillis));
    }

    NamedQueryServlet(QueryRunner runner) {
        this(runner, DEFAULT_MAX_RESULT_BYTES);
    }

    NamedQueryServlet(QueryRunner runner, long maxResultBytes) {
        this.runner = runner;
        this.domain = new ParameterDomain(runner);
        this.maxResultBytes = maxResultBytes;
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
        Binding binding;
        Page page;
        ResultFormat format;
        try {
            HttpResults.requireSingleValues(req);
            req.getParameterMap().forEach((k, v) -> { if (!NamedQuery.RESERVED.contains(k)) params.put(k, v[0]); });
            binding = q.bind(params, domain);
            page = Page.parse(req.getParameter("offset"), req.getParameter("rows"));
            format = HttpResults.negotiate(req);
        } catch (QueryParameterException e) {
            HttpResults.error(resp, 400, e.getMessage());
            return;
        } catch (HttpResults.NotAcceptableException e) {
            HttpResults.error(resp, 406, e.getMessage());
            return;
        }
        // The whole result is written to a bounded buffer first: an error found while evaluating (a timeout, a
        // result over the size limit) is then reported with its own status, never after a 200 has gone out.
        HttpResults.BoundedBuffer out = new HttpResults.BoundedBuffer(maxResultBytes);
        String[] next = new String[1];
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        String note;
        try {
            if (page.rows() < 0) {
                runner.select(q.query(), binding, page, rows -> format.write(org.chainkg.query.EmptyAnswer.counting(rows, count), out));
            } else {
                // One row more than the page tells whether there is a next page: RFC 8288 Link rel="next".
                runner.select(q.query(), binding, page.oneMore(), rows -> {
                    List<Binding> kept = new ArrayList<>();
                    boolean more = false;
                    while (rows.hasNext()) {
                        Binding b = rows.next();
                        if (kept.size() < page.rows()) kept.add(b); else more = true;
                    }
                    if (more) next[0] = "<" + nextPage(req, page) + ">; rel=\"next\"";
                    count.set(kept.size());
                    format.write(RowSetStream.create(rows.getResultVars(), kept.iterator()), out);
                });
            }
            note = org.chainkg.query.EmptyAnswer.note(runner, q, binding, page.offset(), count.get()).orElse(null);
        } catch (QueryCancelledException e) {
            HttpResults.error(resp, 503, "the query was stopped: it ran past the server's timeout, or its answer needed more memory than the server has");
            return;
        } catch (OutOfMemoryError e) {
            HttpResults.error(resp, 503, MemoryGuard.OUT_OF_MEMORY);
            return;
        } catch (HttpResults.ResultTooLargeException e) {
            HttpResults.error(resp, 400, "parameter rows: " + e.getMessage());
            return;
        } catch (QueryParameterException e) {
            HttpResults.error(resp, 400, e.getMessage());
            return;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(NamedQueryServlet.class).warn("named query {} failed: {}", name, e.toString());
            HttpResults.error(resp, 500, "the query failed: " + e.getMessage());
            return;
        }
        resp.setStatus(200);
        resp.setContentType(HttpResults.contentType(format));
        if (q.credit() != null)
            resp.setHeader("X-Data-Credit", q.credit());
        if (next[0] != null) resp.setHeader("Link", next[0]);
        if (note != null) resp.setHeader(org.chainkg.query.EmptyAnswer.HEADER, org.chainkg.query.EmptyAnswer.headerValue(note));
        resp.setContentLength(out.size());
        out.writeTo(resp.getOutputStream());
        resp.getOutputStream().flush();
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
