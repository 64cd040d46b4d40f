package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on a loopback {@code serve} with updates allowed: each is sent for real and must be refused. */
class ServerAbuseTest {
    @TempDir static Path tmp;
    static ChainStore store;
    static FusekiServer server, other;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = TestData.derivedStoreWith(tmp.resolve("db"), TestData.ETO_MINI);
        server = ChainkgServer.build(store.dataset(), 0, true, 30).start();
        base = "http://localhost:" + server.getPort();
        // Another local service that SERVICE could reach.
        DatasetGraph secret = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(secret, () -> secret.getDefaultGraph().add(org.apache.jena.graph.NodeFactory.createURI("urn:s"),
            org.apache.jena.graph.NodeFactory.createURI("urn:p"), org.apache.jena.graph.NodeFactory.createLiteralString("secret")));
        other = FusekiServer.create().port(0).loopback(true).add("/other", secret).build().start();
    }

    @AfterAll
    static void stop() {
        other.stop();
        server.stop();
        store.close();
    }

    static HttpResponse<String> post(String path, String contentType, String body, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) b.header("Origin", origin);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long triples() {
        return Txn.calculateRead(store.dataset(), () -> {
            long[] n = {0};
            store.dataset().find().forEachRemaining(q -> n[0]++);
            return n[0];
        });
    }

    @Test
    void serviceCannotReachOtherLocalPorts() throws Exception {
        String q = "SELECT * WHERE { SERVICE <http://localhost:" + other.getPort() + "/other/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql?query="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("secret"), r.body());
    }

    @Test
    void crossSiteUpdateIsRefused() throws Exception {
        long before = triples();
        HttpResponse<String> r = post("/chainkg/update", "application/x-www-form-urlencoded",
            "update=" + URLEncoder.encode("DROP ALL", StandardCharsets.UTF_8), "http://evil.example");
        assertEquals(403, r.statusCode(), r.body());
        assertEquals(before, triples(), "the store is untouched");
        HttpResponse<String> same = post("/chainkg/update", "application/sparql-update",
            "INSERT DATA { GRAPH <urn:test:g> { <urn:a> <urn:b> \"c\" } }", base);
        assertEquals(2, same.statusCode() / 100, same.body());
        post("/chainkg/update", "application/sparql-update", "DROP GRAPH <urn:test:g>", null);
    }

    @Test
    void loadOfLocalFilesIsRefused() throws Exception {
        long before = triples();
        for (String body : new String[] {"LOAD <file:///etc/passwd> INTO GRAPH <urn:test:leak>",
                                         "LOAD SILENT <http://localhost:" + other.getPort() + "/other/get?default>"}) {
            HttpResponse<String> raw = post("/chainkg/update", "application/sparql-update", body, null);
            assertEquals(403, raw.statusCode(), raw.body());
            assertFalse(raw.body().contains("root"), raw.body());
            HttpResponse<String> form = post("/chainkg/update", "application/x-www-form-urlencoded",
                "update=" + URLEncoder.encode(body, StandardCharsets.UTF_8), null);
            assertEquals(403, form.statusCode(), form.body());
        }
        assertEquals(before, triples(), "nothing was loaded");
    }

    @Test
    void updatesHaveATimeLimit() throws Exception {
        // A second server on a scratch copy with a 1 s timeout; the update is a cross product over every quad.
        ChainStore scratch = TestData.derivedStoreWith(tmp.resolve("scratch"), TestData.ETO_MINI);
        FusekiServer quick = ChainkgServer.build(scratch.dataset(), 0, true, 1).start();
        try {
            String update = "INSERT { GRAPH <urn:test:big> { ?a ?b ?o3 } } WHERE { ?a ?b ?o1 . ?c ?d ?o2 . ?e ?f ?o3 }";
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + quick.getPort() + "/chainkg/update"))
                .header("Content-Type", "application/sparql-update").timeout(java.time.Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertNotEquals(2, r.statusCode() / 100, "the update ran to the end in " + seconds + " s: " + r.body());
            assertTrue(seconds < 30, "stopped by the 1 s limit, not by the client (" + seconds + " s)");
        } finally {
            quick.stop();
            scratch.close();
        }
    }

    @Test
    void dnsRebindingIsRefusedByHost() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /chainkg/q/chokepoints HTTP/1.1\r\nHost: evil.example:" + server.getPort()
                       + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(status.contains(" 403 "), status);
        }
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() throws Exception {
        String huge = "SELECT * WHERE { " + "?s ?p ?o . ".repeat(200_000) + "}";
        HttpResponse<String> r = post("/chainkg/sparql", "application/sparql-query", huge, null);
        assertEquals(413, r.statusCode(), r.body().substring(0, Math.min(200, r.body().length())));
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql"))
            .header("Content-Type", "application/sparql-query")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "a chunked body is counted while it is read");
    }
}
