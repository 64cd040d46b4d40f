package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash stress, outside the default suite (tag "stress"; run it with
 * {@code mvn -B test -Dtest=CrashStressTest -Dchainkg.excludedGroups=none}): every named kill point of load (both
 * paths), derive, and random SIGKILLs ({@code Process.destroyForcibly}) at uniformly drawn instants while load, derive
 * and compact run. Each outcome is classified "before", "after" or a failure; the counts are printed and written to
 * {@code target/crash-stress.txt}. Tries per command: system property {@code chainkg.stress.tries} (default 10).
 */
@Tag("stress")
class CrashStressTest extends CrashScenarios {
    static final int TRIES = Integer.getInteger("chainkg.stress.tries", 10);

    static Stream<Case> points() {
        return ALL_POINTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void everyKillPoint(Case c) throws IOException {
        killAndCheck(c);
    }

    @Test
    void randomKills() throws Exception {
        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        java.util.Random random = new java.util.Random(Long.getLong("chainkg.stress.seed", 20261202L));
        List<Case> commands = List.of(new Case("first load", "random", FIRST_LOAD), new Case("replacing load", "random", REPLACE),
                                      new Case("derive", "random", DERIVE), new Case("compact", "random", "compact"));
        for (Case c : commands) {
            references(c);
            // How long the uninterrupted command takes: kills are drawn uniformly over it (JVM start included).
            Path timing = tmp.resolve("timing-" + c.name().replace(' ', '-'));
            CrashHarness.copyTree(startOf(c), timing);
            long t0 = System.nanoTime();
            assertEquals(0, CrashHarness.run(tmp.resolve(timing.getFileName() + ".log"), BULK_ALWAYS, args(c, timing)));
            long full = (System.nanoTime() - t0) / 1_000_000;
            for (int i = 0; i < TRIES; i++) {
                Path db = tmp.resolve("random-" + c.name().replace(' ', '-') + "-" + i);
                CrashHarness.copyTree(startOf(c), db);
                long delay = (long) (random.nextDouble() * full);
                Process p = CrashHarness.start(tmp.resolve(db.getFileName() + ".log"), BULK_ALWAYS, args(c, db));
                boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
                if (!ended) {
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
                String outcome = assertBeforeOrAfter(c, db);
                outcomes.computeIfAbsent(c.name(), k -> new TreeMap<>())
                        .merge((ended ? "ended by itself, " : "killed, ") + outcome, 1, Integer::sum);
                CrashHarness.deleteTree(db);
            }
        }
        StringBuilder report = new StringBuilder("crash stress: " + TRIES + " random SIGKILLs per command\n");
        outcomes.forEach((cmd, counts) -> report.append(cmd).append(": ").append(counts).append('\n'));
        System.out.print(report);
        Files.writeString(Path.of("target", "crash-stress.txt"), report);
        assertTrue(outcomes.size() == commands.size());
    }
}
