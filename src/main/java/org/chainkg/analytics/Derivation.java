package org.chainkg.analytics;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.TripleWriter;

/**
 * A derived fact set (organisation identity, text links ...) computed from the loaded sources and kept in a named
 * graph of its own, with provenance. {@link DerivedGraphs} runs it in one write transaction that replaces the graph.
 */
public interface Derivation {
    /** Short name, e.g. "identity"; the graph is https://w3id.org/chainkg/graph/derived/NAME. */
    String name();

    String version();

    /** One line on what it derives and how, recorded in the graph's provenance. */
    String description();

    /**
     * Reads the store (the derived graph itself is already empty) and writes the derived triples.
     * @return the number of derived records (links, entities) for the provenance record
     */
    long derive(DatasetGraph dsg, Node graph, TripleWriter out);

    /**
     * True for a derivation that reads the superseded releases of a dataset too ({@link org.chainkg.store.Releases});
     * the others read, and name as their sources, the graphs that queries see.
     */
    default boolean readsAllReleases() { return false; }

    /** Runs a SPARQL SELECT over the store (union default graph) and hands each row over; returns the rows read. */
    static long select(DatasetGraph dsg, String query, java.util.function.Consumer<org.apache.jena.sparql.engine.binding.Binding> row) {
        return select(dsg, query, false, row);
    }

    /**
     * As {@link #select(DatasetGraph, String, java.util.function.Consumer)}; with {@code allReleases}, superseded releases
     * of a dataset ({@link org.chainkg.store.Releases}) are read too.
     */
    static long select(DatasetGraph dsg, String query, boolean allReleases,
                       java.util.function.Consumer<org.apache.jena.sparql.engine.binding.Binding> row) {
        long[] n = {0};
        var builder = org.apache.jena.sparql.exec.QueryExec.dataset(dsg).query(org.apache.jena.query.QueryFactory.create(query));
        if (allReleases) builder = org.chainkg.store.Releases.showAll(builder);
        try (org.apache.jena.sparql.exec.QueryExec q = builder.build()) {
            q.select().forEachRemaining(b -> { row.accept(b); n[0]++; });
        }
        return n[0];
    }
}
