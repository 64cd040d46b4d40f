package org.chainkg.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The chain map, {@code /chain?chain=IRI&country=C&highlight=H}: the chain's stages as bands from upstream to the
 * final output, each with its items (sub-kinds collapsible under their parent). With a country, every item shows the
 * country's status and share (country-profile; absent when the country has no row) and whether it is a chokepoint
 * (chokepoints); {@code highlight=concentration} bands the items by HHI, {@code broken} marks the missing resources
 * of each broken segment (broken-segments), {@code islands} the technology islands (technology-islands), and
 * {@code firm} (with {@code firm=P88} or a firm's name) the items the firm supplies with its share.
 */
public final class ChainMapPage extends Page {
    public static final List<String> HIGHLIGHTS = List.of("country", "concentration", "broken", "islands", "firm", "whatif");
    static final String CHAINS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?chain (MIN(STR(?l)) AS ?label) WHERE { ?chain a ck:IndustrialChain OPTIONAL { ?chain rdfs:label ?l } }
        GROUP BY ?chain ORDER BY ?chain""";
    static final String LABELS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?zh ?hhi WHERE {
          ?el ck:inChain ?chain ; dcterms:identifier ?id .
          OPTIONAL { ?el rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }
          OPTIONAL { ?m a ck:ConcentrationMeasure ; ck:assessedElement ?el ; ck:hhi ?hhi }
        }""";

    /** The provision rows of one firm (ETO provider id, or its name in any case) in a chain. */
    static final String FIRM = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?share ?known ?name WHERE {
          ?p a ck:Firm ; rdfs:label ?name .
          { ?p dcterms:identifier ?firm } UNION { ?p rdfs:label ?l FILTER(LCASE(STR(?l)) = LCASE(?firm)) }
          ?pv ck:provider ?p ; ck:item ?el . ?el ck:inChain ?chain ; dcterms:identifier ?id .
          OPTIONAL { ?pv ck:sharePercent ?share } OPTIONAL { ?pv ck:shareKnown ?known }
        }""";

    ChainMapPage(Tables tables) {
        super(tables);
    }

    /** One item on the map, as the template shows it. */
    public record Item(String id, String name, boolean nameFallback, String type, String status, String share, boolean shareUnknown,
                       boolean chokepoint, String hhi, String band, Set<String> brokenSegments, boolean island,
                       String firmShare, boolean firmShareUnknown, boolean cutOff, List<Item> subkinds) {
        /** Flagged: a chokepoint, a missing resource of a broken segment, an island, or cut off (what-if). */
        public boolean flagged() { return chokepoint || !brokenSegments.isEmpty() || island || firmShare != null || cutOff; }
        /** Its sub-kinds are shown open when one of them, at any depth, is flagged. */
        public boolean open() { return subkinds.stream().anyMatch(c -> c.flagged() || c.open()); }
    }

    public record Stage(String id, String name, List<Item> items) {}

    public record Segment(String id, String name, List<String> missing) {}

    public record View(Lang lang, String chain, String chainLabel, List<String[]> chains, String country, String highlight,
                       List<Stage> stages, List<Segment> broken, List<String> islands, int chokepoints, String firm, String firmName,
                       String switchUrl, String without, int cutOffCount) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        Table chains = tables.lookup(CHAINS, Map.of());
        if (chains.isEmpty()) throw new IllegalArgumentException("chain: the store holds no chain (load data first)");
        String chain = req.getParameter("chain");
        if (chain == null || chain.isBlank()) chain = chains.rows().get(0).get("chain");
        String country = req.getParameter("country");
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(java.util.Locale.ROOT);
        String highlight = req.getParameter("highlight");
        if (highlight == null || highlight.isBlank()) highlight = country == null ? "concentration" : "country";
        if (!HIGHLIGHTS.contains(highlight))
            throw new IllegalArgumentException("highlight: '" + highlight + "' is not one of " + String.join(", ", HIGHLIGHTS));
        String firm = req.getParameter("firm") == null || req.getParameter("firm").isBlank() ? null : req.getParameter("firm").trim();
        if (highlight.equals("firm") && firm == null)
            throw new IllegalArgumentException("firm: highlight=firm needs a firm (an ETO provider id such as P88, or its name)");
        if (country == null && !highlight.equals("concentration") && !highlight.equals("firm"))
            throw new IllegalArgumentException("country: highlight=" + highlight + " needs a country (e.g. country=CHN)");
        String without = req.getParameter("without") == null || req.getParameter("without").isBlank() ? null : req.getParameter("without").trim();
        if (highlight.equals("whatif") && without == null)
            throw new IllegalArgumentException("without: highlight=whatif needs the countries that stop supplying, e.g. without=NLD,JPN");

        Table map = tables.named("chain-map", Map.of("chain", chain));
        Map<String, String[]> extra = new HashMap<>();
        for (Map<String, String> r : tables.lookup(LABELS, Map.of("chain", chain)).rows())
            extra.merge(r.get("id"), new String[] {r.get("zh"), r.get("hhi")}, (a, b) -> new String[] {a[0].isEmpty() ? b[0] : a[0], a[1].isEmpty() ? b[1] : a[1]});

        Map<String, Map<String, String>> profile = new HashMap<>();
        Set<String> chokepoints = new LinkedHashSet<>();
        Set<String> cutOff = new LinkedHashSet<>();
        Set<String> rowsOfChain = new java.util.HashSet<>();
        for (Map<String, String> r : map.rows()) rowsOfChain.add(r.get("item_id"));
        Map<String, Set<String>> brokenBy = new HashMap<>();
        List<Segment> broken = new ArrayList<>();
        List<String> islands = new ArrayList<>();
        if (country != null) {
            Map<String, String> p = Map.of("country", country, "chain", chain);
            for (Map<String, String> r : tables.named("country-profile", p).rows()) profile.put(r.get("item_id"), r);
            for (Map<String, String> r : tables.named("chokepoints", p).rows()) chokepoints.add(r.get("item_id"));
            if (highlight.equals("broken")) {
                Map<String, Segment> segs = new LinkedHashMap<>();
                for (Map<String, String> r : tables.named("broken-segments", p).rows()) {
                    segs.computeIfAbsent(r.get("segment_id"), k -> new Segment(k, r.get("segment"), new ArrayList<>()))
                        .missing().add(r.get("resource_id"));
                    brokenBy.computeIfAbsent(r.get("resource_id"), k -> new LinkedHashSet<>()).add(r.get("segment_id"));
                }
                broken.addAll(segs.values());
            }
            if (highlight.equals("whatif")) {
                // what-if: the items C is cut off from when the countries in "without" stop supplying it, and the
                // segments of this chain that become broken (what-if's segment rows).
                Map<String, Segment> segs = new LinkedHashMap<>();
                for (Map<String, String> r : tables.named("what-if", Map.of("country", country, "without", without)).rows()) {
                    if (r.get("kind").equals("item") && r.get("cut_off").equals("yes") && rowsOfChain.contains(r.get("item_id"))) cutOff.add(r.get("item_id"));
                    if (r.get("kind").equals("segment") && rowsOfChain.contains(r.get("item_id"))) {
                        segs.computeIfAbsent(r.get("item_id"), k -> new Segment(k, r.get("item"), new ArrayList<>())).missing().add(r.get("via_id"));
                        brokenBy.computeIfAbsent(r.get("via_id"), k -> new LinkedHashSet<>()).add(r.get("item_id"));
                    }
                }
                broken.addAll(segs.values());
            }
            if (highlight.equals("islands"))
                for (Map<String, String> r : tables.named("technology-islands", Map.of("country", country)).rows())
                    islands.add(r.get("unit_id"));
        }

        Map<String, String> firmShares = new HashMap<>();
        String firmName = null;
        if (highlight.equals("firm")) {
            Table rowsOfFirm = tables.lookup(FIRM, Map.of("chain", chain, "firm", firm));
            if (rowsOfFirm.isEmpty())
                throw new IllegalArgumentException("firm: no firm '" + firm + "' supplies an item of this chain (give an ETO provider id such as P88, or its name)");
            for (Map<String, String> r : rowsOfFirm.rows()) firmShares.put(r.get("id"), "false".equals(r.get("known")) ? "" : r.get("share"));
            firmName = rowsOfFirm.rows().get(0).get("name");
        }
        // Items by id, then sub-kinds under the first parent that is on the map, the rest in their stage band.
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Map<String, String> r : map.rows()) rows.put(r.get("item_id"), r);
        Map<String, List<String>> children = new LinkedHashMap<>();
        List<String> top = new ArrayList<>();
        for (Map<String, String> r : map.rows()) {
            String parent = r.get("subtype_of").isEmpty() ? null : r.get("subtype_of").split(" ")[0];
            if (parent != null && rows.containsKey(parent)) children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r.get("item_id"));
            else top.add(r.get("item_id"));
        }
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (String id : top) {
            Map<String, String> r = rows.get(id);
            String sid = r.get("stage_id").isEmpty() ? "-" : r.get("stage_id").split(" ")[0];
            String sname = r.get("stage").isEmpty() ? lang.t("chain.nostage") : r.get("stage").split("; ")[0];
            stages.computeIfAbsent(sid, k -> new Stage(k, stageName(lang, k, sname, extra), new ArrayList<>()))
                  .items().add(item(id, rows, children, extra, profile, chokepoints, brokenBy, islands, firmShares, cutOff, lang, country));
        }
        List<Stage> ordered = new ArrayList<>(stages.values());
        ordered.sort(java.util.Comparator.comparing(s -> s.id().equals("-") ? "~" : s.id()));
        String shown = chain;
        String label = chains.rows().stream().filter(r -> r.get("chain").equals(shown)).map(r -> r.get("label")).findFirst().orElse(chain);
        List<String[]> chainList = chains.rows().stream().map(r -> new String[] {r.get("chain"), r.get("label")}).toList();
        Html.page(resp, "chain.jte", new View(lang, chain, label, chainList, country, highlight, ordered, broken, islands,
                                              chokepoints.size(), firm, firmName, lang.switchUrl(req), without, cutOff.size()));
    }

    private static String stageName(Lang lang, String id, String en, Map<String, String[]> extra) {
        String[] x = extra.get(id);
        return lang.zh() && x != null && !x[0].isEmpty() ? x[0] : en;
    }

    private Item item(String id, Map<String, Map<String, String>> rows, Map<String, List<String>> children, Map<String, String[]> extra,
                      Map<String, Map<String, String>> profile, Set<String> chokepoints, Map<String, Set<String>> brokenBy,
                      List<String> islands, Map<String, String> firmShares, Set<String> cutOff, Lang lang, String country) {
        Map<String, String> r = rows.get(id);
        String[] x = extra.getOrDefault(id, new String[] {"", ""});
        boolean fallback = lang.zh() && x[0].isEmpty();
        String name = lang.zh() && !x[0].isEmpty() ? x[0] : r.get("item");
        Map<String, String> p = profile.get(id);
        String status = country == null ? null : p == null ? "absent" : p.get("status");
        String share = p == null ? "" : p.get("home_share");
        boolean unknown = p != null && share.isEmpty();
        List<Item> subs = new ArrayList<>();
        for (String c : children.getOrDefault(id, List.of()))
            subs.add(item(c, rows, children, extra, profile, chokepoints, brokenBy, islands, firmShares, cutOff, lang, country));
        String firmShare = firmShares.get(id);
        return new Item(id, name, fallback, r.get("type"), status, lang.number(share, 1), unknown, chokepoints.contains(id),
                        lang.number(x[1], 0), band(x[1]), brokenBy.getOrDefault(id, Set.of()), islands.contains(id),
                        firmShare == null ? null : lang.number(firmShare, 1), firmShare != null && firmShare.isEmpty(), cutOff.contains(id), subs);
    }

    /** HHI bands of the US merger guidelines: below 1,500 unconcentrated, 1,500-2,500 moderate, above 2,500 high. */
    static String band(String hhi) {
        if (hhi == null || hhi.isEmpty()) return "none";
        double h = Double.parseDouble(hhi);
        return h > 2500 ? "high" : h >= 1500 ? "moderate" : "low";
    }
}
