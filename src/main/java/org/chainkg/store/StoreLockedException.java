package org.chainkg.store;

import java.nio.file.Path;

/**
 * Another process (typically a running {@code chainkg serve}) holds the store: TDB2 lets one JVM at a time open a
 * database and refuses the others with {@code AlreadyLocked} ("Failed to get a lock").
 */
public class StoreLockedException extends RuntimeException {
    private final Path dir;

    public StoreLockedException(Path dir, Throwable cause) {
        super("the store at " + dir + " is in use by another process", cause);
        this.dir = dir;
    }

    /** The store's directory. */
    public Path directory() { return dir; }
}
