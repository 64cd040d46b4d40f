package org.chainkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.RemoteQueries;
import org.chainkg.server.ChainkgServer;
import org.chainkg.store.ChainStore;

/**
 * Concurrent SPARQL 1.1 protocol load on the embedded server (loopback, port 0): N clients, each sending the named
 * queries in turn (parameters written into the query text) to {@code /chainkg/sparql} and reading the whole
 * response, for a bounded number of requests or time. Throughput and latency percentiles per level.
 */
final class ServerBenchmark {
    /** One level; {@code settleSeconds}: how long it waited for earlier requests' queries to finish (-1: gave up). */
    record Level(int clients, int requests, int errors, double seconds, Samples latency, double settleSeconds) {
        double throughput() { return requests / seconds; }
    }

    /** The queries of a mix: every named query, with these parameters where given. */
    static List<String> allQueries(Map<String, Map<String, String>> overrides) {
        return mix(overrides, null);
    }

    /** The queries of a mix: the named queries in {@code names}, with these parameters where given. */
    static List<String> mix(Map<String, Map<String, String>> overrides, java.util.Collection<String> names) {
        List<String> mix = new ArrayList<>();
        for (NamedQuery q : NamedQueries.all().values())
            if (names == null || names.contains(q.name()))
                mix.add(RemoteQueries.substituted(q, q.bind(overrides.getOrDefault(q.name(), Map.of()))).toString());
        return mix;
    }

    static List<Level> run(ChainStore store, List<String> mix, List<Integer> clientCounts,
                           int requestsPerClient, Duration limit) throws Exception {
        // As `serve` runs by default: at most ChainkgServer.defaultMaxRunning() requests at once, the others queued.
        FusekiServer server = ChainkgServer.build(store.dataset(), 0, false, 60, ChainkgServer.defaultMaxRunning()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String endpoint = "http://localhost:" + server.getPort() + ChainkgServer.DATASET + "/sparql";
        List<Level> out = new ArrayList<>();
        try {
            for (int clients : clientCounts) {
                // A query that overran the timeout may go on running on a server thread after its client gave up
                // (ARQ cancels at its next check; a sort or group in progress finishes first): each level starts on
                // a quiet store, so that it does not share the processors with the previous level's leftovers.
                long settled = store.awaitNoTransactions(Duration.ofMinutes(10));
                Samples latency = new Samples();
                AtomicInteger errors = new AtomicInteger();
                long deadline = System.nanoTime() + limit.toNanos();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int first = c;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < requestsPerClient && System.nanoTime() < deadline; i++) {
                            String query = mix.get((first + i) % mix.size());
                            HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint + "?query="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).GET().build();
                            long t = System.nanoTime();
                            try {
                                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                                if (r.statusCode() != 200) errors.incrementAndGet();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            latency.add((System.nanoTime() - t) / 1e6);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) f.get();
                pool.shutdown();
                out.add(new Level(clients, latency.count(), errors.get(), (System.nanoTime() - start) / 1e9, latency,
                                  settled < 0 ? -1 : settled / 1000.0));
            }
        } finally {
            server.stop();
        }
        return out;
    }

    private ServerBenchmark() {}
}
