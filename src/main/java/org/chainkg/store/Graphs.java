package org.chainkg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/** Graph-level operations on the store that keep the text index right and stay linear in the graph's size. */
public final class Graphs {
    private static final int BATCH = 50_000;

    /**
     * Removes every quad of a named graph, one delete per quad so that jena-text drops the matching Lucene
     * documents (Jena issue #1985). Quads are read in batches before they are deleted: jena-text's own
     * {@code removeGraph} re-reads the graph after every few deletes and becomes quadratic on large graphs.
     * @return the number of quads removed
     */
    public static long clear(DatasetGraph dsg, Node graph) {
        long removed = 0;
        while (true) {
            List<Quad> batch = new ArrayList<>(Math.min(BATCH, 1024));
            Iterator<Quad> it = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
            try {
                while (it.hasNext() && batch.size() < BATCH) batch.add(it.next());
            } finally {
                Iter.close(it);
            }
            if (batch.isEmpty()) return removed;
            for (Quad q : batch) dsg.delete(q);
            if (dsg.contains(batch.get(0)) || dsg.contains(batch.get(batch.size() - 1)))
                throw new IllegalStateException("cannot delete " + batch.get(0) + " from the store (a literal that the "
                    + "store gives back in another form?); the graph <" + graph.getURI() + "> was left as it was");
            removed += batch.size();
        }
    }

    private Graphs() {}
}
