package org.chainkg.cli;

import java.util.concurrent.Callable;

import org.chainkg.store.ChainStore;
import org.chainkg.store.DiskUsage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chainkg compact --db DIR}: gives back the disk space of deleted triples (TDB2 keeps it until compaction, and
 * every load replaces the derived graphs), printing the store's size on disk before and after.
 */
@Command(name = "compact", description = "Compact the store: give back the disk space of deleted triples (every load replaces "
                                         + "the derived graphs, and TDB2 keeps the old space until compaction).")
public final class CompactCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
        var dir = store.dbOrDefault();
        try (ChainStore s = store.openExisting(common.quiet)) {
            long before = DiskUsage.allocatedBytes(dir);
            long start = System.nanoTime();
            s.compact();
            long after = DiskUsage.allocatedBytes(dir);
            if (!common.quiet)
                System.err.printf("compacted %s in %.1f s: %,d MB -> %,d MB on disk (TDB2 + text index)%n", dir,
                                  (System.nanoTime() - start) / 1e9, before >> 20, after >> 20);
        }
        return 0;
    }
}
