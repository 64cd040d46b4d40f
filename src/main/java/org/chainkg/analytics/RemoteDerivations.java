package org.chainkg.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.chainkg.store.GraphWriter;
import org.chainkg.store.RemoteGraphs;

/**
 * The derived graphs of a remote store, computed without fetching it: every derivation reads the remote engine
 * through paged SELECTs ({@link RemoteReader}: one page of rows in memory at a time, plus what the derivation keeps
 * itself, e.g. the organisation names of identity, the Lucene index of text-links over output texts) and its
 * graph is PUT through the Graph Store Protocol ({@link GraphWriter#remote}, spooled to a file). The derivations
 * that are aggregates the engine can compute itself ({@link InEngine}: concentration, nearest stage, output reach,
 * research capacity, collaborations) run there as SPARQL 1.1 Update
 * ({@link InEngineWriter}) and nothing but their counts comes back.
 */
public final class RemoteDerivations {
    private static final String TERMS = """
        PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?g ?t WHERE { GRAPH ?g { ?g void:propertyPartition|void:classPartition ?part . ?part void:property|void:class ?t } }""";

    private final String sparql, graphStore;

    /** @param sparql the query and update endpoint; @param graphStore the Graph Store Protocol endpoint */
    public RemoteDerivations(String sparql, String graphStore) {
        this.sparql = sparql;
        this.graphStore = graphStore;
    }

    /**
     * Recomputes every derived graph in order. The merged graphs (on an engine that needs them, {@link RemoteGraphs})
     * are kept up to date graph by graph: before a derivation, its old graph is taken out of them and dropped, so that
     * it never reads its own old output; after it, its new graph is added. That reads and writes the derived graph's
     * triples only, where a rebuild copies every visible triple. If a derivation fails, the merged graphs are rebuilt
     * from the graphs as they are; {@code rebuildFirst} ({@code derive --full}) rebuilds them before the first
     * derivation too (a process killed between the two steps leaves them short of one graph until then).
     */
    public List<DerivedGraphs.Result> refresh(boolean rebuildFirst, Consumer<Derivation> starting, Consumer<DerivedGraphs.Result> done) {
        List<DerivedGraphs.Result> out = new ArrayList<>();
        RemoteGraphs read = rebuildFirst ? RemoteGraphs.merge(sparql) : RemoteGraphs.merged(sparql);
        boolean ok = false;
        try {
            for (Derivation d : DerivedGraphs.all()) {
                starting.accept(d);
                Node g = DerivedGraphs.graph(d);
                read.retract(sparql, g);
                RemoteGraphs.update(sparql, "DROP SILENT GRAPH <" + g.getURI() + ">", "emptying " + g.getURI());
                read = RemoteGraphs.of(sparql);
                List<Node> inputs = inputs(read, d);
                RemoteGraphs in = read;
                GraphWriter.Result r = d instanceof InEngine e
                    ? new InEngineWriter(sparql).replace(g, e, in, d.readsAllReleases(), (w, data) -> DerivationProvenance.write(w, d, inputs, data))
                    : GraphWriter.remote(graphStore).replace(g, sink -> d.derive(new RemoteReader(sparql, in), new org.chainkg.rdf.TripleWriter(sink)),
                                                             (w, data) -> DerivationProvenance.write(w, d, inputs, data));
                read = RemoteGraphs.of(sparql);
                read.add(sparql, g);
                DerivedGraphs.Result result = new DerivedGraphs.Result(d.name(), g, r.records(), r.triples(), true);
                done.accept(result);
                out.add(result);
            }
            ok = true;
        } finally {
            if (!ok) RemoteGraphs.merge(sparql);
        }
        return out;
    }

    /** As {@link DerivedGraphs#inputs}, from the remote graphs' partitions. */
    private List<Node> inputs(RemoteGraphs graphs, Derivation d) {
        Map<Node, Set<Node>> terms = new HashMap<>();
        try (QueryExecHTTP q = QueryExecHTTP.service(sparql).sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).query(TERMS).build()) {
            q.select().forEachRemaining(b -> terms.computeIfAbsent(b.get("g"), k -> new HashSet<>()).add(b.get("t")));
        }
        return DerivedGraphs.inputs(d, d.readsAllReleases() ? graphs.all() : graphs.visible(), terms::get);
    }
}
