package org.chainkg.cli;

import java.util.concurrent.Callable;

import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.store.ChainStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chainkg derive --db DIR}: recomputes the derived graphs (organisation identity, text links). */
@Command(name = "derive", description = "Recompute the derived graphs (organisation identity, research-to-chain text links); "
                                        + "load does this after every source.")
public final class DeriveCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
        try (ChainStore s = store.openExisting(DerivedState.Policy.DERIVES_NEXT, common.quiet)) {
            refresh(s, common.quiet);
        }
        return 0;
    }

    static void refresh(ChainStore s, boolean quiet) {
        // Each derivation is announced before it starts: a first serve derives for several seconds.
        if (quiet) {
            DerivedGraphs.refresh(s.dataset());
            return;
        }
        DerivedGraphs.refresh(s.dataset(), d -> System.err.printf("deriving %s ...%n", d.name()),
            r -> System.err.printf("derived %s into <%s>: %,d records, %,d triples%n", r.name(), r.graph().getURI(), r.records(), r.triples()));
    }
}
