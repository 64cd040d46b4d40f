package org.chainkg.match;

/** A match or evaluation request that cannot be answered: an unknown identifier, a wrong kind of organisation. */
public class MatchException extends RuntimeException {
    public MatchException(String message) {
        super(message);
    }
}
