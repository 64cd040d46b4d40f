package org.chainkg.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.chainkg.query.QueryDeadline;

/**
 * Fuseki's SPARQL query operation ({@code /chainkg/sparql}, {@code /chainkg/query}) with chainkg's limits:
 * <ul>
 *   <li>a {@link QueryDeadline}: a query still running at the server's timeout is stopped for real (503), where
 *       ARQ's own timer can wait until the query's plan is built (a shorter {@code ?timeout=} asked for by the
 *       client is still ARQ's to apply);</li>
 *   <li>a SERVICE to an endpoint that is not allowed is refused before the query runs (403, {@link ServiceAllowList});</li>
 *   <li>a query text over {@link #MAX_QUERY_CHARS} is refused before it is parsed (413), however it came (URL, form
 *       or body): parsing is not covered by any timeout.</li>
 * </ul>
 */
final class ChainkgQueryDataset extends SPARQL_QueryDataset {
    /**
     * Longest query text, in characters: ARQ's parsing and compiling grow faster than the text and cannot be
     * stopped (1 MB of BINDs took 168 s, 58 kB 0.6 s), and the longest named query is under 10 kB.
     */
    static final int MAX_QUERY_CHARS = 64 * 1024;

    private final long timeoutMillis;
    private final ServiceAllowList services;

    ChainkgQueryDataset(long timeoutMillis, ServiceAllowList services) {
        this.timeoutMillis = timeoutMillis;
        this.services = services;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        String refusal = services.refusal(query);
        if (refusal != null) ServletOps.errorForbidden(refusal);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString.length() > MAX_QUERY_CHARS)
            ServletOps.error(413, "the query (" + queryString.length() + " characters) is over this server's limit of "
                                  + MAX_QUERY_CHARS + " characters");
        if (timeoutMillis <= 0) {
            super.execute(queryString, action);
            return;
        }
        // The per-request context is the one the query execution is built with (SPARQLQueryProcessor.createQueryExec).
        try (QueryDeadline deadline = QueryDeadline.in(timeoutMillis, action.getContext())) {
            super.execute(queryString, action);
        } catch (OutOfMemoryError e) {
            // The memory guard stops most such queries first; one whose buffer doubles past the heap in one step ends
            // here, its memory already free again: a clear 503, not Fuseki's 500 "Java heap space".
            ServletOps.error(503, MemoryGuard.OUT_OF_MEMORY);
        }
    }
}
