package org.chainkg.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.chainkg.query.QueryDeadline;

/**
 * Fuseki's SPARQL query operation ({@code /chainkg/sparql}, {@code /chainkg/query}) with a {@link QueryDeadline}:
 * a query still running at the server's timeout is stopped for real (503), where ARQ's own timer can wait until
 * the query's plan is built. A shorter {@code ?timeout=} asked for by the client is still ARQ's to apply.
 */
final class DeadlineQueryDataset extends SPARQL_QueryDataset {
    private final long timeoutMillis;

    DeadlineQueryDataset(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
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
