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
 *   <li>a SERVICE to an endpoint that is not allowed is refused before the query runs (403, {@link ServiceAllowList}).</li>
 * </ul>
 */
final class ChainkgQueryDataset extends SPARQL_QueryDataset {
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
        if (timeoutMillis <= 0) {
            super.execute(queryString, action);
            return;
        }
        // The per-request context is the one the query execution is built with (SPARQLQueryProcessor.createQueryExec).
        try (QueryDeadline deadline = QueryDeadline.in(timeoutMillis, action.getContext())) {
            super.execute(queryString, action);
        }
    }
}
