package org.chainkg.analytics;

import java.util.function.Consumer;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.chainkg.store.Releases;

/**
 * What a {@link Derivation} reads the store through: SPARQL SELECTs over the union of the graphs that queries see
 * (or, for {@link #selectAllReleases}, with the superseded releases of a dataset too), rows handed over one at a time.
 * The embedded store answers in-process ({@link #of}); a remote engine answers by paged SELECTs
 * ({@link RemoteReader}), so that a derivation holds only what it keeps itself, never the graph.
 */
public interface StoreReader {
    /** Runs a SELECT over the visible graphs and hands each row over; returns the rows read. */
    long select(String query, Consumer<Binding> row);

    /** As {@link #select}, over every release of every dataset. */
    long selectAllReleases(String query, Consumer<Binding> row);

    /** The embedded store (or any dataset whose default graph is the union of its named graphs), in-process. */
    static StoreReader of(DatasetGraph dsg) {
        return new StoreReader() {
            @Override public long select(String query, Consumer<Binding> row) { return run(dsg, query, false, row); }
            @Override public long selectAllReleases(String query, Consumer<Binding> row) { return run(dsg, query, true, row); }
        };
    }

    private static long run(DatasetGraph dsg, String query, boolean allReleases, Consumer<Binding> row) {
        long[] n = {0};
        var builder = QueryExec.dataset(dsg).query(QueryFactory.create(query));
        if (allReleases) builder = Releases.showAll(builder);
        try (QueryExec q = builder.build()) {
            q.select().forEachRemaining(b -> { row.accept(b); n[0]++; });
        }
        return n[0];
    }
}
