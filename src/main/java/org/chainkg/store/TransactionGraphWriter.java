package org.chainkg.store;

import java.time.Instant;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.chainkg.rdf.TripleWriter;

/**
 * {@link GraphWriter} in one write transaction: the old content is removed, the producer's triples are added quad by
 * quad (a triple already there is skipped, so the text index gets no duplicate), then the PROV record and the
 * marker; any failure aborts, leaving the store as it was. The producer may read the store: it runs inside the
 * transaction.
 */
final class TransactionGraphWriter implements GraphWriter {
    private final DatasetGraph dsg;
    private final LoadProgress progress;

    TransactionGraphWriter(DatasetGraph dsg, LoadProgress progress) {
        this.dsg = dsg;
        this.progress = progress;
    }

    @Override
    public Result replace(Node g, Producer data, Provenance provenance) {
        Instant started = Instant.now();
        progress.start();
        dsg.begin(ReadWrite.WRITE);
        try {
            long replaced = Graphs.clear(dsg, g);
            Sink sink = new Sink(dsg, g, progress);
            GraphRecord.Terms terms = new GraphRecord.Terms(sink);
            long records = data.produce(terms);
            long dataTriples = sink.added;
            TripleWriter w = new TripleWriter(sink);
            provenance.write(w, new Written(g, started, records, dataTriples, replaced));
            GraphRecord.write(w, g, terms, sink.added);
            KillPoint.reached("load.before-commit");
            dsg.commit();
            return new Result(g, records, sink.added, replaced);
        } catch (RuntimeException e) {
            dsg.abort();
            throw e;
        } finally {
            dsg.end();
            progress.close();
        }
    }

    /** Adds triples to one named graph, skipping those already there; counts what it added. */
    static final class Sink extends StreamRDFBase {
        private final DatasetGraph dsg;
        private final Node graph;
        private final LoadProgress progress;
        long added;

        Sink(DatasetGraph dsg, Node graph, LoadProgress progress) {
            this.dsg = dsg;
            this.graph = graph;
            this.progress = progress;
        }

        @Override
        public void triple(Triple t) {
            Quad q = Quad.create(graph, t);
            if (!dsg.contains(q)) {
                dsg.add(q);
                if ((++added & 1023) == 0) progress.triples(1024);
            }
        }

        @Override
        public void quad(Quad q) { triple(q.asTriple()); }
    }
}
