package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.chainkg.Cli;
import org.chainkg.TestData;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Every row of the README's table of exit codes, run through {@code Main.run}; {@code -h}/{@code --help} and the
 * shared options on every (sub)command of {@link ChainkgCommand#commandLine()}.
 */
class ExitCodeTest {
    @TempDir static Path tmp;
    static String db;

    @BeforeAll
    static void load() {
        db = tmp.resolve("db").toString();
        Cli.Result r = Cli.run("load", "--db", db, "--format", "eto", "--quiet", TestData.ETO_MINI.toString());
        assertEquals(0, r.exit(), r.err());
    }

    /** One check per README case; each returns the exit code it saw (after asserting the messages). */
    static final Map<String, Function<Path, Integer>> CASES = new LinkedHashMap<>();
    static {
        CASES.put("success", dir -> Cli.run("query", "--list").exit());
        CASES.put("help", dir -> {
            Cli.Result r = Cli.run("query", "--help");
            assertTrue(r.out().startsWith("Usage: chainkg query"), r.out() + r.err());
            return r.exit();
        });
        CASES.put("bad source data", dir -> {
            Path bad = copyMini(dir.resolve("bad"));
            write(bad.resolve("provision.csv"), read(bad.resolve("provision.csv")).replace("N3,100.0", "N3,abc"));
            Cli.Result r = Cli.run("load", "--db", db, bad.toString());
            assertTrue(r.err().contains("provision.csv [line 6, field share_provided]"), r.err());
            return r.exit();
        });
        CASES.put("failed validation", dir -> {
            Path store = dir.resolve("invalid");
            try (ChainStore s = ChainStore.open(store)) {
                org.apache.jena.system.Txn.executeWrite(s.dataset(), () -> org.apache.jena.sparql.exec.UpdateExec.dataset(s.dataset())
                    .update("PREFIX ck: <https://w3id.org/chainkg/ontology#> INSERT DATA { GRAPH <urn:x:bad> { "
                            + "<urn:x:p> a ck:Provision ; ck:sharePercent 150.0 ; ck:shareKnown false ; ck:shareText \"150\" } }").execute());
            }
            Cli.Result r = Cli.run("validate", "--db", store.toString());
            assertTrue(r.err().contains("does not conform"), r.err());
            return r.exit();
        });
        CASES.put("SPARQL that does not parse", dir -> {
            Cli.Result r = Cli.run("query", "--sparql", "SELECT WHERE {", "--db", db);
            assertTrue(r.err().contains("does not parse"), r.err());
            return r.exit();
        });
        CASES.put("store held by another process", ExitCodeTest::heldByServe);
        CASES.put("unknown subcommand or option", dir -> {
            assertEquals(2, Cli.run("frobnicate").exit());
            return Cli.run("query", "chokepoints", "--db", db, "--frob").exit();
        });
        CASES.put("unknown query name", dir -> {
            Cli.Result r = Cli.run("query", "chokepoint", "--db", db);
            assertTrue(r.err().contains("no named query 'chokepoint' (did you mean 'chokepoints'?)"), r.err());
            return r.exit();
        });
        CASES.put("unknown `--format`", dir -> {
            Cli.Result r = Cli.run("query", "chokepoints", "--db", db, "--format", "cvs");
            assertTrue(r.err().contains("--format must be table, csv, tsv, json, xml, not 'cvs' (did you mean 'csv'?)"), r.err());
            for (String[] args : List.of(new String[] {"stats", "--db", db, "--format", "yaml"},
                                         new String[] {"validate", "--db", db, "--format", "turtel"},
                                         new String[] {"export", "--db", db, "--format", "nquad"},
                                         new String[] {"match", "--db", db, "--lab", "x", "--format", "yaml"},
                                         new String[] {"load", "--db", db, "--format", "etoo", TestData.ETO_MINI.toString()},
                                         new String[] {"eval", "matching", "--db", db, "--truth", "t.csv", "--format", "json"})) {
                Cli.Result other = Cli.run(args);
                assertEquals(2, other.exit(), String.join(" ", args) + ": " + other.err());
            }
            assertTrue(Cli.run("load", "--db", db, "--format", "etoo", TestData.ETO_MINI.toString()).err().contains("did you mean 'eto'?"));
            return r.exit();
        });
        CASES.put("unknown parameter", dir -> {
            Cli.Result r = Cli.run("query", "chokepoints", "--db", db, "-p", "contry=USA");
            assertTrue(r.err().contains("has no parameter 'contry'") && r.err().contains("(did you mean 'country'?)"), r.err());
            return r.exit();
        });
        CASES.put("bad parameter value", dir -> {
            Cli.Result r = Cli.run("query", "chokepoints", "--db", db, "-p", "home=lots");
            assertTrue(r.err().contains("\"lots\""), r.err());
            return r.exit();
        });
        CASES.put("no store", ExitCodeTest::noStore);
    }

    @TestFactory
    Stream<DynamicTest> everyRowOfTheReadmeTable() throws Exception {
        List<String[]> rows = readmeRows();
        assertFalse(rows.isEmpty(), "no exit-code table in README.md");
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : rows) {
            int exit = Integer.parseInt(row[0]);
            String name = row[1];
            tests.add(DynamicTest.dynamicTest("exit " + exit + ": " + name, () -> {
                Function<Path, Integer> check = CASES.get(name);
                assertNotNull(check, "README row '" + name + "' has no case in ExitCodeTest");
                Path dir = Files.createDirectories(tmp.resolve("case-" + tests.size() + "-" + Math.abs(name.hashCode())));
                assertEquals(exit, check.apply(dir), name);
            }));
        }
        assertEquals(CASES.keySet(), new java.util.LinkedHashSet<>(rows.stream().map(r -> r[1]).toList()),
                     "the README table and the cases here list the same rows");
        return tests.stream();
    }

    /** The rows (exit, case) of the table under "| exit | case | example |" in README.md. */
    static List<String[]> readmeRows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("| exit | case |")) in = true;
            else if (in && !line.startsWith("|")) break;
            else if (in && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                rows.add(new String[] {cells[1].trim(), cells[2].trim()});
            }
        }
        return rows;
    }

    /** Every command but load and serve refuses a folder with no store, exit 2, and does not create one there. */
    static int noStore(Path dir) {
        Path none = dir.resolve("none");
        Path truth = dir.resolve("truth.csv");
        write(truth, "lab_id,firm_id\n1,2\n");
        List<List<String>> commands = List.of(List.of("query", "chokepoints"), List.of("query", "--sparql", "SELECT * {}"),
            List.of("stats"), List.of("export", "--format", "nquads"), List.of("derive"), List.of("validate"), List.of("compact"),
            List.of("match", "--lab", "x"), List.of("eval", "matching", "--truth", truth.toString()));
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.addAll(List.of("--db", none.toString()));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), c + ": " + r.err());
            assertTrue(r.err().startsWith("chainkg: error: no chainkg store at " + none), c + ": " + r.err());
            assertTrue(r.err().contains("chainkg load --db " + none), r.err());
            assertFalse(Files.exists(none), c + " created " + none);
        }
        Cli.Result tdbFolder = Cli.run("stats", "--db", Path.of(db, "tdb2").toString());
        assertEquals(2, tdbFolder.exit(), tdbFolder.err());
        assertTrue(tdbFolder.err().contains("looks like the tdb2 folder of a store"), tdbFolder.err());
        return Cli.run("validate", "--db", none.toString()).exit();
    }

    @Test
    void theDefaultStoreIsNotCreatedByQueryOrStats() {
        Path dflt = Path.of(StoreOptions.DEFAULT_DB);
        assumeFalse(Files.exists(dflt), "a ./chainkg-db exists here");
        for (String[] args : List.of(new String[] {"stats"}, new String[] {"query", "chokepoints"})) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("no chainkg store at chainkg-db: create it with chainkg load --db chainkg-db PATH..., "
                                        + "or chainkg serve"), r.err());
            assertFalse(Files.exists(dflt));
        }
    }

    /** A child JVM serves the store; this process is refused with a message naming the server's port. */
    static int heldByServe(Path dir) {
        Path log = dir.resolve("serve.log");
        Path portFile = Path.of(db, ServeCommand.PORT_FILE);
        Process serve = null;
        try {
            serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                                       "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                                       "serve", "--db", db, "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(portFile) || read(portFile).isBlank()) {
                if (!serve.isAlive() || System.nanoTime() > deadline) fail("serve did not start: " + read(log));
                Thread.sleep(200);
            }
            String port = read(portFile).trim();
            Cli.Result r = Cli.run("query", "chokepoints", "--db", db);
            assertTrue(r.err().contains("held by a running chainkg serve on port " + port), r.err());
            assertTrue(r.err().contains("--endpoint http://localhost:" + port + "/chainkg/sparql"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
            Cli.Result load = Cli.run("load", "--db", db, TestData.ETO_MINI.toString());
            assertEquals(1, load.exit(), load.err());
            assertTrue(load.err().contains("load --endpoint http://localhost:" + port + "/chainkg "), load.err());
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(portFile), "serve deletes " + portFile + " when it stops");
            return r.exit();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            if (serve != null) serve.destroyForcibly();
        }
    }

    @Test
    void everyCommandHasHelpAndTheSharedOptions() {
        List<CommandLine> all = new ArrayList<>();
        collect(ChainkgCommand.commandLine(), all);
        assertTrue(all.size() > 10, "subcommands: " + all.size());
        for (CommandLine c : all) {
            String[] path = c.getCommandSpec().qualifiedName(" ").replaceFirst("^chainkg ?", "").split(" ");
            for (String help : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(path[0].isEmpty() ? List.of() : List.of(path));
                args.add(help);
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.exit(), args + ": " + r.err());
                assertTrue(r.out().contains("Usage: " + c.getCommandSpec().qualifiedName(" ") + " "), args + ": " + r.out());
            }
            if (c.getCommand() instanceof CommandLine.HelpCommand) continue;
            assertTrue(c.getCommandSpec().mixins().values().stream().anyMatch(m -> m.userObject() instanceof CommonOptions),
                       c.getCommandName() + " has the CommonOptions mixin");
            for (String o : List.of("--debug", "--quiet"))
                assertNotNull(c.getCommandSpec().findOption(o), c.getCommandName() + " " + o);
        }
    }

    @Test
    void debugIsReadFromTheMixinWhereverItIsGiven() {
        String[] bad = {"query", "--sparql", "SELECT WHERE {", "--db", db};
        assertFalse(Cli.run(bad).err().contains("\tat "));
        List<String> sub = new ArrayList<>(List.of(bad));
        sub.add("--debug");
        assertTrue(Cli.run(sub.toArray(String[]::new)).err().contains("\tat "), "--debug after the subcommand");
        List<String> root = new ArrayList<>(List.of("--debug"));
        root.addAll(List.of(bad));
        assertTrue(Cli.run(root.toArray(String[]::new)).err().contains("\tat "), "--debug before the subcommand");
        Cli.Result param = Cli.run("query", "--sparql", "SELECT * {}", "--db", db, "-p", "--debug=x");
        assertEquals(2, param.exit(), "an option value that looks like --debug is not --debug: " + param.err());
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
    }

    private static Path copyMini(Path to) {
        try {
            return TestData.copy(TestData.ETO_MINI, to.resolve("eto-mini"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
