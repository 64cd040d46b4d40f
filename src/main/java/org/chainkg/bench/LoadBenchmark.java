package org.chainkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.source.SourceFormats;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.chainkg.synthetic.SyntheticData;

/**
 * Times loading: chainkg from the source files into a fresh store (TDB2 + text index, derived graphs apart), and,
 * as the baseline, Jena's own TDB2 bulk loaders (basic, phased, parallel: the loaders behind {@code tdb2.tdbloader})
 * on the same triples exported as N-Quads into a fresh TDB2 database.
 */
final class LoadBenchmark {
    static final List<String> JENA_LOADERS = List.of("basic", "phased", "parallel");

    /** One chainkg load: time, triples in the source graphs, peak heap seen, bytes on disk. */
    record Run(double ms, long triples, long peakHeap, long bytes) {}

    static Run chainkg(SyntheticData.Manifest m, Path db) {
        return chainkg(m, db, true);
    }

    /** One chainkg load into a fresh store; {@code bulk} false forces the transactional path (as {@code load --no-bulk}). */
    static Run chainkg(SyntheticData.Manifest m, Path db, boolean bulk) {
        delete(db);
        try (HeapWatch heap = new HeapWatch()) {
            long triples = 0;
            long t = System.nanoTime();
            try (ChainStore store = ChainStore.open(db)) {
                for (SyntheticData.Source s : m.sources()) {
                    var r = org.chainkg.pipeline.Pipeline.embedded(store.dataset()).bulk(bulk).deriveAfterLoad(false)
                        .load(new org.chainkg.pipeline.Pipeline.Load(SourceFormats.byName(s.format()), List.of(s.dir()),
                              s.graph() == null ? null : NodeFactory.createURI(s.graph()),
                              org.chainkg.source.SourcePaths.releaseOf(List.of(s.dir())).orElse(null), java.nio.charset.StandardCharsets.UTF_8));
                    triples += r.triples();
                }
            }
            double ms = (System.nanoTime() - t) / 1e6;
            return new Run(ms, triples, heap.peak(), org.chainkg.store.DiskUsage.allocatedBytes(db));
        }
    }

    /** Recomputes the derived graphs (identity, technology reach, text links); returns the time and triples. */
    static double[] derive(Path db) {
        try (ChainStore store = ChainStore.open(db)) {
            long t = System.nanoTime();
            long triples = org.chainkg.pipeline.Pipeline.embedded(store.dataset()).deriveAll().stream().mapToLong(DerivedGraphs.Result::triples).sum();
            return new double[] {(System.nanoTime() - t) / 1e6, triples};
        }
    }

    /** What an incremental derive after reloading one source did: its time and the derivations it recomputed. */
    record Incremental(String source, double ms, List<String> recomputed) {}

    /**
     * Reloads one source of the manifest into its graph (same files: a monthly re-delivery) and times the derive that
     * follows: incremental, only the derivations whose inputs changed.
     */
    static Incremental reloadAndDerive(SyntheticData.Manifest m, Path db, SyntheticData.Source s) {
        try (ChainStore store = ChainStore.open(db)) {
            var p = org.chainkg.pipeline.Pipeline.embedded(store.dataset()).deriveAfterLoad(false);
            p.load(new org.chainkg.pipeline.Pipeline.Load(SourceFormats.byName(s.format()), List.of(s.dir()),
                   s.graph() == null ? null : NodeFactory.createURI(s.graph()),
                   org.chainkg.source.SourcePaths.releaseOf(List.of(s.dir())).orElse(null), java.nio.charset.StandardCharsets.UTF_8));
            long t = System.nanoTime();
            List<String> recomputed = p.derive().stream().filter(DerivedGraphs.Result::recomputed).map(DerivedGraphs.Result::name).toList();
            return new Incremental(s.dir().getFileName().toString(), (System.nanoTime() - t) / 1e6, recomputed);
        }
    }

    /** The source graphs of a store (not the derived ones) as one N-Quads file. */
    static long exportNQuads(Path db, Path file) {
        try (ChainStore store = ChainStore.open(db); OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            DatasetGraph dsg = store.dataset();
            long[] n = {0};
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
            writer.start();
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
                if (q.getGraph().getURI().startsWith(DerivedGraphs.PREFIX)) return;
                writer.quad(q);
                n[0]++;
            }));
            writer.finish();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run of a Jena TDB2 loader on the N-Quads file into a fresh database; returns the time in ms. */
    static double jena(String variant, Path nquads, Path dir) {
        delete(dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            long t = System.nanoTime();
            MonitorOutput silent = (fmt, args) -> { };
            DataLoader loader = switch (variant) {
                case "basic" -> LoaderFactory.basicLoader(dsg, (Node) null, silent);
                case "phased" -> LoaderFactory.phasedLoader(dsg, (Node) null, silent);
                default -> LoaderFactory.parallelLoader(dsg, (Node) null, silent);
            };
            loader.startBulk();
            try {
                loader.load(nquads.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return (System.nanoTime() - t) / 1e6;
        } finally {
            TDBInternal.expel(dsg);
            delete(dir);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples the used heap every 50 ms on a daemon thread; {@link #peak} is the largest value seen. */
    static final class HeapWatch implements AutoCloseable {
        private volatile long peak;
        private volatile boolean running = true;
        private final Thread thread;

        HeapWatch() {
            System.gc();
            thread = new Thread(() -> {
                var mem = ManagementFactory.getMemoryMXBean();
                while (running) {
                    peak = Math.max(peak, mem.getHeapMemoryUsage().getUsed());
                    try { Thread.sleep(50); } catch (InterruptedException e) { return; }
                }
            }, "chainkg-heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() { return peak; }

        @Override
        public void close() { running = false; thread.interrupt(); }
    }

    private LoadBenchmark() {}
}
