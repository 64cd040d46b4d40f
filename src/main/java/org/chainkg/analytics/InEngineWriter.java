package org.chainkg.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.util.FmtUtils;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.store.GraphRecord;
import org.chainkg.store.GraphWriter;
import org.chainkg.store.RemoteGraphs;

/**
 * Writes an {@link InEngine} derivation's graph inside a remote engine: one update request drops the graph, one per
 * INSERT runs it over the visible graphs (one request each: Jena 5.6's Fuseki cancels the second INSERT ... WHERE of a
 * request when an update timeout is set); then the graph's predicates, classes and size are read back (aggregate
 * queries: a few rows) and a last request adds its PROV-O record, VoID partitions and the completion marker. A graph
 * without the marker is incomplete: no remote query reads it ({@link RemoteGraphs}).
 */
final class InEngineWriter {
    private final String sparql;

    InEngineWriter(String sparql) {
        this.sparql = sparql;
    }

    GraphWriter.Result replace(Node g, InEngine derivation, RemoteGraphs graphs, boolean allReleases, GraphWriter.Provenance provenance) {
        Instant started = Instant.now();
        StringBuilder dataset = new StringBuilder();
        if (graphs.merged())
            dataset.append("USING <").append((allReleases && !graphs.superseded().isEmpty() ? RemoteGraphs.MERGED_ALL : RemoteGraphs.MERGED_VISIBLE).getURI()).append(">\n");
        else
            for (Node in : allReleases ? graphs.all() : graphs.visible())
                if (!in.equals(g)) dataset.append("USING <").append(in.getURI()).append(">\n");
        for (Node in : allReleases ? graphs.all() : graphs.visible())
            if (!in.equals(g)) dataset.append("USING NAMED <").append(in.getURI()).append(">\n");
        // One request per operation: Jena 5.6's Fuseki, given an update timeout, cancels the second INSERT ... WHERE
        // of a request. The graph is complete once its marker is written, last.
        RemoteGraphs.update(sparql, "DROP SILENT GRAPH <" + g.getURI() + ">", "emptying " + g.getURI());
        for (String insert : derivation.inserts(g.getURI(), dataset.toString()))
            RemoteGraphs.update(sparql, insert, "of the " + g.getURI() + " derivation");

        Set<Node> predicates = new HashSet<>(), classes = new HashSet<>();
        long[] triples = {0};
        String graph = "<" + g.getURI() + ">";
        try (QueryExecHTTP q = QueryExecHTTP.service(sparql).sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm)
                 .query("SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH " + graph + " { ?s ?p ?o } } GROUP BY ?p").build()) {
            q.select().forEachRemaining(b -> {
                predicates.add(b.get("p"));
                triples[0] += Long.parseLong(b.get("n").getLiteralLexicalForm());
            });
        }
        try (QueryExecHTTP q = QueryExecHTTP.service(sparql).sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm)
                 .query("SELECT DISTINCT ?c WHERE { GRAPH " + graph + " { ?s a ?c } }").build()) {
            q.select().forEachRemaining(b -> { if (b.get("c").isURI()) classes.add(b.get("c")); });
        }
        List<Triple> record = new ArrayList<>();
        TripleWriter w = new TripleWriter(new StreamRDFBase() {
            @Override public void triple(Triple t) { record.add(t); }
        });
        provenance.write(w, new GraphWriter.Written(g, started, triples[0], triples[0], 0));
        GraphRecord.write(w, g, predicates, classes, triples[0] + w.triples());
        StringBuilder insert = new StringBuilder("INSERT DATA { GRAPH ").append(graph).append(" {\n");
        for (Triple t : record) insert.append(FmtUtils.stringForTriple(t, (org.apache.jena.shared.PrefixMapping) null)).append(" .\n");
        insert.append("} }");
        RemoteGraphs.update(sparql, insert.toString(), "writing the record of " + g.getURI());
        return new GraphWriter.Result(g, triples[0], triples[0] + record.size(), 0);
    }
}
