package org.chainkg.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chainkg.query.QueryRunner;
import org.chainkg.store.ChainStore;
import org.chainkg.synthetic.SyntheticData;

/**
 * The benchmark harness behind {@code chainkg bench}: for each scale it generates the synthetic sources, times
 * chainkg's load (median of runs) against Jena's TDB2 bulk loaders on the same triples as N-Quads, measures the
 * store (bytes per triple, peak heap), every named query's p50/p99, and concurrent SPARQL protocol load on the
 * embedded server; then the growth over the scales. The report is Markdown on {@code out}; progress on stderr.
 */
public final class Benchmark {
    /** What to run. */
    public record Settings(List<Double> scales, long seed, int loadRuns, int transactionalRuns, int jenaRuns, int queryRuns,
                           List<Integer> clients, int requestsPerClient, Duration clientTimeLimit, boolean jena, Path work) {}

    private record ScaleResult(double scale, long triples, double loadMs, double deriveMs, long derivedTriples,
                               Map<String, QueryBenchmark.Result> queries) {}

    /** A named query still running after this long is stopped and reported as over the limit. */
    static final long QUERY_TIMEOUT_MS = 120_000;

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream log;

    public Benchmark(Settings settings, PrintStream out, PrintStream log) {
        this.settings = settings;
        this.out = out;
        this.log = log;
    }

    public void run() throws Exception {
        out.println("# chainkg benchmark\n");
        out.println("Machine: " + Machine.describe() + ".  ");
        out.println("Settings: scales " + settings.scales() + ", seed " + settings.seed() + ", chainkg load runs "
                    + settings.loadRuns() + " (--no-bulk: " + settings.transactionalRuns() + "), Jena loader runs " + settings.jenaRuns() + ", query runs " + settings.queryRuns()
                    + ", clients " + settings.clients() + " (" + settings.requestsPerClient() + " requests each at most, "
                    + settings.clientTimeLimit().toSeconds() + " s at most per level). Times are medians of the runs.\n");
        List<ScaleResult> growth = new ArrayList<>();
        for (double scale : settings.scales()) growth.add(scale(scale));
        if (growth.size() > 1) growth(growth);
    }

