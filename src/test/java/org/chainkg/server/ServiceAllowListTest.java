package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --allow-service URL}: SERVICE reaches the allowed endpoint and nothing else, however the other
 * endpoint is written; a server without the option calls none (ServerAbuseTest).
 */
class ServiceAllowListTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static FusekiServer allowed, forbidden, server;
    /** Requests that reached either endpoint. */
    static final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    static String base;

    static FusekiServer endpoint(String name, String value) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(d, () -> d.getDefaultGraph().add(NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"),
                                                            NodeFactory.createLiteralString(value)));
        return FusekiServer.create().port(0).loopback(true).add(name, d)
            .addFilter("/*", (req, resp, chain) -> { calls.incrementAndGet(); chain.doFilter(req, resp); }).build().start();
    }

    @BeforeAll
    static void start() {
        allowed = endpoint("/open", "shared");
        forbidden = endpoint("/other", "secret");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        server = ChainkgServer.build(dsg, 0, true, 10, 2, List.of("http://localhost:" + allowed.getPort() + "/open/sparql")).start();
        base = "http://localhost:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        allowed.stop();
        forbidden.stop();
    }

    static HttpResponse<String> query(String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAllowedEndpointIsCalled() throws Exception {
        int before = calls.get();
        HttpResponse<String> r = query("SELECT ?o WHERE { SERVICE <http://localhost:" + allowed.getPort() + "/open/sparql> { ?s ?p ?o } }");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("shared"), r.body());
        assertTrue(calls.get() > before, "the endpoint was called");
    }

    @Test
    void anyOtherEndpointIsRefused() throws Exception {
        int a = allowed.getPort(), f = forbidden.getPort();
        for (String endpoint : List.of("http://localhost:" + f + "/other/sparql",            // another local port
                                       "http://127.0.0.1:" + f + "/other/sparql",
                                       "http://localhost:" + a + "/open/sparql@127.0.0.1:" + f + "/other/sparql",
                                       "http://localhost:" + a + "@127.0.0.1:" + f + "/other/sparql", // user info
                                       "http://localhost:" + a + "/open/sparql/../../other/sparql",
                                       "http://localhost:" + a + "/open/sparqlx",
                                       "file:///etc/passwd")) {
            HttpResponse<String> r = query("SELECT ?o WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }");
            assertEquals(403, r.statusCode(), endpoint + ": " + r.body());
            assertTrue(r.body().contains("--allow-service"), r.body());
            assertFalse(r.body().contains("secret"), r.body());
        }
    }

    @Test
    void aVariableEndpointIsRefused() throws Exception {
        HttpResponse<String> r = query("SELECT ?o WHERE { BIND(<http://localhost:" + forbidden.getPort() + "/other/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }");
        assertEquals(403, r.statusCode(), r.body());
        assertFalse(r.body().contains("secret"), r.body());
    }

    @Test
    void aServiceInsideAnExpressionIsRefusedWhileRunning() throws Exception {
        // FILTER EXISTS is not walked before the query runs: the link in ARQ's service executor chain refuses the
        // call then (inside EXISTS the refusal is an evaluation error: the filter is false, nothing is called).
        int before = calls.get();
        HttpResponse<String> r = query("SELECT * WHERE { BIND(1 AS ?x) FILTER EXISTS { SERVICE <http://localhost:" + forbidden.getPort()
                                       + "/other/sparql> { ?s ?p \"secret\" } } }");
        assertEquals(before, calls.get(), "no request reached another endpoint: " + r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("1"), "the EXISTS is not true: " + r.body());
    }

    @Test
    void anUpdateCannotCallAnotherEndpoint() throws Exception {
        String update = "INSERT { GRAPH <urn:test:leak> { ?s ?p ?o } } WHERE { SERVICE <http://localhost:" + forbidden.getPort() + "/other/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/update"))
            .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertFalse(query("ASK { GRAPH <urn:test:leak> { ?s ?p ?o } }").body().contains("true"));
    }

    @Test
    void aBadUrlIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ChainkgServer.build(DatasetGraphFactory.createTxnMem(), 0, false, 10, 2, List.of("localhost:3031")));
        assertTrue(e.getMessage().contains("--allow-service localhost:3031"), e.getMessage());
    }
}
