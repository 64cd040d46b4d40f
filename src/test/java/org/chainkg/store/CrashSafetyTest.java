package org.chainkg.store;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 1 of the hardening issue, in the default suite: a load (first, on the bulk path; replacing, in one write
 * transaction) or a derive halted at a named point between its transactions leaves a store that answers every named
 * query as before or as after the command, with the text index agreeing and no journal or spool file left. The points
 * are the steps between TDB2's commit, the text index's commit and the completion marker. Every point and random
 * SIGKILLs: {@link CrashStressTest} (outside the default suite).
 */
class CrashSafetyTest extends CrashScenarios {
    static Stream<Case> cases() {
        return Stream.of(
            new Case("first load", "bulk.loading", FIRST_LOAD),
            new Case("first load", "bulk.tdb-committed", FIRST_LOAD),
            new Case("first load", "bulk.text-committed", FIRST_LOAD),
            new Case("first load", "derive.graph-done#5", FIRST_LOAD),
            new Case("replacing load", "load.before-commit", REPLACE),
            new Case("replacing load", "load.committed", REPLACE),
            new Case("derive", "bulk.text-committed#6", DERIVE),
            new Case("derive", "derive.graph-done#8", DERIVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void killedCommandLeavesBeforeOrAfter(Case c) throws IOException {
        killAndCheck(c);
    }
}