    private ScaleResult scale(double scale) throws Exception {
        Path dir = settings.work().resolve("scale-" + scale);
        Files.createDirectories(dir);
        log.printf("bench: generating scale %s%n", scale);
        SyntheticData.Manifest m = SyntheticData.generate(scale, settings.seed(), dir.resolve("data"));
        Path db = dir.resolve("db");

        Samples load = new Samples();
        LoadBenchmark.Run last = null;
        for (int i = 0; i < settings.loadRuns(); i++) {
            log.printf("bench: scale %s chainkg load %d/%d%n", scale, i + 1, settings.loadRuns());
            last = LoadBenchmark.chainkg(m, db);
            load.add(last.ms());
        }
        double chainkgRate = last.triples() / (load.median() / 1000);
        Samples transactional = new Samples();
        for (int i = 0; i < settings.transactionalRuns(); i++) {
            log.printf("bench: scale %s chainkg load --no-bulk %d/%d%n", scale, i + 1, settings.transactionalRuns());
            transactional.add(LoadBenchmark.chainkg(m, dir.resolve("db-tx"), false).ms());
            LoadBenchmark.delete(dir.resolve("db-tx"));
        }
        out.printf("## Scale %s: %,d triples from the source files%n%n", scale, last.triples());
        out.println("| loader | median s | triples/s | ratio to best Jena loader |");
        out.println("|---|---:|---:|---:|");
        Map<String, Double> jena = new LinkedHashMap<>();
        if (settings.jena()) {
            Path nq = dir.resolve("same-triples.nq");
            long quads = LoadBenchmark.exportNQuads(db, nq);
            for (String variant : LoadBenchmark.JENA_LOADERS) {
                Samples s = new Samples();
                for (int i = 0; i < settings.jenaRuns(); i++) {
                    log.printf("bench: scale %s Jena %s loader %d/%d%n", scale, variant, i + 1, settings.jenaRuns());
                    s.add(LoadBenchmark.jena(variant, nq, dir.resolve("jena-db")));
                }
                jena.put(variant, quads / (s.median() / 1000));
            }
            Files.deleteIfExists(nq);
        }
        long triples = last.triples();
        double best = jena.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        out.printf("| chainkg load (source files -> TDB2 + text index; bulk path) | %.1f | %,.0f | %.2f |%n", load.median() / 1000, chainkgRate, chainkgRate / best);
        if (transactional.count() > 0) {
            double txRate = triples / (transactional.median() / 1000);
            out.printf("| chainkg load --no-bulk (one write transaction per source) | %.1f | %,.0f | %.2f |%n", transactional.median() / 1000, txRate, txRate / best);
        }
        jena.forEach((v, rate) -> out.printf("| Jena TDB2 %s loader (N-Quads -> TDB2, no text index) | %.1f | %,.0f | %.2f |%n",
                                             v, triples / rate, rate, rate / best));
        log.printf("bench: scale %s derived graphs%n", scale);
        double[] derive = LoadBenchmark.derive(db);
        out.printf("%nRatio chainkg / best Jena loader: **%.2f**. Derived graphs (all of them: concentration, stages, identity, "
                   + "technology reach, text links, output reach, research capacity, collaborations; run once after all loads): %.1f s, %,d triples. Store on disk: %,d bytes allocated (du; TDB2 + Lucene, before deriving), %.0f bytes "
                   + "per triple. Peak heap during the load: %,d MB.%n%n", chainkgRate / best, derive[0] / 1000, (long) derive[1],
                   last.bytes(), (double) last.bytes() / last.triples(), last.peakHeap() >> 20);

        // Incremental derive after reloading one source, as a ratio to the full derive: a chain, then the patents.
        List<SyntheticData.Source> reloads = new ArrayList<>();
        m.sources().stream().filter(src -> src.format().equals("eto")).reduce((a, b) -> b).ifPresent(reloads::add);
        m.sources().stream().filter(src -> src.format().equals("patentsview")).findFirst().ifPresent(reloads::add);
        for (SyntheticData.Source src : reloads) {
            log.printf("bench: scale %s reload %s and derive%n", scale, src.dir().getFileName());
            LoadBenchmark.Incremental inc = LoadBenchmark.reloadAndDerive(m, db, src);
            out.printf("Derive after reloading %s (incremental): %.1f s, **%.2f** of the full derive; recomputed %s.%n",
                       inc.source(), inc.ms() / 1000, inc.ms() / derive[0], inc.recomputed());
        }
        out.println();

        Map<String, QueryBenchmark.Result> queries;
        try (ChainStore store = ChainStore.open(db)) {
            log.printf("bench: scale %s named queries%n", scale);
            queries = QueryBenchmark.run(new QueryRunner(store.dataset(), QUERY_TIMEOUT_MS), m.queryParameters(), settings.queryRuns(), log);
            queryTable(queries, m.queryParameters());
            String chain = m.queryParameters().getOrDefault("chain-map", Map.of()).get("chain");
            if (chain != null) {
                Map<String, Map<String, String>> one = QueryBenchmark.oneChain(m.queryParameters(), chain);
                log.printf("bench: scale %s named queries on one chain%n", scale);
                var perChain = QueryBenchmark.run(new QueryRunner(store.dataset(), QUERY_TIMEOUT_MS), one, settings.queryRuns(), log, one.keySet());
                out.printf("%nThe queries that take `chain`, asked about one chain (%s) of the %s loaded:%n%n", chain,
                           m.sources().stream().filter(s -> s.format().equals("eto")).count());
                queryTable(perChain, one);
            }
            log.printf("bench: scale %s match%n", scale);
            var match = org.chainkg.match.MatchBenchmark.measure(store.dataset(), 50, 5);
            out.printf("%n`match` one-lab top 20 (%d research organisations sampled x 5 rounds, after a warm-up pass): median %.1f ms, "
                       + "p90 %.1f ms, p99 %.1f ms, max %.1f ms (target <= 50 ms). Building the matcher (profiles + text index, "
                       + "once per store state): %s ms for %,d organisations.%n", match.labs(), match.p50(), match.p90(), match.p99(),
                       match.max(), match.buildMs().stream().map(v -> String.format("%.0f", v)).toList(), match.organisations());
            log.printf("bench: scale %s concurrent SPARQL protocol clients%n", scale);
            List<ServerBenchmark.Level> levels = ServerBenchmark.run(store, ServerBenchmark.allQueries(m.queryParameters()),
                settings.clients(), settings.requestsPerClient(), settings.clientTimeLimit());
            out.println("\nConcurrent SPARQL 1.1 protocol requests on `serve` (loopback; at most "
                        + org.chainkg.server.ChainkgServer.defaultMaxRunning() + " requests running at once, the others queued, as `serve` "
                        + "runs by default; each client sends every named query in turn, default parameters):\n");
            levelTable(levels);
            if (chain != null) {
                // What interactive users send: questions about one chain, item or organisation, not whole tables.
                Map<String, Map<String, String>> interactive = new LinkedHashMap<>(m.queryParameters());
                interactive.putAll(QueryBenchmark.oneChain(m.queryParameters(), chain));
                List<String> names = List.of("chain-map", "providers-of", "search", "chokepoints", "country-profile",
                                             "broken-segments", "outputs-for-item");
                log.printf("bench: scale %s concurrent clients, interactive mix%n", scale);
                List<ServerBenchmark.Level> mixed = ServerBenchmark.run(store, ServerBenchmark.mix(interactive, names),
                    settings.clients(), settings.requestsPerClient(), settings.clientTimeLimit());
                out.println("\nThe same, interactive mix: each client sends " + String.join(", ", names)
                            + " in turn, asked about one chain (parameters as in the one-chain table):\n");
                levelTable(mixed);
            }
            out.println();
        }
        return new ScaleResult(scale, last.triples(), load.median(), derive[0], (long) derive[1], queries);
    }

