package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.chainkg.Cli;
import org.chainkg.cli.Main;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.QueryRunner;

/**
 * Runs chainkg commands in a child JVM that is halted at a {@link KillPoint} (or killed with SIGKILL after a delay),
 * and takes a snapshot of what a store answers: every named query, the quads per graph, the text index's documents.
 */
final class CrashHarness {
    /** Parameters for named queries that have no default. */
    static final Map<String, Map<String, String>> PARAMS = Map.of("search", Map.of("q", "lithography OR wafer OR patent"));

    /** A child JVM running {@code chainkg ARGS}, with extra system properties (name=value). */
    static Process start(Path log, List<String> properties, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        for (String p : properties) cmd.add("-D" + p);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs a child to its end; returns its exit status. */
    static int run(Path log, List<String> properties, String... args) {
        try {
            Process p = start(log, properties, args);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chainkg " + String.join(" ", args) + " did not end in 120 s: " + Files.readString(log));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * What the store at {@code db} answers, after the repair a first command makes ({@code stats}, which must succeed):
     * each named query's CSV, the number of quads in each graph, the text index's live documents.
     */
    static Map<String, String> snapshot(Path db) {
        Cli.Result stats = Cli.run("stats", "--db", db.toString(), "--format", "csv");
        assertEquals(0, stats.exit(), stats.err());
        Map<String, String> out = new TreeMap<>();
        try (ChainStore s = ChainStore.openExisting(db)) {
            QueryRunner runner = new QueryRunner(s.dataset(), 0);
            for (NamedQuery q : NamedQueries.all().values()) {
                out.put("query " + q.name(), rows(runner.run(q, PARAMS.getOrDefault(q.name(), Map.of()))));
            }
            Txn.executeRead(s.dataset(), () -> s.dataset().listGraphNodes().forEachRemaining(g -> {
                long n = 0;
                for (var it = s.dataset().find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); it.next()) n++;
                out.put("graph " + g.getURI(), Long.toString(n));
            }));
            out.put("text documents", Long.toString(StoreStatistics.textDocuments(s)));
        }
        return out;
    }

    /**
     * The rows as sorted lines of their values. Lucene's text-search scores ({@code ?score} of search) are left out:
     * BM25 statistics count deleted documents until segments merge, so the same hits score differently after a
     * graph's documents were deleted and added again; which entities are found is what must agree.
     */
    private static String rows(org.apache.jena.sparql.exec.RowSet rows) {
        List<String> lines = new ArrayList<>();
        List<org.apache.jena.sparql.core.Var> vars = rows.getResultVars().stream().filter(v -> !v.getVarName().equals("score")).toList();
        rows.forEachRemaining(b -> {
            StringBuilder line = new StringBuilder();
            for (var v : vars) line.append(b.get(v)).append('\t');
            lines.add(line.toString());
        });
        lines.sort(null);
        return String.join("\n", lines);
    }

    /** The keys on which two snapshots differ (for messages). */
    static List<String> differences(Map<String, String> a, Map<String, String> b) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) if (!java.util.Objects.equals(a.get(k), b.get(k))) out.add(k);
        return out;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().equals("tdb.lock")) Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CrashHarness() {}
}
