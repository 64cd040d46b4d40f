package org.chainkg.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.chainkg.rdf.CK;

/**
 * Moves one source's triples into a named graph on three threads: the reader parses and maps on its own thread
 * and hands over batches of triples through a bounded queue; the caller's thread, which holds the write
 * transaction, adds them to the TDB2 quad indexes; a third thread analyses the text-indexed literals into Lucene
 * documents in batches. The text documents are the ones jena-text's own per-triple producer would make (same
 * entity, graph, language and uid fields), and they join the same transaction, so an abort drops them too.
 * <p>
 * Duplicates: TDB2 ignores a quad that is already there; the text index would not, so text-indexed quads are
 * remembered (by a 128-bit hash) and indexed once per load.
 */
final class LoadPipeline {
    private static final int BATCH = 4096;
    private static final int QUEUE = 16;
    private static final List<Triple> END = List.of();

    private final DatasetGraph base;
    private final TextIndex index;
    private final Node graph;
    private final LoadProgress progress;
    private final java.util.Set<QuadKey> textSeen = new java.util.HashSet<>();
    private volatile boolean cancelled;

    private record QuadKey(long a, long b) {}

    /**
     * @param base  the dataset the quads go into (the TDB2 dataset under the text index), inside a write transaction
     * @param index the text index to add documents to, or null when the base does its own indexing
     */
    LoadPipeline(DatasetGraph base, TextIndex index, Node graph, LoadProgress progress) {
        this.base = base;
        this.index = index;
        this.graph = graph;
        this.progress = progress;
    }

    /** Runs {@code read} (which streams triples to the given StreamRDF) on a reader thread; returns its result. */
    <R> R run(Function<StreamRDF, R> read) {
        BlockingQueue<List<Triple>> queue = new ArrayBlockingQueue<>(QUEUE);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "chainkg-load");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<R> reader = threads.submit(() -> {
                Batcher batcher = new Batcher(queue);
                try {
                    R result = read.apply(batcher);
                    batcher.flush();
                    return result;
                } finally {
                    if (!cancelled) put(queue, END);
                }
            });
            ExecutorService textThread = index == null ? null : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "chainkg-text-index");
                t.setDaemon(true);
                return t;
            });
            List<Future<?>> textBatches = new ArrayList<>();
            try {
                List<Entity> docs = new ArrayList<>();
                while (true) {
                    List<Triple> batch = queue.take();
                    if (batch == END) break;
                    long records = 0;
                    for (Triple t : batch) {
                        if (t.getPredicate().equals(CK.sourceLine)) records++;
                        Quad q = Quad.create(graph, t);
                        base.add(q);
                        if (index != null) {
                            Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
                            if (e != null && textSeen.add(key(q))) docs.add(e);
                        }
                    }
                    progress.triples(batch.size());
                    progress.records(records);
                    if (docs.size() >= BATCH) {
                        textBatches.add(submit(textThread, docs));
                        docs = new ArrayList<>();
                    }
                    // Keep at most a few text batches in flight, so that memory stays bounded.
                    while (textBatches.size() > 4) textBatches.remove(0).get();
                }
                if (!docs.isEmpty()) textBatches.add(submit(textThread, docs));
                for (Future<?> f : textBatches) f.get();
                return reader.get();
            } finally {
                if (textThread != null) textThread.shutdownNow();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            cancelled = true;
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error er) throw er;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            cancelled = true;
            Thread.currentThread().interrupt();
            throw new CancellationException("load interrupted");
        } catch (RuntimeException | Error e) {
            cancelled = true;
            throw e;
        } finally {
            cancelled = true;
            queue.clear();
            threads.shutdownNow();
        }
    }

    private Future<?> submit(ExecutorService textThread, List<Entity> docs) {
        return textThread.submit(() -> { for (Entity e : docs) index.addEntity(e); });
    }

    /** A 128-bit key of a quad: two independent 64-bit hashes of its terms. */
    private static QuadKey key(Quad q) {
        long a = 1125899906842597L, b = 0x9E3779B97F4A7C15L;
        for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()}) {
            String s = n.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                a = 31 * a + c;
                b = (b ^ c) * 0x100000001B3L;
            }
            a = 31 * a + 7;
            b = (b ^ 0xFF) * 0x100000001B3L;
        }
        return new QuadKey(a, b);
    }

    private void put(BlockingQueue<List<Triple>> queue, List<Triple> batch) {
        try {
            while (!cancelled) {
                if (queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new CancellationException("load cancelled");
    }

    /** The reader's StreamRDF: groups triples into batches for the writer. */
    private final class Batcher extends StreamRDFBase {
        private final BlockingQueue<List<Triple>> queue;
        private List<Triple> batch = new ArrayList<>(BATCH);

        Batcher(BlockingQueue<List<Triple>> queue) { this.queue = queue; }

        @Override
        public void triple(Triple t) {
            batch.add(t);
            if (batch.size() >= BATCH) flush();
        }

        @Override
        public void quad(Quad q) { triple(q.asTriple()); }

        @Override
        public void finish() { flush(); }

        void flush() {
            if (cancelled) throw new CancellationException("load cancelled");
            if (batch.isEmpty()) return;
            put(queue, batch);
            batch = new ArrayList<>(BATCH);
        }
    }
}
