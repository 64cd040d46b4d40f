package org.chainkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options shared by commands that open the store. */
public final class StoreOptions {
    public static final String DEFAULT_DB = "chainkg-db";

    @Option(names = "--db", paramLabel = "DIR", description = "Store directory (TDB2 + text index). Default: ./" + DEFAULT_DB)
    Path db;

    @Option(names = "--debug", description = "Print stack traces with errors.")
    boolean debug;

    @Option(names = "--quiet", description = "No progress messages on stderr.")
    boolean quiet;

    Path dbOrDefault() { return db != null ? db : Path.of(DEFAULT_DB); }

    boolean dbGiven() { return db != null; }
}
