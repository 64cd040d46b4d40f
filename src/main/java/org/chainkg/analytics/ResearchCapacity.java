package org.chainkg.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;

/**
 * Materialises the research-capacity table: one {@code ck:ResearchCapacity} per chain item and country of the
 * research organisations holding outputs that bear on it (definitions of the research-capacity query: a research
 * organisation is a canonical organisation typed ck:ResearchOrganisation; it holds an output when one of its source
 * nodes is the output's assignee, applicant or author institution; an output bears on an item by the curated
 * mapping or a text link). Each record counts the distinct organisations and outputs, gives the first and last
 * output year, links the organisations and lists their names ({@code ck:organisationNames}: distinct labels sorted
 * as String.compareTo and SPARQL ORDER BY sort them, joined by "; "); records whose organisations have no known country carry no
 * {@code ck:countryOfInterest}. Reads graph derived/output-reach, so it runs after {@link OutputReach}.
 */
public final class ResearchCapacity implements Derivation, InEngine {
    private static final String HOLDERS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?o ?canon ?country ?code ?y WHERE {
          ?o ck:heldBy ?canon . ?canon a ck:ResearchOrganisation .
          OPTIONAL { ?canon ck:country ?country . ?country skos:notation ?code }
          OPTIONAL { ?o ck:outputYear ?y }
        }""";
    private static final String NAMES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?canon ?name WHERE { ?canon a ck:ResearchOrganisation ; rdfs:label ?name }""";
    private static final String BEARS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?o ?el WHERE { ?o ck:bearsOn ?el . ?el a ck:ChainItem }""";

    /** Reads output reach, the research organisations of identity, chain items. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.heldBy, CK.bearsOn, CK.ResearchOrganisation, CK.ChainItem, CK.outputYear); }

    @Override public String name() { return "research-capacity"; }
    @Override public String version() { return "1.1.0"; }
    @Override public String description() {
        return "One ck:ResearchCapacity per chain item and country: the research organisations of that country holding outputs "
               + "that bear on the item, with the numbers of organisations and outputs, the first and last output year and the organisations' names.";
    }

    private record Holder(Node canon, Node country, String code) {}

    private static final class Cell {
        final Set<Node> orgs = new HashSet<>();
        final Set<Node> outputs = new HashSet<>();
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        Node country;
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<Node, Set<Holder>> holders = new HashMap<>();
        Map<Node, Integer> years = new HashMap<>();
        in.select(HOLDERS, b -> {
            holders.computeIfAbsent(b.get("o"), k -> new HashSet<>())
                   .add(new Holder(b.get("canon"), b.get("country"), b.contains("code") ? b.get("code").getLiteralLexicalForm() : ""));
            if (b.contains("y")) years.put(b.get("o"), Integer.parseInt(b.get("y").getLiteralLexicalForm()));
        });
        Map<Node, List<String>> names = new HashMap<>();
        in.select(NAMES, b -> names.computeIfAbsent(b.get("canon"), k -> new ArrayList<>(1))
                                                  .add(b.get("name").getLiteralLexicalForm()));
        Map<String, Cell> cells = new TreeMap<>();
        Map<String, Node> elementOf = new HashMap<>();
        in.select(BEARS, b -> {
            Set<Holder> hs = holders.get(b.get("o"));
            if (hs == null) return;
            Node el = b.get("el");
            Integer year = years.get(b.get("o"));
            for (Holder h : hs) {
                String key = el.getURI() + " " + h.code();
                elementOf.putIfAbsent(key, el);
                Cell c = cells.computeIfAbsent(key, k -> new Cell());
                c.country = h.country();
                c.orgs.add(h.canon());
                c.outputs.add(b.get("o"));
                if (year != null) { c.first = Math.min(c.first, year); c.last = Math.max(c.last, year); }
            }
        });
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            Cell c = e.getValue();
            Node el = elementOf.get(e.getKey());
            Node rc = Iris.derived("research-capacity", e.getKey());
            out.type(rc, CK.ResearchCapacity);
            out.add(rc, CK.assessedElement, el);
            if (c.country != null) out.add(rc, CK.countryOfInterest, c.country);
            out.integer(rc, CK.organisationCount, c.orgs.size());
            out.integer(rc, CK.outputCount, c.outputs.size());
            if (c.first != Integer.MAX_VALUE) {
                out.typed(rc, CK.firstYear, String.format("%04d", c.first), XSDDatatype.XSDgYear);
                out.typed(rc, CK.lastYear, String.format("%04d", c.last), XSDDatatype.XSDgYear);
            }
            Set<String> sorted = new TreeSet<>();
            for (Node org : c.orgs) {
                out.add(rc, CK.researchOrganisation, org);
                sorted.addAll(names.getOrDefault(org, List.of()));
            }
            out.rawText(rc, CK.organisationNames, String.join("; ", sorted));
        }
        return cells.size();
    }


    /** The (item, country code) cells' rows: output, item, research organisation, its country and code ("" if none). */
    private static final String CELL_ROWS = """
          ?o ck:bearsOn ?el . ?el a ck:ChainItem . ?o ck:heldBy ?canon . ?canon a ck:ResearchOrganisation .
          OPTIONAL { ?canon ck:country ?country . ?country skos:notation ?code }
          BIND(COALESCE(STR(?code), "") AS ?cc)
        """;
    private static final String RECORD = Iris.derivedSparql("research-capacity", "CONCAT(STR(?el), \" \", ?cc)", "rc");

    /**
     * The same records as SPARQL 1.1 Update operations: figures, organisations, and their names (distinct labels
     * joined by "; " in ORDER BY order, the order the engine hands the sorted sub-query's rows to GROUP_CONCAT).
     */
    @Override
    public List<String> inserts(String graph, String dataset) {
        return List.of(
            InEngine.insert(graph, dataset, """
                ?rc a ck:ResearchCapacity ; ck:assessedElement ?el ; ck:countryOfInterest ?place ;
                    ck:organisationCount ?orgs ; ck:outputCount ?outputs ; ck:firstYear ?firstYear ; ck:lastYear ?lastYear .""",
                "{ SELECT ?el ?cc (SAMPLE(?country) AS ?place) (COUNT(DISTINCT ?canon) AS ?orgCount) (COUNT(DISTINCT ?o) AS ?outputCount)\n"
                + "         (MIN(?y) AS ?first) (MAX(?y) AS ?last) WHERE {\n" + CELL_ROWS + " OPTIONAL { ?o ck:outputYear ?y } } GROUP BY ?el ?cc }\n"
                + RECORD + """
                BIND(xsd:integer(?orgCount) AS ?orgs)
                BIND(xsd:integer(?outputCount) AS ?outputs)
                BIND(STRDT(CONCAT(SUBSTR("000", 1, 4 - STRLEN(STR(?first))), STR(?first)), xsd:gYear) AS ?firstYear)
                BIND(STRDT(CONCAT(SUBSTR("000", 1, 4 - STRLEN(STR(?last))), STR(?last)), xsd:gYear) AS ?lastYear)"""),
            InEngine.insert(graph, dataset, "?rc ck:researchOrganisation ?canon .",
                "{ SELECT DISTINCT ?el ?cc ?canon WHERE {\n" + CELL_ROWS + "} }\n" + RECORD),
            InEngine.insert(graph, dataset, "?rc ck:organisationNames ?names .",
                "{ SELECT ?el ?cc (GROUP_CONCAT(?name; separator=\"; \") AS ?joined) WHERE {\n"
                + "  { SELECT DISTINCT ?el ?cc ?name WHERE {\n" + CELL_ROWS + " OPTIONAL { ?canon rdfs:label ?label } BIND(STR(?label) AS ?name) } ORDER BY ?el ?cc ?name }\n"
                + "} GROUP BY ?el ?cc }\n" + RECORD + "BIND(COALESCE(?joined, \"\") AS ?names)"));
    }
}
