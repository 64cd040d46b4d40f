package org.chainkg.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The item card, {@code /item?chain=IRI&id=ID[&country=C]}: the item's description and market size, its country and
 * firm shares (providers-of) as bars with year and source citation, each linked to its provenance; the research
 * organisations with outputs on it by country (research-capacity); the outputs with the evidence of each link
 * (outputs-for-item); and, with a country, the labs for this need (loaded from {@code /fragment/labs}).
 */
public final class ItemPage extends Page {
    static final String ITEM = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?el ?en ?zh ?description ?market WHERE {
          ?el ck:inChain ?chain ; dcterms:identifier ?id .
          OPTIONAL { ?el rdfs:label ?en FILTER(lang(?en) = "en") }
          OPTIONAL { ?el rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }
          OPTIONAL { ?el dcterms:description ?description FILTER(lang(?description) = "en" || lang(?description) = "") }
          OPTIONAL { ?el ck:marketSize ?market }
        } LIMIT 1""";

    ItemPage(Tables tables) {
        super(tables);
    }

    /** One share bar: provider, its kind and country, share (empty: no figure), year, citation and source line. */
    public record Share(String providerId, String provider, String kind, String country, String share, double width,
                        boolean unknown, String year, String source, String line) {}

    public record View(Lang lang, String chain, String id, String name, boolean nameFallback, String description, String market,
                       List<Share> countries, List<Share> firms, Table research, Table outputs, String country, String switchUrl,
                       String riskCountry, Table upstream, Table trend, List<Bar> trendBars, List<Tier> tiers) {}

    /** One tier of the upstream tree: its elements, each marked when it is the weakest link of some path. */
    public record Tier(String tier, List<Upstream> elements) {}

    public record Upstream(String id, String name, String status, String hhi, boolean weakest) {}

    /** One bar of the trend chart: the item's HHI at one point of its series (release, observed year, scenario year). */
    public record Bar(String label, String series, String hhi, double height) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String chain = required(req, "chain");
        String id = required(req, "id");
        String country = req.getParameter("country");
        country = country == null || country.isBlank() ? null : tables.country(country);
        Table item = tables.lookup(ITEM, Map.of("chain", chain, "id", id));
        if (item.isEmpty()) throw new IllegalArgumentException("id: no item '" + id + "' in the chain " + chain);
        Table providers = tables.named("providers-of", Map.of("item", id, "chain", chain));
        Map<String, String> it = item.rows().get(0);
        List<Share> countries = new ArrayList<>(), firms = new ArrayList<>();
        for (Map<String, String> r : providers.rows()) {
            boolean unknown = !"true".equals(r.get("share_known"));
            double width = unknown || r.get("share").isEmpty() ? 0 : Math.max(0, Math.min(100, Double.parseDouble(r.get("share"))));
            Share s = new Share(r.get("provider_id"), r.get("provider"), r.get("kind"), r.get("country"), lang.number(r.get("share"), 1),
                                width, unknown, r.get("year"), r.get("source"), r.get("source_line"));
            (r.get("kind").equals("country") ? countries : firms).add(s);
        }
        Table research = tables.named("research-capacity", Map.of("item", id, "chain", chain));
        Table outputs = tables.named("outputs-for-item", Map.of("item", id, "chain", chain));
        // Upstream tiers with the weakest link, and the concentration trend, for the country asked for (else CHN).
        String riskCountry = country == null ? "CHN" : country;
        Table upstream = tables.named("upstream-risk", Map.of("item", id, "chain", chain, "country", riskCountry));
        Table trend = tables.named("concentration-trend", Map.of("item", id, "chain", chain, "country", riskCountry));
        java.util.Set<String> weakest = new java.util.HashSet<>();
        for (Map<String, String> r : upstream.rows()) if (!r.get("weakest_link_id").isEmpty()) weakest.add(r.get("weakest_link_id"));
        Map<String, Tier> tiers = new java.util.LinkedHashMap<>();
        for (Map<String, String> r : upstream.rows())
            tiers.computeIfAbsent(r.get("tier"), k -> new Tier(k, new ArrayList<>())).elements().add(new Upstream(
                r.get("element_id"), r.get("element"), r.get("status"), lang.number(r.get("hhi"), 0), weakest.contains(r.get("element_id"))));
        List<Bar> bars = new ArrayList<>();
        for (Map<String, String> r : trend.rows()) {
            double hhi = r.get("hhi").isEmpty() ? 0 : Double.parseDouble(r.get("hhi"));
            bars.add(new Bar(r.get("period"), r.get("series"), lang.number(r.get("hhi"), 0), Math.max(0, Math.min(100, hhi / 100))));
        }
        boolean fallback = lang.zh() && it.get("zh").isEmpty();
        String name = lang.zh() && !it.get("zh").isEmpty() ? it.get("zh") : it.get("en");
        Html.page(resp, "card.jte", new View(lang, chain, id, name, fallback, it.get("description"), it.get("market"), countries, firms,
                                             research, outputs, country, lang.switchUrl(req), riskCountry, upstream, trend, bars, new ArrayList<>(tiers.values())));
    }
}
