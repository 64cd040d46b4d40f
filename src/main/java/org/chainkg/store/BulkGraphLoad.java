package org.chainkg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes a whole named graph that is empty before (a first load of a source, a recomputed derived graph) with TDB2's
 * spool: the producer's triples are written to a file first, then into TDB2 in one write transaction, in two phases:
 * <ol>
 * <li><b>spool</b>: the producer (a source reader, a derivation) streams its triples into a temporary RDF Thrift
 * file, and their text-indexed literals into the Lucene index writer (uncommitted). Bad input fails here, with the
 * store untouched and the Lucene changes rolled back;</li>
 * <li><b>load</b>: the spool file is written into the TDB2 database under the text dataset in one write transaction
 * (TDB2's bulk loaders only when asked for, for benchmarks), then the Lucene changes are committed.</li>
 * </ol>
 * One write transaction is all-or-nothing (TDB2's parallel and phased loaders are not: they commit indexes
 * separately, so a kill can leave them disagreeing). A failure in phase 2 (I/O, disk full; input errors cannot happen
 * there) is undone by rolling back the Lucene changes (and deleting the graph, should a loader have written part of
 * it); a kill between the TDB2 commit and the Lucene commit is repaired when the store next opens
 * ({@link StoreRecovery}, from the {@link StoreJournal} entry the caller wrote). Duplicate triples in the stream are stored once (the indexes are sets); the
 * text index gets one document per distinct indexed triple (duplicates are filtered by a digest of the quad).
 */
public final class BulkGraphLoad implements AutoCloseable {
    private final DatasetGraph tdb;
    private final TextIndex index;
    private final Node graph;
    private final Path spoolFile;
    private final OutputStream spoolOut;
    private final StreamRDF spoolWriter;
    private final java.util.Set<Digest> indexed = new java.util.HashSet<>();
    private long sent;
    private boolean loaded;

    private record Digest(long a, long b) {}

    /**
     * Graphs with fewer quads than this (system property, read at each load: {@code chainkg.bulkMinQuads}) are written from the spool in
     * one write transaction instead: measured on a scale-1 synthetic set, the parallel loader's fixed cost made the
     * bulk path slower than the transactional one for its nine sources together (BENCHMARKS.md).
     */
    static long bulkMinQuads() { return Long.getLong("chainkg.bulkMinQuads", 100_000); }

    private BulkGraphLoad(DatasetGraph tdb, TextIndex index, Node graph, Path spoolDir) {
        this.tdb = tdb;
        this.index = index;
        this.graph = graph;
        try {
            if (spoolDir != null) Files.createDirectories(spoolDir);
            spoolFile = spoolDir != null ? Files.createTempFile(spoolDir, "chainkg-bulk-", ".rt") : Files.createTempFile("chainkg-bulk-", ".rt");
            spoolOut = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bulk-load spool file: " + e.getMessage(), e);
        }
        spoolWriter = StreamRDFWriter.getWriterStream(spoolOut, RDFFormat.RDF_THRIFT_VALUES);
        spoolWriter.start();
    }

    /**
     * A bulk load of {@code graph} when the store allows it: a text dataset over TDB2, no transaction active on this
     * thread, and the graph empty. Otherwise empty: the caller uses the transactional path.
     */
    public static Optional<BulkGraphLoad> begin(DatasetGraph dsg, Node graph) {
        if (!supports(dsg)) return Optional.empty();
        DatasetGraphText text = (DatasetGraphText) dsg;
        DatasetGraph base = text.getWrapped();   // the TDB2 database (getBase() would unwrap to its current storage)
        boolean empty = Txn.calculateRead(dsg, () -> !dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).hasNext());
        Path spool = dsg.getContext().get(ChainStore.SPOOL) instanceof Path p ? p : null;
        return empty ? Optional.of(new BulkGraphLoad(base, text.getTextIndex(), graph, spool)) : Optional.empty();
    }

    /** True for the embedded store (a jena-text dataset with a Lucene index over TDB2) outside a transaction. */
    public static boolean supports(DatasetGraph dsg) {
        return dsg instanceof DatasetGraphText text && !dsg.isInTransaction() && TDBInternal.isTDB2(text.getWrapped())
               && text.getTextIndex() instanceof TextIndexLucene;
    }

    /** Phase 1: where the producer sends the graph's triples. */
    public StreamRDF sink() {
        return new StreamRDFBase() {
            @Override public void triple(Triple t) { add(t); }
            @Override public void quad(Quad q) { add(q.asTriple()); }
        };
    }

    private void add(Triple t) {
        Quad q = Quad.create(graph, t);
        spoolWriter.quad(q);
        sent++;
        if (t.getObject().isLiteral()) {
            Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
            if (e != null && indexed.add(digest(q))) index.addEntity(e);
        }
    }

    /** Triples sent so far (with duplicates). */
    long sent() { return sent; }

    /** Phase 2: bulk-loads the spool into TDB2 and commits the text index; returns the distinct triples in the graph. */
    public long load() {
        spoolWriter.finish();
        try {
            spoolOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KillPoint.reached("bulk.spooled");
        // By default phase 2 is one write transaction from the spool: all-or-nothing in TDB2 whatever happens, and as
        // fast as TDB2's parallel bulk loader at these sizes on two cores (BENCHMARKS.md, run 13); the sequential loader
        // (also one transaction) was slower than both. The parallel and phased loaders commit their indexes separately,
        // so a kill can leave them disagreeing ("a strange state", TDB2 documentation): only for benchmarks, by
        // -Dchainkg.bulkLoader=parallel|phased|sequential, and then only for graphs of chainkg.bulkMinQuads or more.
        String kind = System.getProperty("chainkg.bulkLoader", "transaction");
        if (kind.equals("transaction") || sent < bulkMinQuads()) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(spoolFile), 1 << 16)) {
                Txn.executeWrite(tdb, () -> RDFParser.source(in).lang(Lang.RDFTHRIFT).parse(new org.apache.jena.riot.system.StreamRDFWrapper(StreamRDFLib.dataset(tdb)) {
                    long n;
                    @Override public void quad(Quad q) {
                        if (++n == sent / 2) KillPoint.reached("bulk.loading");
                        super.quad(q);
                    }
                }));
            } catch (IOException | RuntimeException e) {
                undo(e);
                throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
            }
            return commitIndex();
        }
        MonitorOutput quiet = (fmt, args) -> { };
        DataLoader loader = switch (kind) {
            case "parallel" -> LoaderFactory.parallelLoader(tdb, (Node) null, quiet);
            case "phased" -> LoaderFactory.phasedLoader(tdb, (Node) null, quiet);
            case "sequential" -> LoaderFactory.sequentialLoader(tdb, (Node) null, quiet);
            default -> throw new IllegalArgumentException("chainkg.bulkLoader must be transaction, sequential, parallel or phased, not " + kind);
        };
        loader.startBulk();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(spoolFile), 1 << 16)) {
            StreamRDF target = loader.stream();
            RDFParser.source(in).lang(Lang.RDFTHRIFT).parse(new org.apache.jena.riot.system.StreamRDFWrapper(target) {
                long n;
                @Override public void quad(Quad q) {
                    if (++n == sent / 2) KillPoint.reached("bulk.loading");
                    super.quad(q);
                }
            });
            loader.finishBulk();
        } catch (IOException | RuntimeException e) {
            loader.finishException(e);
            undo(e);
            throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
        }
        return commitIndex();
    }

    /** Commits the text index; returns the distinct triples now in the graph. */
    private long commitIndex() {
        KillPoint.reached("bulk.tdb-committed");
        index.prepareCommit();
        index.commit();
        KillPoint.reached("bulk.text-committed");
        loaded = true;
        return Txn.calculateRead(tdb, () -> {
            long n = 0;
            for (var it = tdb.find(graph, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); it.next()) n++;
            return n;
        });
    }

    private void undo(Exception cause) {
        try {
            index.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            Txn.executeWrite(tdb, () -> tdb.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Ends the load: without a completed {@link #load}, rolls the Lucene changes back. Deletes the spool file. */
    @Override
    public void close() {
        if (!loaded) {
            try {
                index.rollback();
            } catch (RuntimeException ignored) {
                // nothing was added or the writer is already closed
            }
        }
        try {
            spoolOut.close();
            Files.deleteIfExists(spoolFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Digest digest(Quad q) {
        byte[] h;
        try {
            h = java.security.MessageDigest.getInstance("MD5").digest(
                (q.getSubject() + " " + q.getPredicate() + " " + q.getObject()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Digest(java.nio.ByteBuffer.wrap(h, 0, 8).getLong(), java.nio.ByteBuffer.wrap(h, 8, 8).getLong());
    }
}
