package org.chainkg.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;

/**
 * The named queries, {@code /queries}: one form per query of the catalogue (as {@code GET /chainkg/q} lists them),
 * with its question and definition; {@code /queries/NAME?PARAM=VALUE...} runs it and shows its rows as a table with
 * CSV and JSON download and "show the SPARQL".
 */
public final class QueriesPage extends Page {
    QueriesPage(Tables tables) {
        super(tables);
    }

    public record View(Lang lang, List<NamedQuery> queries, NamedQuery selected, Map<String, String> params, Table table, String note,
                       String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceAll("^/+|/+$", "");
        List<NamedQuery> all = new ArrayList<>(NamedQueries.all().values());
        if (path.isEmpty()) {
            Html.page(resp, "queries.jte", new View(lang, all, null, Map.of(), null, null, lang.switchUrl(req)));
            return;
        }
        NamedQuery q = NamedQueries.all().get(path);
        if (q == null) throw new IllegalArgumentException("query: no named query '" + path + "' (see /queries)");
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> { if (!k.equals("lang") && !v[0].isBlank()) params.put(k, v[0].trim()); });
        Table t = tables.named(q.name(), params);
        String note = t.isEmpty() ? tables.emptyNote(q.name(), params) : null;
        Html.page(resp, "queries.jte", new View(lang, all, q, params, t, note, lang.switchUrl(req)));
    }
}
