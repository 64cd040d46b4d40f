package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.chainkg.TestData;
import org.chainkg.query.QueryRunner;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong requests to the named queries of a real server get a 4xx naming the parameter, never a 200 with a
 * wrong-looking answer (issue: unknown values, search syntax, format negotiation, paging and number abuse).
 */
class WrongRequestTest {
    @TempDir static Path tmp;
    static ChainStore store;
    static FusekiServer server, tiny;
    static String base, tinyBase;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = TestData.derivedStoreWith(tmp.resolve("db"), TestData.ETO_MINI);
        server = ChainkgServer.build(store.dataset(), 0, false, 30).start();
        base = "http://localhost:" + server.getPort();
        // The same named queries with a result limit of 300 bytes.
        tiny = FusekiServer.create().port(0).loopback(true).fusekiModules(FusekiModules.empty())
            .addServlet("/chainkg/q/*", new NamedQueryServlet(new QueryRunner(store.dataset(), 30_000), 300)).build().start();
        tinyBase = "http://localhost:" + tiny.getPort();
    }

    @AfterAll
    static void stop() {
        tiny.stop();
        server.stop();
        store.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(base, pathAndQuery, null);
    }

    static HttpResponse<String> get(String host, String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host + pathAndQuery)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void assertRefused(int status, String pathAndQuery, String... words) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(status, r.statusCode(), pathAndQuery + " -> " + r.body());
        for (String w : words) assertTrue(r.body().contains(w), pathAndQuery + " -> " + r.body());
    }

    @Test
    void unknownCountryIsRefusedWithTheClosestCodes() throws Exception {
        assertRefused(400, "/chainkg/q/chokepoints?country=ZZZ", "parameter country", "\"ZZZ\"", "alpha-3");
        assertRefused(400, "/chainkg/q/chokepoints?country=CHM", "parameter country", "did you mean 'CHN'");
        assertRefused(400, "/chainkg/q/chokepoints?country=" + enc("CHN\"}} ; DROP ALL #"), "parameter country", "not a country code");
        assertRefused(400, "/chainkg/q/chokepoints?country=*", "parameter country");
    }

    @Test
    void countryCodesAreCaseFolded() throws Exception {
        HttpResponse<String> lower = get("/chainkg/q/chokepoints?country=chn"), upper = get("/chainkg/q/chokepoints?country=CHN");
        assertEquals(200, lower.statusCode(), lower.body());
        assertEquals(upper.body(), lower.body());
        assertEquals(200, get("/chainkg/q/chokepoints?country=DEU").statusCode(), "an ISO code the data does not have is a valid country");
    }

    @Test
    void unknownItemAndChainAreRefused() throws Exception {
        assertRefused(400, "/chainkg/q/providers-of?item=N33", "parameter item", "\"N33\"", "did you mean 'N3'");
        assertRefused(400, "/chainkg/q/chokepoints?chain=" + enc("https://example.org/chain"), "parameter chain", "is not a loaded chain");
        assertEquals(200, get("/chainkg/q/providers-of?item=N3").statusCode());
    }

    @Test
    void repeatedParameterIsRefused() throws Exception {
        assertRefused(400, "/chainkg/q/chokepoints?country=CHN&country=USA", "parameter country is given 2 times");
        assertRefused(400, "/chainkg/q/chokepoints?rows=1&rows=2", "parameter rows is given 2 times");
    }

    @Test
    void numbersOutOfRangeAreRefusedWithTheRange() throws Exception {
        assertRefused(400, "/chainkg/q/chokepoints?home=-5", "parameter home", "allowed 0 to 100");
        assertRefused(400, "/chainkg/q/chokepoints?hhi=1e9", "parameter hhi", "allowed 0 to 10000");
        // Compared with the range as a BigDecimal, never expanded to a million digits (toPlainString).
        assertRefused(400, "/chainkg/q/chokepoints?hhi=1e1000000", "parameter hhi: \"1e1000000\" is out of range: allowed 0 to 10000");
        assertRefused(400, "/chainkg/q/search?q=x&limit=0", "parameter limit", "allowed 1 to 10000");
    }

    @Test
    void badSearchSyntaxIsA400BeforeAnyResult() throws Exception {
        assertRefused(400, "/chainkg/q/search?q=" + enc("EUV AND"), "parameter q: bad search syntax near");
        assertRefused(400, "/chainkg/q/search?q=" + enc("(EUV"), "bad search syntax");
        assertEquals(200, get("/chainkg/q/search?q=" + enc("\"ion implant*\"")).statusCode());
    }

    @Test
    void xmlIsServedAndUnknownFormatsRefused() throws Exception {
        HttpResponse<String> xml = get(base, "/chainkg/q/chokepoints", "application/sparql-results+xml");
        assertEquals(200, xml.statusCode());
        assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"));
        assertTrue(xml.body().contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\""), xml.body());
        assertTrue(get("/chainkg/q/chokepoints?format=xml").body().contains("<sparql "));
        assertRefused(400, "/chainkg/q/chokepoints?format=yaml", "parameter format");
        assertEquals(406, get(base, "/chainkg/q/chokepoints", "image/png").statusCode());
        assertTrue(get(base, "/chainkg/q/chokepoints", "text/csv;q=0.5, application/sparql-results+xml").body().contains("<sparql "),
                   "the first preferred type wins");
    }

    @Test
    void tsvIsSparqlTsvAndTsvPlainHasPlainValues() throws Exception {
        HttpResponse<String> tsv = get(base, "/chainkg/q/providers-of?item=N3", "text/tab-separated-values");
        assertTrue(tsv.body().startsWith("?"), tsv.body());
        HttpResponse<String> plain = get("/chainkg/q/providers-of?item=N3&format=tsv-plain");
        assertEquals(200, plain.statusCode());
        assertFalse(plain.body().startsWith("?"), plain.body());
        assertFalse(plain.body().contains("\"@en") || plain.body().contains("^^"), plain.body());
    }

    @Test
    void absurdPagingIsRefused() throws Exception {
        assertRefused(400, "/chainkg/q/chokepoints?rows=2147483647&offset=9223372036854775807", "offset must be 0 to");
        assertRefused(400, "/chainkg/q/chokepoints?rows=2147483647", "rows must be 0 to");
    }

    @Test
    void aResultOverTheLimitIsA400NotACutBody() throws Exception {
        HttpResponse<String> big = get(tinyBase, "/chainkg/q/providers-of?item=N3", null);
        assertEquals(400, big.statusCode(), big.body());
        assertTrue(big.body().contains("parameter rows: the result is larger than this server's limit"), big.body());
        HttpResponse<String> page = get(tinyBase, "/chainkg/q/providers-of?item=N3&rows=1&format=csv", null);
        assertEquals(200, page.statusCode(), page.body());
    }
}
