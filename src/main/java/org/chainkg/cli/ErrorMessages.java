package org.chainkg.cli;

import org.apache.jena.query.QueryParseException;
import org.chainkg.query.QueryParameterException;
import org.chainkg.server.ChainkgServer;
import org.chainkg.source.SourceDataException;
import org.chainkg.store.NoStoreException;
import org.chainkg.store.StoreLockedException;

/** Turns exceptions into one line for people, and says which are usage errors (exit 2). */
final class ErrorMessages {
    static String describe(Throwable ex, String command) {
        if (ex instanceof SourceDataException)
            return ex.getMessage() + "\nnothing was loaded: the store is as it was before this load";
        if (ex instanceof QueryParseException)
            return "the SPARQL query does not parse: " + ex.getMessage();
        if (ex instanceof StoreLockedException locked)
            return locked(locked, command);
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank())
            msg = ex.getClass().getSimpleName();
        return msg;
    }

    /** A missing store or a bad named-query parameter is the caller's mistake, like a bad option. */
    static boolean isUsageError(Throwable ex) {
        return ex instanceof NoStoreException || ex instanceof QueryParameterException;
    }

    private static String locked(StoreLockedException ex, String command) {
        Integer port = ServeCommand.runningPort(ex.directory());
        String base = "http://localhost:" + (port == null ? "PORT" : port) + ChainkgServer.DATASET;
        String endpoint = command.equals("load")
            ? "load --endpoint " + base + " (the server must run with --allow-update)"
            : "--endpoint " + base + "/sparql (query, match and serve take it)";
        if (port != null)
            return "the store at " + ex.directory() + " is held by a running chainkg serve on port " + port
                   + ": use the server with " + endpoint + ", or stop it first";
        return ex.getMessage() + " (TDB2: \"" + ex.getCause().getMessage() + "\"); if that is a chainkg serve, use it with "
               + endpoint + ", or stop it first";
    }

    private ErrorMessages() {}
}
