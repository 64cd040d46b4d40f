package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query past the timeout is stopped, not only answered 503: on a server with a 1 s timeout and one admission
 * slot, the next request is admitted and answered within a second of the 503, and the server's request threads
 * stop using the processor. The queries sort or group a cross product below a triple pattern, which ARQ
 * evaluates while building the plan, where its own timer cannot stop it (before QueryDeadline the sort ran 50 s).
 */
class QueryCancellationTest {
    static final String CK = "https://w3id.org/chainkg/ontology#";
    static final HttpClient http = HttpClient.newHttpClient();
    static FusekiServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            Node p = NodeFactory.createURI("urn:p"), sub = NodeFactory.createURI(CK + "subtypeOf"),
                feeds = NodeFactory.createURI(CK + "feedsInto"), seg = NodeFactory.createURI("urn:segment");
            for (int i = 0; i < 3000; i++) {
                g.add(NodeFactory.createURI("urn:s" + i), p, NodeFactory.createLiteralString("v" + i));
                // A chain of 3000 subtypes all feeding one segment: broken-segments pairs every item with each
                // of its supertypes (4.5 million pairs) before it looks for concentration measures (none). With 1000
                // (half a million pairs) a warm JIT in the full suite once answered within the 1 s timeout.
                g.add(NodeFactory.createURI("urn:e" + i), sub, NodeFactory.createURI("urn:e" + (i + 1)));
                g.add(NodeFactory.createURI("urn:e" + i), feeds, seg);
            }
        });
        server = ChainkgServer.build(dsg, 0, false, 1, 1).start();
        base = "http://localhost:" + server.getPort();
        // Warm up (class loading, the named-query catalogue) so that the timings below are the queries'.
        assertEquals(200, get("/chainkg/q").statusCode());
        assertEquals(400, get("/chainkg/q/chain-map").statusCode(), "chain-map needs a chain");
        assertEquals(200, sparql("/chainkg/sparql", "ASK { ?s ?p ?o }").statusCode());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> sparql(String endpoint, String query) throws Exception {
        return get(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    /** Processor time used by the server's request threads (Jetty's pool), in seconds. */
    static double requestThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double total = 0;
        for (var info : threads.dumpAllThreads(false, false))
            if (info.getThreadName().startsWith("qtp")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) total += t / 1e9;
            }
        return total;
    }

    /** Sends the long request; asserts its 503 at the timeout, the next request admitted at once, and no busy thread. */
    static void stoppedAtTheTimeout(String longRequest) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> slow = get(longRequest);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(503, slow.statusCode(), slow.body());
        assertTrue(seconds < 2.5, "503 " + seconds + " s after the start; the timeout is 1 s");

        long t1 = System.nanoTime();
        double cpu0 = requestThreadsCpu();
        HttpResponse<String> next = sparql("/chainkg/sparql", "ASK {}");
        double wait = (System.nanoTime() - t1) / 1e9;
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(wait < 1.0, "the slot was free " + wait + " s after the 503");

        Thread.sleep(1000);
        double busy = requestThreadsCpu() - cpu0;
        System.out.printf("%s: 503 after %.2f s, next request answered %.3f s later, request threads busy %.2f s in the next second%n",
                          longRequest, seconds, wait, busy);
        assertTrue(busy < 0.3, "the request threads used " + busy + " s of processor in the second after the 503");
    }

    @Test
    void aSortBelowAPatternStopsAtTheTimeout() throws Exception {
        stoppedAtTheTimeout("/chainkg/sparql?query=" + URLEncoder.encode(
            "SELECT * { { SELECT ?a ?b { ?a <urn:p> ?o1 . ?b <urn:p> ?o2 } ORDER BY ?o2 ?o1 } ?a <urn:p> ?o }", StandardCharsets.UTF_8));
    }

    @Test
    void aGroupBelowAPatternStopsAtTheTimeout() throws Exception {
        stoppedAtTheTimeout("/chainkg/query?query=" + URLEncoder.encode(
            "SELECT * { { SELECT ?a (COUNT(*) AS ?n) { ?a <urn:p> ?o1 . ?b <urn:p> ?o2 . ?c <urn:p> ?o3 } GROUP BY ?a } ?a <urn:p> ?o }",
            StandardCharsets.UTF_8));
    }

    @Test
    void aNamedQueryStopsAtTheTimeout() throws Exception {
        stoppedAtTheTimeout("/chainkg/q/broken-segments");
    }

    /** Parsing is not covered by the timeout and cannot be stopped: a long query text is refused before it is parsed. */
    @Test
    void aLongQueryTextIsRefusedBeforeParsing() throws Exception {
        // 0.9 MB of BINDs (under the 1 MB body limit): ARQ took 168 s to parse and compile it, then overflowed its stack.
        StringBuilder q = new StringBuilder("SELECT * WHERE { ");
        for (int i = 0; q.length() < 900_000; i++) q.append("BIND(1 AS ?v").append(i).append(") ");
        String text = q.append('}').toString();
        long t0 = System.nanoTime();
        HttpResponse<String> body = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql"))
            .header("Content-Type", "application/sparql-query").timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, body.statusCode(), body.body());
        assertTrue(body.body().contains("65536 characters"), body.body());
        // A form holds at most 200,000 bytes (Jetty's limit); 117 kB of BINDs took 1.2 s to parse and compile.
        String form = "query=" + URLEncoder.encode(text.substring(0, 190_000) + "}", StandardCharsets.UTF_8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/query"))
            .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, posted.statusCode(), posted.body());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 2, "refused in " + seconds + " s");
        assertEquals(200, sparql("/chainkg/sparql", "ASK {}").statusCode());
    }
}
