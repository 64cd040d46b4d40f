package org.chainkg.match;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.source.BundledData;
import org.chainkg.source.SourceFormats;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;

/**
 * Times matching on a store, printing to stdout: building the matcher (reading the profiles from the store and
 * indexing their text, done once per store state by {@code serve}, once per run by {@code match}), then one-lab
 * matches (top 20) for a sample of research organisations, repeated, as the median, 90th and 99th percentile and
 * maximum. An empty or new DB_DIR is first loaded with the bundled data, as {@code serve} loads its default store.
 * Run by hand, not in the tests:
 * <pre>
 *   java -cp target/chainkg.jar org.chainkg.match.MatchBenchmark DB_DIR [labs=50] [rounds=5]
 * </pre>
 */
public final class MatchBenchmark {
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: MatchBenchmark DB_DIR [labs] [rounds]");
            System.exit(2);
        }
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (ChainStore store = ChainStore.open(Path.of(args[0]))) {
            if (store.isEmpty()) {
                long t0 = System.nanoTime();
                var pipeline = org.chainkg.pipeline.Pipeline.embedded(store.dataset()).deriveAfterLoad(false);
                for (BundledData.BundledSource b : BundledData.all())
                    pipeline.load(new org.chainkg.pipeline.Pipeline.Load(SourceFormats.byName(b.format()), b.paths(), null, b.release(), b.encoding()));
                org.chainkg.pipeline.Pipeline.embedded(store.dataset()).derive();
                System.out.printf(Locale.ROOT, "loaded the bundled data into %s in %.1f s%n", args[0], (System.nanoTime() - t0) / 1e9);
            }
            Result r = measure(store.dataset(), sample, rounds);
            System.out.printf(Locale.ROOT, "store %s: %d organisations (%d research, %d firms)%n", args[0], r.organisations(),
                r.researchOrganisations(), r.firms());
            System.out.printf(Locale.ROOT, "build matcher (profiles + text index): %s ms (3 runs)%n",
                r.buildMs().stream().map(n -> String.format(Locale.ROOT, "%.0f", n)).toList());
            System.out.printf(Locale.ROOT, "one-lab match, top 20 (%d labs x %d rounds): median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.labs(), rounds, r.p50(), r.p90(), r.p99(), r.max());
        }
    }

    /** Matcher build times (3 builds) and one-lab top-20 match latencies over a sample of research organisations. */
    public record Result(int organisations, int researchOrganisations, int firms, List<Double> buildMs, int labs,
                         double p50, double p90, double p99, double max) {}

    /**
     * Builds the matcher three times, then matches {@code sample} research organisations (a fixed random sample), top 20,
     * after one warm-up pass, {@code rounds} times each.
     */
    public static Result measure(org.apache.jena.sparql.core.DatasetGraph dsg, int sample, int rounds) {
        List<Double> builds = new ArrayList<>();
        Matcher matcher = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Matcher m = Matcher.build(dsg, MatchWeights.defaults());
            builds.add((System.nanoTime() - t0) / 1e6);
            if (matcher != null) matcher.close();
            matcher = m;
        }
        try {
            List<Profile> labs = new ArrayList<>(matcher.profiles().researchOrganisations());
            labs.sort(java.util.Comparator.comparing(Profile::key));
            Collections.shuffle(labs, new Random(1));
            labs = labs.subList(0, Math.min(sample, labs.size()));
            for (Profile lab : labs) matcher.match(Matcher.MatchRequest.lab(lab.key(), null, 20, false));   // warm-up
            long[] times = new long[labs.size() * rounds];
            int n = 0;
            for (int r = 0; r < rounds; r++)
                for (Profile lab : labs) {
                    long t0 = System.nanoTime();
                    matcher.match(Matcher.MatchRequest.lab(lab.key(), null, 20, false));
                    times[n++] = System.nanoTime() - t0;
                }
            Arrays.sort(times);
            return new Result(matcher.profiles().all().size(), matcher.profiles().researchOrganisations().size(),
                matcher.profiles().firms().size(), builds, labs.size(), pct(times, 0.5), pct(times, 0.9), pct(times, 0.99),
                times.length == 0 ? Double.NaN : times[times.length - 1] / 1e6);
        } finally {
            matcher.close();
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private MatchBenchmark() {}
}
