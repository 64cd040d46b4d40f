package org.chainkg.analytics;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.chainkg.store.RemoteGraphs;

/**
 * {@link StoreReader} over a remote SPARQL 1.1 query endpoint, by paged SELECTs: each query gets the visible graphs as
 * its dataset ({@link RemoteGraphs#restrict}), a total order (its GROUP BY keys, else every projected variable,
 * after its own ORDER BY) and is fetched {@link #PAGE} rows at a time with LIMIT/OFFSET, so that neither side holds a
 * whole result: the client holds one page, whatever the store's size, and stays under an engine's cap on result
 * rows (Virtuoso's ResultSetMaxRows).
 */
final class RemoteReader implements StoreReader {
    /** Rows per request (system property {@code chainkg.remotePage}). */
    static final int PAGE = Integer.getInteger("chainkg.remotePage", 10_000);
    private final String sparql;
    private final RemoteGraphs graphs;

    RemoteReader(String sparql, RemoteGraphs graphs) {
        this.sparql = sparql;
        this.graphs = graphs;
    }

    @Override public long select(String query, Consumer<Binding> row) { return run(query, false, row); }

    @Override public long selectAllReleases(String query, Consumer<Binding> row) { return run(query, true, row); }

    private long run(String text, boolean allReleases, Consumer<Binding> row) {
        Query q = ordered(graphs.restrict(QueryFactory.create(text), allReleases));
        long n = 0;
        for (long offset = 0; ; offset += PAGE) {
            Query page = q.cloneQuery();
            page.setOffset(offset);
            page.setLimit(PAGE);
            long got = 0;
            try (QueryExecHTTP exec = QueryExecHTTP.service(sparql).sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).query(page).build()) {
                for (var it = exec.select(); it.hasNext(); got++) row.accept(it.next());
            } catch (org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
                throw RemoteGraphs.refused(sparql, "a derivation's query", e.getStatusCode(), e.getResponse(), e);
            }
            n += got;
            if (got < PAGE) return n;
        }
    }

    /** The query with a total order on its rows (its own ORDER BY first). */
    static Query ordered(Query query) {
        Query q = query.cloneQuery();
        List<Var> keys = q.hasGroupBy() ? q.getGroupBy().getVars() : q.getProjectVars();
        for (Var v : keys) {
            boolean present = q.getOrderBy() != null && q.getOrderBy().stream().anyMatch(c -> c.getExpression().isVariable()
                                                                                   && c.getExpression().asVar().equals(v));
            if (!present) q.addOrderBy(new SortCondition(v, Query.ORDER_ASCENDING));
        }
        return q;
    }
}
