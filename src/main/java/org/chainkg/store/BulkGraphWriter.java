package org.chainkg.store;

import java.time.Instant;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.chainkg.rdf.TripleWriter;

/**
 * {@link GraphWriter} into an empty graph of the embedded store by {@link BulkGraphLoad}: the producer's triples are
 * spooled (and text-indexed, uncommitted), written into TDB2 in one write transaction, the text index commits, and
 * the PROV record and marker follow in a write transaction (a failure there empties the graph again). The producer
 * runs outside any transaction: one that reads the store opens its own read transaction.
 */
final class BulkGraphWriter {
    private BulkGraphWriter() {}

    static GraphWriter.Result replace(DatasetGraph dsg, BulkGraphLoad bulk, Node g, GraphWriter.Producer data,
                                      GraphWriter.Provenance provenance, LoadProgress progress, long replaced) {
        Instant started = Instant.now();
        progress.start();
        try (bulk) {
            StreamRDF target = bulk.sink();
            GraphRecord.Terms terms = new GraphRecord.Terms(new StreamRDFBase() {
                long n;
                @Override public void triple(Triple t) {
                    target.triple(t);
                    if ((++n & 1023) == 0) progress.triples(1024);
                }
                @Override public void quad(Quad q) { triple(q.asTriple()); }
            });
            long records = data.produce(terms);
            long dataTriples = bulk.load();
            try {
                long total = Txn.calculateWrite(dsg, () -> {
                    TransactionGraphWriter.Sink sink = new TransactionGraphWriter.Sink(dsg, g, LoadProgress.NONE);
                    TripleWriter w = new TripleWriter(sink);
                    provenance.write(w, new GraphWriter.Written(g, started, records, dataTriples, replaced));
                    GraphRecord.write(w, g, terms, dataTriples + sink.added);
                    return dataTriples + sink.added;
                });
                return new GraphWriter.Result(g, records, total, replaced);
            } catch (RuntimeException e) {
                try {
                    Txn.executeWrite(dsg, () -> Graphs.clear(dsg, g));
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        } finally {
            progress.close();
        }
    }
}
