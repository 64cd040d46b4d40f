package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} without --db on an empty default store loads the bundled real data first, and only the sources it does
 * not hold (a first serve killed while loading); the text links on that data are right (TextLinkerTest).
 */
class ServeBundledTest {
    @TempDir Path tmp;

    @Test
    void emptyStoreGetsTheBundledDataOnce() {
        try (ChainStore s = ChainStore.open(tmp.resolve("db"))) {
            assertEquals(16, ServeCommand.loadMissingBundled(s));
            assertFalse(s.isEmpty());
            assertEquals(0, ServeCommand.loadMissingBundled(s));
            org.chainkg.analytics.TextLinkerTest.assertBundledLinksRight(s.dataset());
            // One bundled source missing (as after a kill during a first serve): only it is loaded again.
            var mapping = org.chainkg.source.BundledData.all().stream().filter(b -> b.format().equals("chain-mapping")).findFirst().orElseThrow();
            var g = org.chainkg.store.SourceLoader.defaultGraph(org.chainkg.source.SourceFormats.byName(mapping.format()), mapping.paths());
            org.apache.jena.system.Txn.executeWrite(s.dataset(), () -> org.chainkg.store.Graphs.clear(s.dataset(), g));
            assertEquals(1, ServeCommand.loadMissingBundled(s));
        }
    }
}
