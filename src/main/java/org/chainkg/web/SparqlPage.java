package org.chainkg.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;

/**
 * "Show the SPARQL", {@code /sparql?q=NAME&PARAM=VALUE...}: the named query with its parameters written in, runnable
 * as is: a form that runs it on the SPARQL endpoint ({@code /chainkg/sparql}), and the link that opens it in the
 * SPARQL console.
 */
public final class SparqlPage extends Page {
    SparqlPage(Tables tables) {
        super(tables);
    }

    public record View(Lang lang, NamedQuery query, Map<String, String> params, String sparql, String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String name = required(req, "q");
        NamedQuery q = NamedQueries.all().get(name);
        if (q == null) throw new IllegalArgumentException("q: no named query '" + name + "' (GET /chainkg/q lists them)");
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> { if (!k.equals("q") && !k.equals("lang")) params.put(k, v[0]); });
        tables.check(name, params);   // refuses a parameter the query does not have or the store does not know
        Html.page(resp, "sparql.jte", new View(lang, q, params, Tables.sparql(name, params), lang.switchUrl(req)));
    }
}
