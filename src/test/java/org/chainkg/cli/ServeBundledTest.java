package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} without --db on an empty default store loads the bundled real data first, and only then. */
class ServeBundledTest {
    @TempDir Path tmp;

    @Test
    void emptyStoreGetsTheBundledDataOnce() {
        try (ChainStore s = ChainStore.open(tmp.resolve("db"))) {
            assertEquals(8, ServeCommand.loadBundledIfEmpty(s));
            assertFalse(s.isEmpty());
            assertEquals(0, ServeCommand.loadBundledIfEmpty(s));
        }
    }
}
