package org.chainkg.cli;

import java.nio.file.Path;

import org.chainkg.store.ChainStore;
import org.chainkg.store.NoStoreException;

import picocli.CommandLine.Option;

/** The {@code --db} option of commands that open the local store. */
public final class StoreOptions {
    public static final String DEFAULT_DB = "chainkg-db";

    @Option(names = "--db", paramLabel = "DIR", description = "Store directory (TDB2 + text index). Default: ./" + DEFAULT_DB)
    Path db;

    Path dbOrDefault() { return db != null ? db : Path.of(DEFAULT_DB); }

    boolean dbGiven() { return db != null; }

    /** Opens the store, creating it if needed: for {@code load} and {@code serve} only. See {@link DerivedState}. */
    ChainStore openOrCreate(DerivedState.Policy policy, boolean quiet) {
        return settled(ChainStore.open(dbOrDefault()), policy, quiet);
    }

    /** Opens an existing store to answer from it (see {@link DerivedState}). */
    ChainStore openExisting(boolean quiet) { return openExisting(DerivedState.Policy.ANSWER, quiet); }

    /** Opens an existing store; with no store there, a {@link NoStoreException} that says how to make one. */
    ChainStore openExisting(DerivedState.Policy policy, boolean quiet) {
        ChainStore s;
        try {
            s = ChainStore.openExisting(dbOrDefault());
        } catch (NoStoreException e) {
            throw new NoStoreException(e.directory(), e.getMessage() + ": create it with chainkg load --db " + dbOrDefault()
                                       + " PATH..." + (dbGiven() ? "" : ", or chainkg serve (loads the bundled data)"));
        }
        return settled(s, policy, quiet);
    }

    private static ChainStore settled(ChainStore s, DerivedState.Policy policy, boolean quiet) {
        try {
            DerivedState.settle(s, policy, quiet);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
