package org.chainkg.query;

/** A named query was called with a parameter it does not declare, or a value that does not fit its type. */
public class QueryParameterException extends IllegalArgumentException {
    public QueryParameterException(String message) {
        super(message);
    }
}
