package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * A GROUP_CONCAT over a cross product builds one string in memory until the timeout stops it (503); the server
 * answers afterwards. The string's size is bounded only by the time limit (the figure is printed).
 */
class GroupConcatTest {
    @Test
    void aGroupConcatOverACrossProductStopsAtTheTimeout() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            Node p = NodeFactory.createURI("urn:p");
            for (int i = 0; i < 2000; i++) g.add(NodeFactory.createURI("urn:s" + i), p, NodeFactory.createLiteralString("value number " + i));
        });
        FusekiServer server = ChainkgServer.build(dsg, 0, false, 2, 1).start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + server.getPort();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        try {
            for (String endpoint : new String[] {"/chainkg/sparql", "/chainkg/query"}) {
                String q = "SELECT (GROUP_CONCAT(CONCAT(?o1, ?o2, ?o1, ?o2)) AS ?all) { ?a <urn:p> ?o1 . ?b <urn:p> ?o2 }";
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + endpoint + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - t0) / 1e9;
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
                System.out.printf("GROUP_CONCAT on %s: %d after %.2f s; peak heap and non-heap %d MB%n", endpoint, r.statusCode(), seconds, peak >> 20);
                assertEquals(503, r.statusCode(), r.body().length() > 200 ? r.body().substring(0, 200) : r.body());
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql?query=ASK%7B%7D")).GET().build(),
                                            HttpResponse.BodyHandlers.ofString()).statusCode(), "the server answers afterwards");
            }
        } finally {
            server.stop();
        }
    }
}
