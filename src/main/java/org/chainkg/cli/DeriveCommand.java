package org.chainkg.cli;

import java.util.concurrent.Callable;

import org.chainkg.analytics.Derivation;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.pipeline.Pipeline;
import org.chainkg.store.ChainStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chainkg derive --db DIR}: recomputes the derived graphs whose inputs changed since they were derived;
 * {@code --full} recomputes every one.
 */
@Command(name = "derive", description = "Recompute the derived graphs (concentration, identity, text links ...) whose inputs "
                                        + "changed since they were derived; load does this after every source.")
public final class DeriveCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Option(names = "--full", description = "Recompute every derived graph, current or not.")
    boolean full;

    @Override
    public Integer call() {
        try (ChainStore s = store.openExisting(DerivedState.Policy.DERIVES_NEXT, common.quiet)) {
            Pipeline p = Pipeline.embedded(s.dataset()).listener(printer(common.quiet, ""));
            if (full) p.deriveAll(); else p.derive();
        }
        return 0;
    }

    /** Recomputes the derived graphs that are not current (a first serve, a store left behind). */
    static void refresh(ChainStore s, boolean quiet) {
        Pipeline.embedded(s.dataset()).listener(printer(quiet, "")).derive();
    }

    /** Progress lines on stderr: each derivation is announced before it starts (a first serve derives for seconds). */
    static Pipeline.Listener printer(boolean quiet, String where) {
        if (quiet) return new Pipeline.Listener() {};
        return new Pipeline.Listener() {
            @Override public void deriving(Derivation d) { System.err.printf("deriving %s ...%n", d.name()); }
            @Override public void derived(DerivedGraphs.Result r) {
                if (r.recomputed())
                    System.err.printf("derived %s into <%s>%s: %,d records, %,d triples%n", r.name(), r.graph().getURI(), where, r.records(), r.triples());
                else
                    System.err.printf("kept %s: its inputs did not change%n", r.name());
            }
        };
    }
}
