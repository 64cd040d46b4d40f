package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.chainkg.TestData;
import org.chainkg.store.ChainStore;
import org.chainkg.store.StoreStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With --allow-update, SPARQL Update and Graph Store Protocol writes work, and replacing or deleting a graph
 * over HTTP leaves no stale text-index entries (Jena issue #1985).
 */
class WritableServerTest {
    static final String GRAPH = "https://w3id.org/chainkg/graph/eto/eto-mini";
    @TempDir Path tmp;
    ChainStore store;
    FusekiServer server;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = TestData.storeWith(tmp.resolve("db"), TestData.ETO_MINI);
        server = ChainkgServer.build(store.dataset(), 0, true, 30).start();
        base = "http://localhost:" + server.getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
        store.close();
    }

    int send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    long hits(String word) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/q/search?q=" + word))
            .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().count() - 1;
    }

    @Test
    void graphStorePutReplacesAndIndexFollows() throws Exception {
        assertEquals(3, hits("lithography"));
        String turtle = "<urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> \"Plasma etchers\"@en .";
        int status = send(HttpRequest.newBuilder(URI.create(base + "/chainkg/data?graph=" + GRAPH))
            .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(turtle)).build());
        assertEquals(200, status / 100 * 100);
        assertEquals(1, StoreStatistics.textDocuments(store));
        assertEquals(0, hits("lithography"));
    }

    @Test
    void graphStoreDeleteAndSparqlDropEmptyTheIndex() throws Exception {
        int status = send(HttpRequest.newBuilder(URI.create(base + "/chainkg/data?graph=" + GRAPH)).DELETE().build());
        assertEquals(200, status / 100 * 100);
        assertEquals(0, StoreStatistics.textDocuments(store));

        send(HttpRequest.newBuilder(URI.create(base + "/chainkg/update")).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:g> { <urn:x:b> <http://www.w3.org/2000/01/rdf-schema#label> \"Lithography\" } }")).build());
        assertEquals(1, StoreStatistics.textDocuments(store));
        status = send(HttpRequest.newBuilder(URI.create(base + "/chainkg/update")).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("DROP GRAPH <urn:g>")).build());
        assertEquals(200, status / 100 * 100);
        assertEquals(0, StoreStatistics.textDocuments(store));
    }
}
