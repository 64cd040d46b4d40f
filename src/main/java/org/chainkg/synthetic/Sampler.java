package org.chainkg.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random choices for the generator: uniform, weighted (cumulative weights, binary search) and
 * heavy-tailed (Zipf-like weights {@code 1 / rank^s}), all from one seeded {@link SplittableRandom}.
 */
final class Sampler {
    private final SplittableRandom random;

    Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) { return random.nextInt(bound); }

    /** An int in [from, to] inclusive. */
    int between(int from, int to) { return from + random.nextInt(to - from + 1); }

    double nextDouble() { return random.nextDouble(); }

    boolean chance(double p) { return random.nextDouble() < p; }

    <T> T pick(List<T> items) { return items.get(random.nextInt(items.size())); }

    /** Shuffles the list in place (Fisher-Yates). */
    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    /** Zipf-like weights for n ranks: rank r (from 0) weighs 1 / (r + 1)^s. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int r = 0; r < n; r++) w[r] = 1.0 / Math.pow(r + 1, s);
        return w;
    }

    /** Cumulative sums of weights, for {@link #weighted}. */
    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) c[i] = sum += weights[i];
        return c;
    }

    /** An index drawn with probability proportional to its weight, given cumulative weights. */
    int weighted(double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
