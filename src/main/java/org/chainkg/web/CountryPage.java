package org.chainkg.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The country page, {@code /country/C}: chokepoints, broken segments, country profile, chokepoint research capacity
 * and technology islands, each a table of its named query's rows with sorting, CSV and JSON download (the
 * {@code /chainkg/q/NAME} endpoint) and "show the SPARQL" ({@code /sparql?q=NAME&...}).
 */
public final class CountryPage extends Page {
    static final List<String> QUERIES = List.of("chokepoints", "broken-segments", "country-profile", "chokepoint-capacity", "technology-islands");

    CountryPage(Tables tables) {
        super(tables);
    }

    /** A table with its note when empty (the query's Empty: header), or null. */
    public record Section(String query, Table table, String note) {}

    public record View(Lang lang, String country, List<Section> sections, String chain, String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String path = req.getPathInfo();
        String country = path == null ? "" : path.replaceAll("^/+|/+$", "");
        if (country.isEmpty()) throw new IllegalArgumentException("country: give a country code in the path, e.g. /country/CHN");
        country = country.toUpperCase(java.util.Locale.ROOT);
        List<Section> sections = new ArrayList<>();
        for (String q : QUERIES) {
            Table t = tables.named(q, Map.of("country", country));
            sections.add(new Section(q, t, t.isEmpty() ? tables.emptyNote(q, Map.of("country", country)) : null));
        }
        Table chains = tables.lookup(ChainMapPage.CHAINS, Map.of());
        String chain = chains.isEmpty() ? "" : chains.rows().get(0).get("chain");
        Html.page(resp, "country.jte", new View(lang, country, sections, chain, lang.switchUrl(req)));
    }
}
