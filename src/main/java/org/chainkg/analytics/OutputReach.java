package org.chainkg.analytics;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.TripleWriter;

/**
 * Materialises, per research output, the three facts every research analysis joins on, so that the named queries
 * (research-capacity, chokepoint-capacity, technology-islands ...) read one triple instead of a union of property
 * paths through the source, identity and link graphs:
 * <ul>
 * <li>{@code ck:bearsOn}: the chain elements the output bears on: by the curated CPC/topic mapping (including CPC
 * groups under a mapped group, graph derived/technology-reach) or by a BM25 text link (graph derived/text-links);</li>
 * <li>{@code ck:heldBy}: the canonical organisations (graph derived/identity) of its assignees, applicants and author
 * institutions;</li>
 * <li>{@code ck:outputYear}: its year as an integer: the year of its publication or issue date, else its
 * {@code ck:year}.</li>
 * </ul>
 * Runs after the identity, technology-reach and text-links derivations, whose graphs it reads. The queries stream
 * without DISTINCT (a DISTINCT over millions of output-item pairs exhausted a 2 GB heap at scale 3): the same triple
 * written twice is stored once, so the record count is that of the rows read.
 */
public final class OutputReach implements Derivation, InEngine {
    private static final String BEARS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?o ?el WHERE {
          { ?o ck:technology|ck:cpcInventive|ck:cpcAdditional|ck:topic ?t . ?t ck:relevantTo ?el . }
          UNION { ?l ck:linkedItem ?el ; ck:linkedOutput ?o . }
        }""";
    private static final String HELD = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?o ?canon WHERE { ?o ck:assignee|ck:applicant|ck:affiliation ?h . ?h ck:canonical ?canon }""";
    private static final String YEARS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?o ?d ?y WHERE { ?o a ck:ResearchOutput . OPTIONAL { ?o dcterms:issued ?d } OPTIONAL { ?o ck:year ?y } }""";

    /** Reads the outputs' technologies, holders and dates, the CPC mapping and technology reach, text links, identity. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.technology, CK.cpcInventive, CK.cpcAdditional, CK.topic, CK.relevantTo, CK.linkedItem, CK.assignee, CK.applicant, CK.affiliation, CK.canonical, CK.ResearchOutput, CK.linkedOutput); }

    @Override public String name() { return "output-reach"; }
    @Override public String version() { return "1.0.0"; }
    @Override public String description() {
        return "Per research output: ck:bearsOn the chain elements it bears on (curated CPC/topic mapping incl. narrower CPC "
               + "groups, or BM25 text link), ck:heldBy the canonical organisations of its assignees, applicants and author "
               + "institutions, ck:outputYear its year (date's year, else ck:year).";
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        long n = 0;
        n += in.select(BEARS, b -> out.add(b.get("o"), CK.bearsOn, b.get("el")));
        n += in.select(HELD, b -> out.add(b.get("o"), CK.heldBy, b.get("canon")));
        Set<Node> dated = new HashSet<>();
        n += in.select(YEARS, b -> {
            Node o = b.get("o");
            String year = year(b.get("d"), b.get("y"));
            if (year != null && dated.add(o)) out.typed(o, CK.outputYear, year, XSDDatatype.XSDinteger);
        });
        return n;
    }

    /**
     * The same three facts as one SPARQL 1.1 Update (run inside a remote engine): the year is the smallest valid year
     * of the output's dates (else of its ck:year values), which is {@link #derive}'s for an output with one date.
     */
    @Override
    public java.util.List<String> inserts(String graph, String dataset) {
        String prefixes = """
            PREFIX ck: <https://w3id.org/chainkg/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;
        String g = "<" + graph + ">";
        return java.util.List.of(
            prefixes + "INSERT { GRAPH " + g + " { ?o ck:bearsOn ?el } }\n" + dataset + """
                WHERE {
                  { ?o ck:technology|ck:cpcInventive|ck:cpcAdditional|ck:topic ?t . ?t ck:relevantTo ?el . }
                  UNION { ?l ck:linkedItem ?el ; ck:linkedOutput ?o . }
                }""",
            prefixes + "INSERT { GRAPH " + g + " { ?o ck:heldBy ?canon } }\n" + dataset + """
                WHERE { ?o ck:assignee|ck:applicant|ck:affiliation ?h . ?h ck:canonical ?canon }""",
            prefixes + "INSERT { GRAPH " + g + " { ?o ck:outputYear ?year } }\n" + dataset + """
                WHERE {
                  { SELECT ?o (MIN(?yr) AS ?year) WHERE {
                      ?o a ck:ResearchOutput .
                      OPTIONAL { ?o dcterms:issued ?d } OPTIONAL { ?o ck:year ?y }
                      BIND(IF(BOUND(?d), SUBSTR(STR(?d), 1, 4), STR(?y)) AS ?s)
                      FILTER(REGEX(?s, "^-?[0-9]+$"))
                      BIND(xsd:integer(?s) AS ?yr)
                    } GROUP BY ?o }
                  FILTER(BOUND(?year))
                }""");
    }

    /** The year rule of the research queries: the first four characters of the date, else the ck:year value. */
    static String year(Node date, Node year) {
        String s = date != null ? date.getLiteralLexicalForm() : year != null ? year.getLiteralLexicalForm() : null;
        if (s == null) return null;
        if (date != null) s = s.length() >= 4 ? s.substring(0, 4) : s;
        return s.matches("-?\\d+") ? String.valueOf(Integer.parseInt(s)) : null;
    }

}
