package org.chainkg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings of repeated runs, in milliseconds, with median and percentiles (nearest rank on the sorted samples). */
final class Samples {
    private final List<Double> values = new ArrayList<>();

    synchronized void add(double ms) { values.add(ms); }

    synchronized int count() { return values.size(); }

    double median() { return percentile(50); }

    /** The p-th percentile by nearest rank; with fewer than 100 samples p99 is the largest one. */
    synchronized double percentile(double p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Times one run of {@code task} and records it. */
    static double time(Runnable task) {
        long t = System.nanoTime();
        task.run();
        return (System.nanoTime() - t) / 1e6;
    }
}
