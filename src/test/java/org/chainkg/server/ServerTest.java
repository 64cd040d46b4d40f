package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.chainkg.TestData;
import org.chainkg.store.ChainStore;
import org.chainkg.store.StoreStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free port (read-only), spoken to over real HTTP. */
class ServerTest {
    @TempDir static Path tmp;
    static ChainStore store;
    static FusekiServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = TestData.derivedStoreWith(tmp.resolve("db"), TestData.ETO_MINI);
        server = ChainkgServer.build(store.dataset(), 0, false, 30).start();
        base = "http://localhost:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> ids(String json, String var) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<String> out = new ArrayList<>();
        rs.forEachRemaining(s -> out.add(s.getLiteral(var).getLexicalForm()));
        return out;
    }

    @Test
    void namedQueryAsSparqlJsonByDefault() throws Exception {
        HttpResponse<String> r = get("/chainkg/q/chokepoints", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(r.headers().firstValue("X-Data-Credit").orElse("").contains("ETO/CSET"));
        assertEquals(List.of("N3", "N2", "N4", "N5"), ids(r.body(), "item_id"));
    }

    @Test
    void emptyAnswerComesWithItsReason() throws Exception {
        // eto-mini holds no research data: research-capacity is empty, and the Empty: query of its header says why.
        HttpResponse<String> r = get("/chainkg/q/research-capacity?country=USA", "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals(1, r.body().lines().count(), r.body());
        assertEquals("no rows: the loaded data has 0 research organisation(s) of USA; they hold 0 research output(s), 0 of them on a chain item",
            r.headers().firstValue("Chainkg-Note").orElse("(no Chainkg-Note header)"));
        // A query with rows has no note.
        assertTrue(get("/chainkg/q/chokepoints", "text/csv").headers().firstValue("Chainkg-Note").isEmpty());
    }

    @Test
    void namedQueryWithParametersAsCsv() throws Exception {
        HttpResponse<String> r = get("/chainkg/q/chokepoints?country=USA&home=5", "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String golden = Files.readString(Path.of("src/test/golden/queries/chokepoints.csv"));
        assertTrue(r.body().startsWith(golden.lines().findFirst().orElseThrow()), r.body());
        assertTrue(r.body().contains("S2,Fabrication,1600.0,CHN,40.0,0.0,1,0,2022"), r.body());
    }

    @Test
    void pagesFollowTheQuerysOrderWithANextLink() throws Exception {
        HttpResponse<String> first = get("/chainkg/q/chokepoints?country=CHN&rows=2", null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(List.of("N3", "N2"), ids(first.body(), "item_id"));
        String link = first.headers().firstValue("Link").orElseThrow();
        assertEquals("</chainkg/q/chokepoints?country=CHN&offset=2&rows=2>; rel=\"next\"", link);
        HttpResponse<String> second = get(link.substring(1, link.indexOf('>')), null);
        assertEquals(List.of("N4", "N5"), ids(second.body(), "item_id"));
        assertTrue(second.headers().firstValue("Link").isEmpty(), "the last page has no next link");
        assertEquals(List.of(), ids(get("/chainkg/q/chokepoints?offset=9", null).body(), "item_id"));
        assertEquals(400, get("/chainkg/q/chokepoints?rows=-1", null).statusCode());
        assertEquals(400, get("/chainkg/q/chokepoints?offset=x", null).statusCode());
    }

    @Test
    void searchOverHttpUsesTheTextIndex() throws Exception {
        HttpResponse<String> r = get("/chainkg/q/search?q=" + URLEncoder.encode("ultraviolet", StandardCharsets.UTF_8), null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("N3", "N4"), ids(r.body(), "id").stream().sorted().toList());
    }

    @Test
    void errorsAreHttpErrors() throws Exception {
        assertEquals(404, get("/chainkg/q/no-such-query", null).statusCode());
        HttpResponse<String> bad = get("/chainkg/q/chokepoints?home=lots", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("parameter home: \"lots\" is not a number (e.g. 12.5); allowed 0 to 100"), bad.body());
        assertEquals(400, get("/chainkg/q/chokepoints?nonsense=1", null).statusCode());
        assertEquals(400, get("/chainkg/q/search", null).statusCode(), "q is required");
    }

    @Test
    void catalogueListsTheNamedQueries() throws Exception {
        HttpResponse<String> r = get("/chainkg/q", null);
        assertEquals(200, r.statusCode());
        for (String name : List.of("chain-map", "providers-of", "country-profile", "chokepoints", "broken-segments", "search"))
            assertTrue(r.body().contains("\"name\" : \"" + name + "\""), name);
    }

    @Test
    void sparqlProtocolEndpoint() {
        try (QueryExecHTTP q = QueryExecHTTP.service(base + "/chainkg/sparql")
                .query("PREFIX ck: <https://w3id.org/chainkg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?i a ck:ChainItem }").build()) {
            assertEquals("8", q.select().next().get("n").getLiteralLexicalForm());
        }
    }

    @Test
    void readOnlyUnlessUpdatesAreAllowed() throws Exception {
        HttpRequest update = HttpRequest.newBuilder(URI.create(base + "/chainkg/update"))
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build();
        int status = http.send(update, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 404 || status == 405, "update answered " + status);
        HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/chainkg/data?default"))
            .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("")).build();
        int putStatus = http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(putStatus >= 400, "PUT answered " + putStatus);
        assertTrue(StoreStatistics.textDocuments(store) > 0);
    }

    @Test
    void workbenchAtRootAndFusekiUiAtTheConsole() throws Exception {
        HttpResponse<String> r = get("/sparql-console/", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().toLowerCase().contains("fuseki"), r.body());
        HttpResponse<String> home = get("/", null);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("href=\"/sparql-console/\""), home.body());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        // Wrong parameters: 400 pages naming the parameter.
        HttpResponse<String> bad = get("/chain?highlight=colour", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("highlight: 'colour' is not one of country, concentration, broken, islands"), bad.body());
        assertEquals(400, get("/chain?country=ZZZ", null).statusCode());
        assertEquals(400, get("/item?chain=x", null).statusCode(), "id is required");
        assertEquals(400, get("/?lang=fr", null).statusCode());
        assertEquals(404, get("/nothing-here", null).statusCode());
        String chain = java.net.URLEncoder.encode("https://w3id.org/chainkg/id/eto/eto-mini/chain", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> item = get("/item?chain=" + chain + "&id=N3&country=ZZZ", null);
        assertEquals(400, item.statusCode());
        assertTrue(item.body().contains("country"), item.body());
        HttpResponse<String> noItem = get("/item?chain=" + chain + "&id=N999", null);
        assertEquals(400, noItem.statusCode());
        assertTrue(noItem.body().contains("id: no item 'N999'"), noItem.body());
        HttpResponse<String> kind = get("/match?lab=x&kind=bogus", null);
        assertEquals(400, kind.statusCode());
        assertTrue(kind.body().contains("kind: 'bogus' is not a candidate kind"), kind.body());
        HttpResponse<String> fragment = get("/fragment/labs?item=N3&country=ZZZ", null);
        assertEquals(400, fragment.statusCode());
        assertTrue(fragment.body().startsWith("<p class=\"error\" role=\"alert\">"), fragment.body());
        // The console's server requests under its folder are redirected, percent-encoding kept.
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(base + "/sparql-console/chainkg/sparql?query=ASK%7B%7D")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(307, redirect.statusCode());
        assertEquals("/chainkg/sparql?query=ASK%7B%7D", redirect.headers().firstValue("Location").orElse(""));
    }

    @Test
    void listensOnLoopbackOnly() {
        var connector = (org.eclipse.jetty.server.ServerConnector) server.getJettyServer().getConnectors()[0];
        assertEquals("localhost", connector.getHost());
    }
}
