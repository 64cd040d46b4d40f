package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chainkg.Cli;
import org.chainkg.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores and commands of the crash-safety tests ({@link CrashSafetyTest}, {@link CrashStressTest}).
 * <p>
 * Item 1 of the hardening issue: a command killed at any point leaves a store that opens and answers every named
 * query either as before the command or as after it, with no spool file left and the text index agreeing with the
 * data. Each case runs the command in a child JVM halted at a named {@link KillPoint} (as {@code kill -9} would: no
 * finally blocks, no shutdown hooks), then compares the store's answers with those before and after an uninterrupted
 * run.
 */
abstract class CrashScenarios {
    static final Path PV = TestData.RESEARCH_MINI.resolve("patentsview");
    static final Path PV_OTHER = Path.of("src/test/resources/fixtures/patentsview");
    static final Path CORDIS = TestData.RESEARCH_MINI.resolve("cordis");
    /** System properties of the child JVMs: the defaults (the bulk path writes its spool in one transaction). */
    static final List<String> BULK_ALWAYS = List.of();

    @TempDir static Path tmp;
    /** eto-mini and the mapping, derived. */
    static Path base;
    /** base plus research-mini's PatentsView tables, derived. */
    static Path withPatents;
    /** withPatents plus CORDIS loaded with --no-derive: the derived graphs are stale. */
    static Path stale;
    static String pvGraph;

    @BeforeAll
    static void stores() throws IOException {
        BEFORE.clear();
        AFTER.clear();
        base = tmp.resolve("base");
        assertEquals(0, Cli.run("load", "--db", base.toString(), "--quiet", "--no-derive", TestData.ETO_MINI.toString()).exit());
        Cli.Result m = Cli.run("load", "--db", base.toString(), "--quiet", TestData.RESEARCH_MINI.resolve("mappings").toString());
        assertEquals(0, m.exit(), m.err());
        withPatents = tmp.resolve("with-patents");
        CrashHarness.copyTree(base, withPatents);
        assertEquals(0, Cli.run("load", "--db", withPatents.toString(), "--quiet", PV.toString()).exit());
        stale = tmp.resolve("stale");
        CrashHarness.copyTree(withPatents, stale);
        assertEquals(0, Cli.run("load", "--db", stale.toString(), "--quiet", "--no-derive", CORDIS.toString()).exit());
        try (ChainStore s = ChainStore.openExisting(withPatents)) {
            pvGraph = SourceLoader.defaultGraph(org.chainkg.source.SourceFormats.byName("patentsview"), List.of(PV)).getURI();
        }
    }

    /** A command, the store it starts from, and where it is halted. */
    record Case(String name, String killAt, String... args) {
        @Override public String toString() { return name + " halted at " + killAt; }
    }

    static Path startOf(Case c) {
        return switch (c.name()) {
            case "first load" -> base;
            case "replacing load", "compact" -> withPatents;
            default -> stale;
        };
    }

    static final Map<String, Map<String, String>> BEFORE = new java.util.concurrent.ConcurrentHashMap<>();
    static final Map<String, Map<String, String>> AFTER = new java.util.concurrent.ConcurrentHashMap<>();

    static String[] args(Case c, Path db) {
        List<String> a = new java.util.ArrayList<>();
        a.add(c.args()[0]);
        a.addAll(List.of("--db", db.toString()));
        for (int i = 1; i < c.args().length; i++) a.add(c.args()[i].equals("@PV") ? pvGraph : c.args()[i]);
        return a.toArray(String[]::new);
    }

    /** Snapshots before and after an uninterrupted run of the case's command (once per command). */
    static void references(Case c) {
        BEFORE.computeIfAbsent(c.name(), n -> {
            Path copy = tmp.resolve("before-" + n.replace(' ', '-'));
            CrashHarness.copyTree(startOf(c), copy);
            return CrashHarness.snapshot(copy);
        });
        AFTER.computeIfAbsent(c.name(), n -> {
            Path copy = tmp.resolve("after-" + n.replace(' ', '-'));
            CrashHarness.copyTree(startOf(c), copy);
            int exit = CrashHarness.run(tmp.resolve("after-" + n.replace(' ', '-') + ".log"), BULK_ALWAYS, args(c, copy));
            assertEquals(0, exit);
            return CrashHarness.snapshot(copy);
        });
        if (!c.name().equals("compact"))   // compaction changes the files, not what the store answers
            assertNotEquals(BEFORE.get(c.name()), AFTER.get(c.name()), c.name() + " changes what the store answers");
    }

