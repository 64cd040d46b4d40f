package org.chainkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.chainkg.bench.Benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chainkg bench [--scales 1,3,10] [--quick]}: the benchmark harness. Generates synthetic data, times loading
 * against Jena's TDB2 loaders, named queries, concurrent clients and growth; prints a Markdown report on stdout.
 */
@Command(name = "bench", description = "Benchmark load (vs Jena's TDB2 loaders), named queries, concurrent SPARQL clients "
                                       + "and growth on synthetic data; Markdown report on stdout.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scales", split = ",", paramLabel = "S", defaultValue = "1", description = "Scales to run (1 is about 1 M triples). Default: ${DEFAULT-VALUE}")
    List<Double> scales;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--runs", defaultValue = "3", description = "Timed chainkg loads per scale. Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--tx-runs", defaultValue = "1", description = "Timed chainkg loads with --no-bulk (transactional path) per scale; 0 skips them. Default: ${DEFAULT-VALUE}")
    int txRuns;

    @Option(names = "--jena-runs", defaultValue = "3", description = "Timed runs of each Jena loader per scale. Default: ${DEFAULT-VALUE}")
    int jenaRuns;

    @Option(names = "--query-runs", defaultValue = "20", description = "Timed runs of each named query. Default: ${DEFAULT-VALUE}")
    int queryRuns;

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16", description = "Concurrent client counts. Default: ${DEFAULT-VALUE}")
    List<Integer> clients;

    @Option(names = "--requests", defaultValue = "40", description = "Requests per client at most. Default: ${DEFAULT-VALUE}")
    int requests;

    @Option(names = "--no-jena", description = "Skip the Jena loader baseline.")
    boolean noJena;

    @Option(names = "--quick", description = "A smoke run: scale 0.01, one run of everything, few requests.")
    boolean quick;

    @Option(names = "--work", paramLabel = "DIR", description = "Working folder for data and stores (default: a temporary folder, deleted after).")
    Path work;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            scales = List.of(0.01);
            runs = 1;
            txRuns = 1;
            jenaRuns = 1;
            queryRuns = 2;
            clients = List.of(1, 4);
            requests = 3;
        }
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("chainkg-bench") : work;
        try {
            new Benchmark(new Benchmark.Settings(scales, seed, runs, txRuns, jenaRuns, queryRuns, clients, requests,
                          Duration.ofSeconds(quick ? 20 : 60), !noJena, dir), System.out,
                          common.quiet ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : System.err).run();
        } finally {
            if (temporary) org.apache.jena.atlas.io.IOX.deleteAll(dir.toString());
        }
        System.out.flush();
        return 0;
    }
}
