package org.chainkg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * Keeps the jena-text index right when whole graphs are cleared or replaced.
 * <p>
 * jena-text updates its Lucene index for each quad added or deleted one by one, but bulk operations
 * ({@code deleteAny}, {@code removeGraph}, {@code clear}: SPARQL CLEAR/DROP, Graph Store Protocol PUT/DELETE)
 * bypass it and leave stale entries (Jena issue #1985). This wrapper turns every bulk delete into single quad
 * deletes, and hands out graph views over itself so that {@code Graph.clear()} comes back here too.
 */
public final class TextIndexSafeDatasetGraph extends DatasetGraphWrapper {
    private static final int BATCH = 10_000;

    public TextIndexSafeDatasetGraph(DatasetGraph textDataset) {
        super(textDataset);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        // Delete in batches: the iterator must not be open while its data changes.
        while (true) {
            List<Quad> batch = new ArrayList<>(BATCH);
            Iterator<Quad> it = find(g, s, p, o);
            try {
                while (it.hasNext() && batch.size() < BATCH)
                    batch.add(it.next());
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
            if (batch.isEmpty())
                return;
            for (Quad q : batch)
                delete(q);
        }
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return GraphView.createUnionGraph(this);
    }
}