    private void levelTable(List<ServerBenchmark.Level> levels) {
        out.println("| clients | requests | errors | throughput req/s | p50 ms | p99 ms | waited for a quiet store first, s |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (ServerBenchmark.Level l : levels)
            out.printf("| %d | %d | %d | %.1f | %.1f | %.1f | %s |%n", l.clients(), l.requests(), l.errors(), l.throughput(),
                       l.latency().median(), l.latency().percentile(99),
                       l.settleSeconds() < 0 ? "gave up after 600" : String.format("%.1f", l.settleSeconds()));
    }

    private void queryTable(Map<String, QueryBenchmark.Result> queries, Map<String, Map<String, String>> parameters) {
        out.println("| named query | parameters | rows | runs | p50 ms | p99 ms | target p50 <= 100 ms, p99 <= 1 s |");
        out.println("|---|---|---:|---:|---:|---:|---|");
        var all = org.chainkg.query.NamedQueries.all();
        queries.forEach((name, r) -> out.printf("| %s | %s | %s | %d | %s | %s | %s |%n", name,
            QueryBenchmark.parameters(all.get(name), parameters), r.timedOut() ? "-" : String.format("%,d", r.rows()),
            r.samples().count(),
            r.timedOut() ? "> " + QUERY_TIMEOUT_MS / 1000 + " s" : String.format("%.1f", r.samples().median()),
            r.timedOut() ? "-" : String.format("%.1f", r.samples().percentile(99)),
            !r.timedOut() && r.samples().median() <= 100 && r.samples().percentile(99) <= 1000 ? "met" : "missed"));
    }

    private void growth(List<ScaleResult> results) {
        ScaleResult base = results.get(0);
        out.println("## Growth\n");
        out.println("| scale | triples | load s | load s per M triples | derive s | median of query p50s ms |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        for (ScaleResult r : results) {
            double[] p50 = r.queries().values().stream().mapToDouble(q -> q.timedOut() ? Double.POSITIVE_INFINITY : q.samples().median()).sorted().toArray();
            out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", r.scale(), r.triples(), r.loadMs() / 1000,
                       r.loadMs() / 1000 / (r.triples() / 1e6), r.deriveMs() / 1000, p50[p50.length / 2]);
        }
        out.println("\nPer query p50 (ms) by scale:\n");
        StringBuilder h = new StringBuilder("| query |");
        results.forEach(r -> h.append(" scale ").append(r.scale()).append(" |"));
        out.println(h);
        out.println("|---|" + "---:|".repeat(results.size()));
        for (String q : base.queries().keySet()) {
            StringBuilder row = new StringBuilder("| " + q + " |");
            for (ScaleResult r : results) {
                QueryBenchmark.Result qr = r.queries().get(q);
                row.append(qr.timedOut() ? " > " + QUERY_TIMEOUT_MS / 1000 + " s |" : String.format(" %.1f |", qr.samples().median()));
            }
            out.println(row);
        }
    }
}
