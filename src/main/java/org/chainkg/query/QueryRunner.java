package org.chainkg.query;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;

/**
 * Runs SELECT queries (named or ad hoc) on a dataset in a read transaction, with parameters substituted as terms;
 * or, made with {@link #remote}, on a SPARQL 1.1 protocol endpoint (parameters written into the query's syntax).
 */
public final class QueryRunner {
    private final DatasetGraph dsg;
    private final String endpoint;
    private final long timeoutMillis;

    public QueryRunner(DatasetGraph dsg, long timeoutMillis) {
        this(dsg, null, timeoutMillis);
    }

    private QueryRunner(DatasetGraph dsg, String endpoint, long timeoutMillis) {
        this.dsg = dsg;
        this.endpoint = endpoint;
        this.timeoutMillis = timeoutMillis;
    }

    /** A runner that sends queries to a SPARQL 1.1 query endpoint (e.g. http://host:3030/chainkg/sparql). */
    public static QueryRunner remote(String endpoint, long timeoutMillis) {
        return new QueryRunner(null, endpoint, timeoutMillis);
    }

    /** Queries that compare releases (header {@code # Releases: all}): they run without the superseded-release filter. */
    private static final java.util.Set<Query> ALL_RELEASES =
        java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /** Marks a parsed query as one that sees every release of every dataset ({@link org.chainkg.store.Releases}). */
    static void seeAllReleases(Query query) { ALL_RELEASES.add(query); }

    /** Queries whose list columns chainkg puts in order (header {@code # Lists:}). */
    private static final java.util.Map<Query, SortedLists> LISTS =
        java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    static void sortLists(Query query, SortedLists lists) { LISTS.put(query, lists); }

    /** Runs the query and hands the rows to {@code consumer} while the read transaction is open. */
    public void select(Query query, Binding parameters, Consumer<RowSet> consumer) {
        select(query, parameters, Page.ALL, consumer);
    }

    /** Runs one page of the query (OFFSET/LIMIT applied to a copy) and hands its rows to {@code consumer}. */
    public void select(Query query, Binding parameters, Page page, Consumer<RowSet> consumer) {
        SortedLists lists = LISTS.get(query);
        if (lists != null) run(query, parameters, page, rows -> consumer.accept(lists.apply(rows)));
        else run(query, parameters, page, consumer);
    }

    private void run(Query query, Binding parameters, Page page, Consumer<RowSet> consumer) {
        if (!query.isSelectType())
            throw new QueryParameterException("only SELECT queries are supported here (got " + query.queryType() + ")");
        if (endpoint != null) {
            // A remote engine has no superseded-release filter: the query names the graphs it may read. The timeout
            // covers the graph listing and the query together: the query gets what the listing left of it.
            long deadline = System.currentTimeMillis() + timeoutMillis;
            Query sent = org.chainkg.store.RemoteGraphs.of(endpoint, timeoutMillis)
                .restrict(RemoteQueries.substituted(query, parameters), ALL_RELEASES.contains(query));
            var builder = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(endpoint)
                .sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm)
                .query(page.applyTo(sent));
            if (timeoutMillis > 0) builder = builder.timeout(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            try (QueryExec exec = builder.build()) {
                consumer.accept(CanonicalTerms.apply(exec.select()));
            }
            return;
        }
        Txn.executeRead(dsg, () -> {
            var builder = QueryExec.dataset(dsg).query(page.applyTo(query));
            if (ALL_RELEASES.contains(query)) builder = org.chainkg.store.Releases.showAll(builder);
            if (parameters != null && !parameters.isEmpty()) builder = builder.substitution(parameters);
            if (timeoutMillis <= 0) {
                try (QueryExec exec = builder.build()) {
                    consumer.accept(exec.select());
                }
                return;
            }
            // ARQ's timeout, and a deadline that stops a query whose plan building runs past it (QueryDeadline).
            try (QueryDeadline deadline = QueryDeadline.in(timeoutMillis);
                 QueryExec exec = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                     .set(ARQConstants.symCancelQuery, deadline.signal()).build()) {
                consumer.accept(exec.select());
            }
        });
    }

    /** Runs the query and returns all rows, materialised (for tests and small results). */
    public RowSetRewindable selectAll(Query query, Binding parameters) {
        RowSetRewindable[] out = new RowSetRewindable[1];
        select(query, parameters, rs -> {
            // Store bindings resolve their terms lazily, which only works inside the transaction: copy them.
            java.util.List<Binding> rows = new java.util.ArrayList<>();
            rs.forEachRemaining(b -> {
                BindingBuilder copy = BindingBuilder.create();
                b.forEach(copy::add);
                rows.add(copy.build());
            });
            out[0] = RowSetStream.create(rs.getResultVars(), rows.iterator()).rewindable();
        });
        return out[0];
    }

    public RowSetRewindable run(NamedQuery q, java.util.Map<String, String> params) {
        return selectAll(q.query(), q.bind(params));
    }
}
