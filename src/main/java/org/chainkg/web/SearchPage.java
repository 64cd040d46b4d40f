package org.chainkg.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Search, {@code /search?q=TEXT}: the search query (Lucene full text over names and descriptions, English stemmed and
 * Chinese segmented) with each hit linked to its item card or organisation page; {@code /fragment/search?q=} gives
 * the suggestions the search box shows as one types (htmx).
 */
public final class SearchPage extends Page {
    private final boolean fragment;

    SearchPage(Tables tables, boolean fragment) {
        super(tables);
        this.fragment = fragment;
    }

    public record View(Lang lang, String q, Table hits, String chain, String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String q = req.getParameter("q") == null ? "" : req.getParameter("q").trim();
        Table hits = q.isEmpty() ? null : tables.named("search", Map.of("q", q, "limit", fragment ? "8" : "50"));
        Table chains = tables.lookup(ChainMapPage.CHAINS, Map.of());
        String chain = chains.isEmpty() ? "" : chains.rows().get(0).get("chain");
        Html.page(resp, fragment ? "suggest.jte" : "search.jte", new View(lang, q, hits, chain, lang.switchUrl(req)));
    }
}
