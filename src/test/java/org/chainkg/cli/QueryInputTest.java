package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.chainkg.Cli;
import org.chainkg.TestData;
import org.chainkg.query.ResultFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query} on the command line: wrong values are usage errors (exit 2, nothing on stdout); table and tsv print plain values. */
class QueryInputTest {
    @TempDir static Path tmp;
    static String db;

    @BeforeAll
    static void load() {
        db = tmp.resolve("db").toString();
        Cli.Result r = Cli.run("load", "--db", db, "--format", "eto", TestData.ETO_MINI.toString());
        assertEquals(0, r.exit(), r.err());
    }

    static Cli.Result query(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "query";
        all[1] = "--db";
        all[2] = db;
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }

    static void assertUsageError(Cli.Result r, String words) {
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out(), "nothing on stdout");
        assertTrue(r.err().contains(words), r.err());
    }

    @Test
    void wrongValuesExit2NamingTheParameter() {
        assertUsageError(query("chokepoints", "-p", "country=ZZZ"), "parameter country: \"ZZZ\"");
        assertUsageError(query("chokepoints", "-p", "country=CHM"), "did you mean 'CHN'");
        assertUsageError(query("providers-of", "-p", "item=N99"), "parameter item: \"N99\" is not an item");
        assertUsageError(query("chokepoints", "-p", "home=-5"), "allowed 0 to 100");
        assertUsageError(query("search", "-p", "q=EUV AND", "--format", "csv"), "parameter q: bad search syntax near");
        assertEquals(query("chokepoints", "-p", "country=CHN", "--format", "csv").out(),
                     query("chokepoints", "-p", "country=chn", "--format", "csv").out());
    }

    @Test
    void tableAndTsvPrintPlainValues() {
        Cli.Result table = query("providers-of", "-p", "item=N3");
        assertEquals(0, table.exit(), table.err());
        assertFalse(table.out().contains("\"@en") || table.out().contains("^^") || table.out().contains("?"), table.out());
        assertTrue(table.out().lines().findFirst().orElse("").startsWith("provider_id"), table.out());
        Cli.Result tsv = query("providers-of", "-p", "item=N3", "--format", "tsv");
        assertEquals(0, tsv.exit(), tsv.err());
        assertTrue(tsv.out().startsWith("provider_id\t"), tsv.out());
        assertFalse(tsv.out().contains("\"@en") || tsv.out().contains("^^"), tsv.out());
        assertTrue(tsv.out().contains("\nNLD\tNetherlands\tcountry\tNLD\t100.0\ttrue\t2025\tSynthetic fixture\t6\n"), tsv.out());
    }

    @Test
    void longCellsAreCutInTables() {
        Cli.Result r = query("--sparql", "SELECT ?s WHERE { BIND(\"" + "x".repeat(200) + "\" AS ?s) }");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("x".repeat(ResultFormat.MAX_CELL - 1) + "…"), r.out());
        assertFalse(r.out().contains("x".repeat(ResultFormat.MAX_CELL)), r.out());
    }
}
