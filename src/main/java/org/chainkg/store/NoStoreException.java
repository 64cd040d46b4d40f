package org.chainkg.store;

import java.nio.file.Path;

/**
 * There is no chainkg store where one was expected: {@link ChainStore#openExisting} never creates one.
 * The command line reports it as a usage error (exit 2).
 */
public class NoStoreException extends RuntimeException {
    private final Path dir;

    public NoStoreException(Path dir, String message) {
        super(message);
        this.dir = dir;
    }

    /** The directory that holds no store. */
    public Path directory() { return dir; }
}
