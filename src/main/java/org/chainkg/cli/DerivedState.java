package org.chainkg.cli;

import java.util.List;

import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.store.ChainStore;

/**
 * What a command does, once the store is open, about a killed earlier command and about derived graphs that do not
 * match the sources: it reports what {@link org.chainkg.store.StoreRecovery} repaired; derived graphs whose
 * recomputation was killed, or that are incomplete, are recomputed before any answer (never answered from); missing
 * or stale ones (sources loaded with {@code --no-derive}) are recomputed by {@code serve} and reported by every other
 * command, which answers as the store is.
 */
final class DerivedState {
    /** What the command does itself afterwards. */
    enum Policy {
        /** Answers from the store: repair, recompute interrupted derivations, warn about stale ones. */
        ANSWER,
        /** Serves the store: as ANSWER, and recomputes missing and stale derived graphs too. */
        SERVE,
        /** Recomputes the derived graphs itself next (derive, load without --no-derive): only reports repairs. */
        DERIVES_NEXT
    }

    static void settle(ChainStore s, Policy policy, boolean quiet) {
        reportRepairs(s, quiet);
        if (policy != Policy.DERIVES_NEXT) settleDerived(s, policy, quiet);
    }

    /** Tells what opening the store repaired after a killed command. */
    static void reportRepairs(ChainStore s, boolean quiet) {
        var recovery = s.recovery();
        if (!recovery.actions().isEmpty() && !quiet) {
            System.err.printf("chainkg: the previous command on %s (%s) was killed before it finished; repaired:%n", s.directory(),
                              recovery.interruptedCommand() == null ? "unknown" : recovery.interruptedCommand());
            for (String a : recovery.actions()) System.err.println("  - " + a);
        }
    }

    /** Recomputes interrupted derivations (and, to serve, missing or stale ones); warns about stale ones otherwise. */
    static void settleDerived(ChainStore s, Policy policy, boolean quiet) {
        var recovery = s.recovery();
        List<DerivedGraphs.Status> status = DerivedGraphs.status(s.dataset());
        boolean broken = recovery.derivedInterrupted()
                         || status.stream().anyMatch(x -> x.state() == DerivedGraphs.State.INCOMPLETE);
        List<DerivedGraphs.Status> behind = status.stream()
            .filter(x -> x.state() == DerivedGraphs.State.MISSING || x.state() == DerivedGraphs.State.STALE).toList();
        if (broken || (policy == Policy.SERVE && !behind.isEmpty())) {
            if (!quiet)
                System.err.println(broken ? "chainkg: the derived graphs are incomplete (an interrupted derivation); recomputing them first"
                                          : "chainkg: the derived graphs do not match the sources (" + reason(behind) + "); recomputing them first");
            DeriveCommand.refresh(s, quiet);
            return;
        }
        if (!behind.isEmpty())
            System.err.println("chainkg: warning: the derived graphs do not match the sources (" + reason(behind)
                               + "); answers that use them are out of date: run chainkg derive --db " + s.directory());
    }

    private static String reason(List<DerivedGraphs.Status> behind) {
        DerivedGraphs.Status first = behind.get(0);
        return first.name() + ": " + first.reason() + (behind.size() > 1 ? "; " + (behind.size() - 1) + " more" : "");
    }

    private DerivedState() {}
}
