package org.chainkg.analytics;

/**
 * A {@link Derivation} that a SPARQL 1.1 engine can compute itself: its triples are the result of one
 * {@code INSERT { GRAPH <g> { ... } } USING ... WHERE { ... }}, which gives triple for triple what
 * {@link Derivation#derive} writes (a test runs both on the bundled data and compares). Against a remote store
 * ({@link RemoteDerivations}) it runs inside the engine: no row leaves it.
 */
public interface InEngine {
    /**
     * The update: {@code graph} is the derived graph's IRI, {@code dataset} the {@code USING}/{@code USING NAMED}
     * clauses that make its WHERE read the graphs queries see, to be put right before {@code WHERE}.
     */
    String insert(String graph, String dataset);
}
