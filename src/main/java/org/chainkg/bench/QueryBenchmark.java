package org.chainkg.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.sparql.engine.binding.Binding;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.QueryRunner;

/**
 * Latency of every named query with its default parameters (and, where a default names data that synthetic sets
 * do not have, such as the bundled chain's IRI, the parameter the generator says fits): one warm-up run, then
 * {@code runs} timed runs that read every row.
 */
final class QueryBenchmark {
    /** Rows and latencies; {@code timedOut} when the warm-up run hit the runner's timeout (no timed runs then). */
    record Result(long rows, Samples samples, boolean timedOut) {}

    /** Warm-up time above which a query is timed once only (keeps scale-10 runs within hours, not days). */
    static final double SLOW_MS = 10_000;

    static Map<String, Result> run(QueryRunner runner, Map<String, Map<String, String>> overrides, int runs, java.io.PrintStream log) {
        return run(runner, overrides, runs, log, null);
    }

    /** As above, for the named queries in {@code only} (all when null). */
    static Map<String, Result> run(QueryRunner runner, Map<String, Map<String, String>> overrides, int runs, java.io.PrintStream log,
                                   java.util.Set<String> only) {
        Map<String, Result> out = new LinkedHashMap<>();
        for (NamedQuery q : NamedQueries.all().values()) {
            if (only != null && !only.contains(q.name())) continue;
            Binding b = q.bind(overrides.getOrDefault(q.name(), Map.of()));
            long[] rows = {0};
            Runnable once = () -> runner.select(q.query(), b, rs -> {
                long n = 0;
                while (rs.hasNext()) { rs.next(); n++; }
                rows[0] = n;
            });
            log.printf("bench: %s (warm-up)%n", q.name());
            Samples s = new Samples();
            try {
                double warm = Samples.time(once);
                // A query slower than SLOW_MS gets one timed run, not runs: the figure is then one sample (p50 = p99).
                int n = warm > SLOW_MS ? 1 : runs;
                for (int i = 0; i < n; i++) s.add(Samples.time(once));
            } catch (org.apache.jena.query.QueryCancelledException e) {
                log.printf("bench: %s: over the time limit%n", q.name());
                out.put(q.name(), new Result(0, new Samples(), true));
                continue;
            }
            out.put(q.name(), new Result(rows[0], s, false));
            log.printf("bench: %s: %,d rows, p50 %.1f ms%n", q.name(), rows[0], s.median());
        }
        return out;
    }

    /** Parameters of a query as the benchmark runs it (defaults unless the generator's manifest overrides them). */
    static Map<String, String> parameters(NamedQuery q, Map<String, Map<String, String>> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        q.parameters().values().forEach(v -> { if (!v.required()) p.put(v.name(), v.defaultValue()); });
        p.putAll(overrides.getOrDefault(q.name(), Map.of()));
        return p;
    }

    /**
     * The same parameters with {@code chain} set to the given chain, for every query that takes a chain filter (not
     * chain-map, whose chain is required anyway): what an analyst asks about one chain of a store holding many.
     */
    static Map<String, Map<String, String>> oneChain(Map<String, Map<String, String>> overrides, String chain) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (NamedQuery q : NamedQueries.all().values())
            if (q.parameters().containsKey("chain") && !q.name().equals("chain-map")) {
                Map<String, String> p = new LinkedHashMap<>(overrides.getOrDefault(q.name(), Map.of()));
                p.put("chain", chain);
                out.put(q.name(), p);
            }
        return out;
    }

    private QueryBenchmark() {}
}
