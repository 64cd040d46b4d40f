package org.chainkg.analytics;

/**
 * A {@link Derivation} that a SPARQL 1.1 engine can compute itself: its triples are the result of
 * {@code INSERT { GRAPH <g> { ... } } USING ... WHERE { ... }} operations, which give triple for triple what
 * {@link Derivation#derive} writes (a test runs both on the bundled data and compares). Against a remote store
 * ({@link RemoteDerivations}) it runs inside the engine: no row leaves it.
 */
public interface InEngine {
    /**
     * The update operations, each one {@code INSERT { GRAPH <graph> { ... } } USING ... WHERE { ... }}: {@code graph}
     * is the derived graph's IRI, {@code dataset} the {@code USING} clauses that make the WHERE read the graphs
     * queries see, to be put right before {@code WHERE}.
     */
    java.util.List<String> inserts(String graph, String dataset);
}
