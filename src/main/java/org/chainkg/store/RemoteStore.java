package org.chainkg.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.system.Txn;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;

/**
 * A SPARQL store that chainkg does not manage itself (a replicated Fuseki, a larger engine), reached over the SPARQL
 * 1.1 Graph Store Protocol. A load streams the source (and its PROV-O record) into a temporary N-Triples file and
 * PUTs it as the source's named graph: the store replaces the graph in one request (atomically where the store
 * does so, as Fuseki does).
 * <p>
 * Derived graphs: the derivations read the union of all graphs, so {@link #derive} GETs the whole dataset into
 * memory, computes the derived graphs there and PUTs each back. That needs the dataset to fit in memory; with
 * larger stores, load with --no-derive and derive on a local copy.
 * <pre>
 * RemoteStore remote = new RemoteStore("http://localhost:3030/chainkg");
 * remote.load(new EtoChainReader(), List.of(Path.of("data/eto-chip-explorer")), null);
 * remote.derive();
 * </pre>
 */
public final class RemoteStore {
    private final String endpoint;

    /** @param endpoint the Graph Store Protocol endpoint (for Fuseki, the dataset URL or its /data service) */
    public RemoteStore(String endpoint) {
        this.endpoint = endpoint;
    }

    public SourceLoader.LoadResult load(SourceReader reader, List<Path> paths, Node graph) {
        Node g = graph != null ? graph : SourceLoader.defaultGraph(reader, paths);
        Instant started = Instant.now();
        Path file = null;
        try {
            file = Files.createTempFile("chainkg-load", ".nt");
            long triples;
            SourceReport report;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NTRIPLES);
                writer.start();
                Counting counting = new Counting(writer);
                report = reader.read(paths, counting);
                triples = counting.count + SourceLoader.provenance(new TripleWriter(writer), g, reader, report, started, counting.count);
                writer.finish();
            }
            GSP.service(endpoint).graphName(g).PUT(file.toString());
            return new SourceLoader.LoadResult(g, triples, 0, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary file for " + endpoint + ": " + e.getMessage(), e);
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    /** Recomputes the derived graphs over a copy of the remote dataset in memory and PUTs them to the store. */
    public List<DerivedGraphs.Result> derive() {
        // An in-memory TDB2 dataset whose default graph is the union of the named graphs, as in a chainkg store:
        // the derivations' queries rely on it.
        DatasetGraph copy = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();
        copy.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        DatasetGraph remote = DSP.service(endpoint).GET();
        Txn.executeWrite(copy, () -> remote.find().forEachRemaining(q -> {
            if (!q.getGraph().getURI().startsWith(DerivedGraphs.PREFIX)) copy.add(q);
        }));
        List<DerivedGraphs.Result> results = DerivedGraphs.refresh(copy);
        List<DerivedGraphs.Result> out = new ArrayList<>();
        copy.begin(TxnType.READ);
        try {
            for (DerivedGraphs.Result r : results) {
                GSP.service(endpoint).graphName(r.graph()).PUT(copy.getGraph(r.graph()));
                out.add(r);
            }
        } finally {
            copy.end();
        }
        return out;
    }

    /**
     * The union of a remote store's named graphs, fetched over the SPARQL 1.1 protocol ({@code CONSTRUCT WHERE
     * { ?s ?p ?o }} against its query URL, whose default graph is that union) into one named graph of an in-memory
     * TDB2 dataset with a union default graph, as the embedded store is: what {@code match --endpoint} builds its
     * profiles from. The whole union is fetched, so it must fit in memory.
     */
    public static DatasetGraph unionCopy(String queryEndpoint) {
        DatasetGraph copy = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();
        copy.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        Node g = org.apache.jena.graph.NodeFactory.createURI("urn:x-chainkg:remote-union");
        try (var q = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(queryEndpoint).query("CONSTRUCT WHERE { ?s ?p ?o }").build()) {
            var triples = q.constructTriples();
            Txn.executeWrite(copy, () -> triples.forEachRemaining(t -> copy.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
        }
        return copy;
    }

    private static final class Counting extends StreamRDFWrapper {
        long count;

        Counting(StreamRDF out) { super(out); }

        @Override
        public void triple(Triple t) {
            count++;
            super.triple(t);
        }
    }
}
