package org.chainkg.cli;

import org.apache.jena.query.QueryParseException;
import org.chainkg.source.SourceDataException;

/** Turns exceptions into one line for people. */
final class ErrorMessages {
    static String describe(Throwable ex) {
        if (ex instanceof SourceDataException)
            return ex.getMessage() + "\nnothing was loaded: the store is as it was before this load";
        if (ex instanceof QueryParseException)
            return "the SPARQL query does not parse: " + ex.getMessage();
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank())
            msg = ex.getClass().getSimpleName();
        return msg;
    }

    private ErrorMessages() {}
}
