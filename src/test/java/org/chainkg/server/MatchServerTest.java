package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.chainkg.IslandsFixture;
import org.chainkg.match.MatchTable;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /chainkg/match on a real server on a free port, over real HTTP, on the synthetic islands fixture. */
class MatchServerTest {
    @TempDir static Path tmp;
    static ChainStore store;
    static FusekiServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = IslandsFixture.store(tmp.resolve("db"));
        server = ChainkgServer.build(store.dataset(), 0, false, 30).start();
        base = "http://localhost:" + server.getPort() + "/chainkg/match";
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<String> get(String query, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + query)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonResultsWithExplanations() throws Exception {
        HttpResponse<String> r = get("?lab=" + IslandsFixture.RO1 + "&k=3", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        assertEquals(MatchTable.COLUMNS, rs.getResultVars());
        int rows = 0;
        boolean explained = false;
        while (rs.hasNext()) {
            var row = rs.next();
            rows++;
            explained |= !row.getLiteral("shared_partners").getString().isEmpty() || !row.getLiteral("shared_terms").getString().isEmpty();
        }
        assertEquals(3, rows);
        assertTrue(explained);
    }

    @Test
    void csvAndNewOnly() throws Exception {
        HttpResponse<String> all = get("?lab=pic-" + IslandsFixture.RO1 + "&format=csv", null);
        assertEquals(200, all.statusCode(), all.body());
        List<String> lines = all.body().lines().toList();
        assertEquals(String.join(",", MatchTable.COLUMNS), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.split(",")[1].equals("pic-" + IslandsFixture.FX)));
        HttpResponse<String> fresh = get("?lab=" + IslandsFixture.RO1 + "&new-only=true", "text/csv");
        assertEquals(200, fresh.statusCode(), fresh.body());
        assertTrue(fresh.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertFalse(fresh.body().lines().skip(1).anyMatch(l -> l.split(",")[1].equals("pic-" + IslandsFixture.FX)), fresh.body());
        assertEquals(lines.size() - 1, fresh.body().lines().count());
        HttpResponse<String> item = get("?item=N3&country=JPN&k=1&format=csv", null);
        assertEquals(200, item.statusCode(), item.body());
        assertTrue(item.body().lines().toList().get(1).startsWith("1,pic-990000101,Kyoto Institute of Photonics"), item.body());
        assertEquals("2 of the 3 research organisations have outputs bearing on N3 (EUV scanners): they are ranked first",
                     item.headers().firstValue("Chainkg-Note").orElse("(no Chainkg-Note header)"));
        HttpResponse<String> firms = get("?item=N3&country=JPN&kind=firm&format=csv", null);
        assertEquals(200, firms.statusCode(), firms.body());
        assertTrue(firms.body().lines().skip(1).allMatch(l -> l.contains(",firm,")), firms.body());
    }

    @Test
    void badRequests() throws Exception {
        assertEquals(400, get("", null).statusCode());
        assertEquals(400, get("?lab=1&firm=2", null).statusCode());
        HttpResponse<String> unknown = get("?lab=nope", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("no organisation has the identifier 'nope'"), unknown.body());
        assertEquals(400, get("?item=N3", null).statusCode(), "an item needs a country");
        assertEquals(400, get("?lab=" + IslandsFixture.RO1 + "&k=ten", null).statusCode());
        assertEquals(400, get("?lab=" + IslandsFixture.RO1 + "&colour=red", null).statusCode());
        HttpResponse<String> kind = get("?item=N3&country=JPN&kind=labs", null);
        assertEquals(400, kind.statusCode());
        assertTrue(kind.body().contains("'labs' is not a candidate kind (use research, firm or all)"), kind.body());
        assertEquals(400, get("?lab=" + IslandsFixture.RO1 + "&kind=firm", null).statusCode(), "kind applies to item only");
    }
}
