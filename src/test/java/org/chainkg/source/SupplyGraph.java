package org.chainkg.source;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;

/** Reads the supply records a production-statistics reader (USGS, IEA, PV_ICE) wrote into a graph, for tests. */
public record SupplyGraph(Graph graph) {
    public static final String PREFIXES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    /**
     * "share volume [est]year" of the one record of a provider (alpha-3 code, or residue id) for an item id:
     * {@code ck:Provision} when scenario is null, else the {@code ck:ScenarioFigure} of that scenario.
     */
    public String figure(String item, String who, String scenario) {
        String match = scenario == null
            ? "?p a ck:Provision ; ck:item ?i ; ck:provider ?c ."
            : "?p a ck:ScenarioFigure ; ck:figureItem ?i ; ck:figureProvider ?c ; ck:scenario \"" + scenario + "\"@en .";
        String q = PREFIXES + """
            SELECT ?share ?volume ?est ?year WHERE {
              ?i dcterms:identifier "%s" . %s ?p ck:shareKnown ?known ; ck:year ?year .
              { ?c skos:notation "%s" } UNION { ?c dcterms:identifier "%s" }
              OPTIONAL { ?p ck:sharePercent ?share } OPTIONAL { ?p ck:volume ?volume } OPTIONAL { ?p ck:estimated ?est }
            }""".formatted(item, match, who, who);
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(graph)).query(q).build()) {
            var rs = qe.execSelect();
            if (!rs.hasNext()) return "none";
            QuerySolution s = rs.next();
            String out = (s.contains("share") ? s.getLiteral("share").getLexicalForm() : "unknown") + " "
                + (s.contains("volume") ? s.getLiteral("volume").getLexicalForm() : "-") + " "
                + (s.contains("est") ? "est" : "") + s.getLiteral("year").getLexicalForm();
            assertFalse(rs.hasNext(), "one record per provider and item");
            return out;
        }
    }

    public String provision(String item, String who) { return figure(item, who, null); }

    public long count(String where) {
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(graph))
                .query(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }").build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }
}
