package org.chainkg.store;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;

/**
 * A SPARQL store that chainkg does not manage itself (a replicated Fuseki, Virtuoso), reached over the SPARQL 1.1
 * Graph Store Protocol: a load streams the source and its PROV-O record into a temporary N-Triples file and PUTs it
 * as the source's named graph ({@link GraphWriter#remote}); the store replaces the graph in one request (atomically
 * where the store does so, as Fuseki does). The derived graphs are computed inside the remote engine
 * (the analytics package's RemoteDerivations: store does not depend on analytics).
 * <pre>
 * new RemoteStore("http://localhost:3030/chainkg").load(new EtoChainReader(), List.of(Path.of("data/eto-chip-explorer")), null);
 * </pre>
 */
public final class RemoteStore {
    private final String graphStore;

    /** @param graphStore the Graph Store Protocol endpoint (for Fuseki, the dataset URL; for Virtuoso /sparql-graph-crud) */
    public RemoteStore(String graphStore) {
        this.graphStore = graphStore;
    }

    private java.util.function.Consumer<Node> beforeReplace = g -> {};

    /** Told the source's graph once the source is read, just before the graph is replaced (never after a failed read). */
    public RemoteStore beforeReplace(java.util.function.Consumer<Node> hook) {
        this.beforeReplace = hook;
        return this;
    }

    public SourceLoader.LoadResult load(SourceReader reader, List<Path> paths, Node graph) {
        return load(reader, paths, graph, org.chainkg.source.SourcePaths.releaseOf(paths).orElse(null), null);
    }

    /**
     * Loads release {@code release} (null: none) of a source; {@code sparql}, the store's query endpoint (null: not
     * known), names the release it revises ({@code prov:wasRevisionOf}), as on the embedded store.
     */
    public SourceLoader.LoadResult load(SourceReader reader, List<Path> paths, Node graph, String release, String sparql) {
        if (release != null) Releases.datatype(release);
        Node g = graph != null ? graph : SourceLoader.defaultGraph(reader, paths, release);
        String dataset = reader.datasetKey(paths);
        Node previous = release == null || sparql == null ? null : previousRelease(sparql, reader.format(), dataset, release);
        SourceReport[] report = new SourceReport[1];
        GraphWriter.Result r = GraphWriter.remote(graphStore, beforeReplace).replace(g, sink -> {
            report[0] = reader.read(paths, sink);
            return report[0].files().stream().mapToLong(SourceReport.FileReport::rows).sum();
        }, (w, data) -> SourceLoader.provenance(w, g, reader, report[0], data.started(), dataset, release, previous));
        return new SourceLoader.LoadResult(g, r.triples(), 0, report[0]);
    }

    /** A SPARQL string literal, escaped. */
    private static String literal(String s) {
        return "\"" + org.apache.jena.atlas.lib.EscapeStr.stringEsc(s) + "\"";
    }

    /** The newest release of the dataset in the remote store older than {@code release}, or null. */
    private static Node previousRelease(String sparql, String format, String dataset, String release) {
        String q = "PREFIX ck: <https://w3id.org/chainkg/ontology#> SELECT ?g ?r WHERE { GRAPH ?g { ?g ck:tripleCount ?n ; "
                   + "ck:sourceFormat ?f ; ck:datasetKey ?d ; ck:release ?r } FILTER(STR(?f) = " + literal(format) + " && STR(?d) = "
                   + literal(dataset) + " && STR(?r) < " + literal(release) + ") } ORDER BY DESC(STR(?r)) LIMIT 1";
        try (var e = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(sparql).query(q).build()) {
            var rows = e.select();
            return rows.hasNext() ? rows.next().get("g") : null;
        }
    }

    /**
     * The union of a remote store's named graphs, fetched over the SPARQL 1.1 protocol ({@code CONSTRUCT WHERE
     * { ?s ?p ?o }} against its query URL, whose default graph is that union) into one named graph of an in-memory
     * TDB2 dataset with a union default graph, as the embedded store is: what {@code match --endpoint} builds its
     * profiles from. The whole union is fetched, so it must fit in memory.
     */
    public static org.apache.jena.sparql.core.DatasetGraph unionCopy(String queryEndpoint) {
        var copy = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();
        copy.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        Node g = org.apache.jena.graph.NodeFactory.createURI("urn:x-chainkg:remote-union");
        try (var q = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(queryEndpoint).query("CONSTRUCT WHERE { ?s ?p ?o }").build()) {
            var triples = q.constructTriples();
            org.apache.jena.system.Txn.executeWrite(copy, () -> triples.forEachRemaining(t -> copy.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
        }
        return copy;
    }
}
