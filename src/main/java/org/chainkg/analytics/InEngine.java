package org.chainkg.analytics;

/**
 * A {@link Derivation} that a SPARQL 1.1 engine can compute itself: its triples are the result of
 * {@code INSERT { GRAPH <g> { ... } } USING ... WHERE { ... }} operations, which give triple for triple what
 * {@link Derivation#derive} writes (a test runs both on the bundled data and compares). Against a remote store
 * ({@link RemoteDerivations}) it runs inside the engine: no row leaves it.
 */
public interface InEngine {
    /** The prefixes the operations use. */
    String PREFIXES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;

    /** One operation: {@code PREFIXES INSERT { GRAPH <graph> { template } } dataset WHERE { where }}. */
    static String insert(String graph, String dataset, String template, String where) {
        return PREFIXES + "INSERT { GRAPH <" + graph + "> {\n" + template + "\n} }\n" + dataset + "WHERE {\n" + where + "\n}";
    }

    /**
     * The update operations, each one {@code INSERT { GRAPH <graph> { ... } } USING ... WHERE { ... }}: {@code graph}
     * is the derived graph's IRI, {@code dataset} the {@code USING} clauses that make the WHERE read the graphs
     * queries see, to be put right before {@code WHERE}.
     */
    java.util.List<String> inserts(String graph, String dataset);
}