    /** Runs the case's command in a child halted at its kill point; the store must answer as before or as after. */
    static void killAndCheck(Case c) throws IOException {
        references(c);
        Path db = tmp.resolve("kill-" + c.name().replace(' ', '-') + "-" + c.killAt().replace('#', '-'));
        CrashHarness.copyTree(startOf(c), db);
        Path log = tmp.resolve(db.getFileName() + ".log");
        List<String> props = new java.util.ArrayList<>(BULK_ALWAYS);
        props.add("chainkg.killAt=" + c.killAt());
        int exit = CrashHarness.run(log, props, args(c, db));
        assertEquals(KillPoint.EXIT, exit, "the child reached " + c.killAt() + ": " + Files.readString(log));
        assertBeforeOrAfter(c, db);
    }

    /** The store at db answers as before or as after c's command; no journal and no spool file is left. */
    static String assertBeforeOrAfter(Case c, Path db) throws IOException {
        Map<String, String> now = CrashHarness.snapshot(db);
        boolean before = now.equals(BEFORE.get(c.name())), after = now.equals(AFTER.get(c.name()));
        assertTrue(before || after, c + ": the store answers neither as before nor as after; differs from before in "
                   + CrashHarness.differences(now, BEFORE.get(c.name())) + ", from after in " + CrashHarness.differences(now, AFTER.get(c.name())));
        assertFalse(Files.exists(db.resolve(StoreJournal.FILE)), "the journal is cleared once the store is repaired");
        try (Stream<Path> spool = Files.exists(db.resolve(ChainStore.SPOOL_FOLDER)) ? Files.list(db.resolve(ChainStore.SPOOL_FOLDER)) : Stream.empty()) {
            assertEquals(List.of(), spool.toList(), "no spool file left");
        }
        return before ? "before" : "after";
    }

    static final String[] FIRST_LOAD = {"load", PV.toString()};
    static final String[] REPLACE = {"load", "--format", "patentsview", "--graph", "@PV", PV_OTHER.toString()};
    static final String[] DERIVE = {"derive", "--full"};   // every derivation, so that each kill point is reached

    /** Every named kill point of the three commands (CrashStressTest); CrashSafetyTest runs a subset of them. */
    static final List<Case> ALL_POINTS = List.of(
            new Case("first load", "bulk.spooled", FIRST_LOAD),
            new Case("first load", "bulk.loading", FIRST_LOAD),
            new Case("first load", "bulk.tdb-committed", FIRST_LOAD),
            new Case("first load", "bulk.text-committed", FIRST_LOAD),
            new Case("first load", "load.committed", FIRST_LOAD),
            new Case("first load", "derive.cleared#1", FIRST_LOAD),
            new Case("first load", "bulk.tdb-committed#3", FIRST_LOAD),
            new Case("first load", "derive.graph-done#5", FIRST_LOAD),
            new Case("first load", "derive.graph-done#8", FIRST_LOAD),
            new Case("replacing load", "load.before-commit", REPLACE),
            new Case("replacing load", "load.committed", REPLACE),
            new Case("replacing load", "bulk.text-committed#2", REPLACE),
            new Case("derive", "derive.cleared#2", DERIVE),
            new Case("derive", "bulk.loading#4", DERIVE),
            new Case("derive", "bulk.text-committed#6", DERIVE),
            new Case("derive", "derive.graph-done#8", DERIVE));

    /** The cases of ALL_POINTS at the given kill points. */
    static Stream<Case> at(String... killAts) {
        List<String> wanted = List.of(killAts);
        List<Case> found = ALL_POINTS.stream().filter(c -> wanted.contains(c.name() + " @ " + c.killAt())).toList();
        if (found.size() != wanted.size()) throw new IllegalArgumentException("not all of " + wanted + " are kill points");
        return found.stream();
    }
}
