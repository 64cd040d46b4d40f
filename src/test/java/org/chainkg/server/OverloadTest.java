package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * Under overload every request gets an answer: 100 connections at once to a server with a 3 s timeout and one
 * admission slot each get 200 or 503 within the timeout and the query's time (the README's "wait up to the timeout,
 * then 503"), none is left unanswered (before, Jetty's 20 threads queued most of them out of admission's reach:
 * a client that gives up after 8 s got no answer for 61 of them; now 64 wait, the rest get their 503 at once).
 */
class OverloadTest {
    @Test
    void everyConnectionGetsAnAnswer() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            Node p = NodeFactory.createURI("urn:p");
            for (int i = 0; i < 300; i++) g.add(NodeFactory.createURI("urn:s" + i), p, NodeFactory.createLiteralString("v" + i));
        });
        FusekiServer server = ChainkgServer.build(dsg, 0, false, 3, 1).start();
        // A query of a few tenths of a second: one slot serves a few of the hundred within the timeout.
        String query = "SELECT (COUNT(*) AS ?n) { ?a <urn:p> ?o1 . ?b <urn:p> ?o2 }";
        URI uri = URI.create("http://localhost:" + server.getPort() + "/chainkg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Map<String, Integer> outcomes = new TreeMap<>();
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong slowest = new java.util.concurrent.atomic.AtomicLong();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<String>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++)
                all.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(8)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> r != null ? String.valueOf(r.statusCode()) : "no answer: " + rootCause(e))
                    .thenApply(o -> { slowest.accumulateAndGet(System.nanoTime() - t0, Math::max); return o; }));
            for (CompletableFuture<String> f : all) outcomes.merge(f.get(20, TimeUnit.SECONDS), 1, Integer::sum);
        } finally {
            server.stop();
        }
        System.out.printf("100 connections at once: %s, the last answer after %.1f s%n", outcomes, slowest.get() / 1e9);
        assertEquals(100, outcomes.getOrDefault("200", 0) + outcomes.getOrDefault("503", 0), "every connection is answered 200 or 503: " + outcomes);
        assertTrue(outcomes.getOrDefault("200", 0) > 0, "some are served: " + outcomes);
        assertTrue(slowest.get() / 1e9 < 6.0, "the last answer came " + slowest.get() / 1e9 + " s after the start; the timeout is 3 s");
    }

    static String rootCause(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getClass().getSimpleName();
    }
}
