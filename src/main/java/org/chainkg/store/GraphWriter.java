package org.chainkg.store;

import java.time.Instant;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.TripleWriter;

/**
 * The one way chainkg writes a named graph, for sources and derivations alike: replace the graph's content with the
 * triples of a {@link Producer}, then its PROV-O record ({@link Provenance}), then the completion marker
 * ({@code ck:tripleCount}, written last; a graph without it is incomplete), after the graph's VoID property and
 * class partitions ({@link GraphRecord}: which predicates and classes it holds, what tells the incremental derivations
 * which graphs they read). Three targets:
 * <ul>
 * <li>{@link #embedded}: the embedded store, by TDB2's spool and one write transaction ({@link BulkGraphLoad}) into a
 * graph that is empty (or emptied first, for derived graphs), else in one write transaction, quad by quad;</li>
 * <li>{@link #transaction}: always one write transaction (a plain in-memory dataset, {@code load --no-bulk});</li>
 * <li>{@link #remote}: a SPARQL 1.1 Graph Store Protocol endpoint: the graph is spooled to a file and PUT in one
 * request (atomic where the store makes a request atomic, as Fuseki does).</li>
 * </ul>
 * A failure while producing leaves the graph as it was (the transaction and bulk paths) or untouched (remote); a
 * derived graph emptied first is left empty and its derivation is redone ({@link StoreJournal}).
 */
public interface GraphWriter {
    /** Streams a graph's triples into a sink; returns the number of records (rows, links) it produced, for PROV. */
    @FunctionalInterface
    interface Producer {
        long produce(StreamRDF sink);
    }

    /**
     * Writes the PROV-O record of one write, after the data (everything but the completion marker, which the writer
     * adds). Runs inside the write transaction on the embedded store.
     */
    @FunctionalInterface
    interface Provenance {
        void write(TripleWriter w, Written data);
    }

    /**
     * What a write put into graph {@code graph}: {@code records} from the producer, {@code dataTriples} the distinct
     * data triples (remote: as sent), {@code replaced} the quads removed first.
     */
    record Written(Node graph, Instant started, long records, long dataTriples, long replaced) {}

    /** What the graph holds after the write: its data, PROV record and marker ({@code triples}). */
    record Result(Node graph, long records, long triples, long replaced) {}

    /** Replaces the content of {@code graph}. */
    Result replace(Node graph, Producer data, Provenance provenance);

    /**
     * The embedded store's writer: the bulk path into an empty graph when the store is TDB2 with a Lucene text
     * index and no transaction is active; a non-empty graph is emptied first (one write transaction) when
     * {@code clearFirst} (derived graphs), else replaced in one write transaction (sources: a failed reload keeps the
     * old content).
     */
    static GraphWriter embedded(DatasetGraph dsg, LoadProgress progress, boolean clearFirst) {
        return new EmbeddedGraphWriter(dsg, progress, clearFirst);
    }

    /** Every write in one write transaction on {@code dsg}, quad by quad. */
    static GraphWriter transaction(DatasetGraph dsg, LoadProgress progress) {
        return new TransactionGraphWriter(dsg, progress);
    }

    /** A Graph Store Protocol endpoint (for Fuseki the dataset URL; for Virtuoso {@code /sparql-graph-crud}). */
    static GraphWriter remote(String graphStore) {
        return new GspGraphWriter(graphStore, g -> {});
    }

    /** As {@link #remote(String)}, {@code beforePut} told the graph just before it is sent (its content complete). */
    static GraphWriter remote(String graphStore, java.util.function.Consumer<Node> beforePut) {
        return new GspGraphWriter(graphStore, beforePut);
    }
}
