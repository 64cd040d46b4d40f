package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;

/**
 * The Fuseki UI on a read-only server offers no action the server refuses: its page hides "add data", "edit"
 * and "manage" (the UI shows them whatever the dataset's services are), and the description the UI reads lists
 * no update or upload endpoint. With --allow-update the page is the UI's own. (Checked over HTTP; no browser runs here.)
 */
class ReadOnlyUiTest {
    static final HttpClient http = HttpClient.newHttpClient();

    static HttpResponse<String> get(FusekiServer s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.getPort() + path)).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReadOnlyServerHidesTheWriteActions() throws Exception {
        FusekiServer s = ChainkgServer.build(DatasetGraphFactory.createTxnMem(), 0, false, 10, 2).start();
        try {
            for (String path : new String[] {"/sparql-console/", "/sparql-console/index.html"}) {
                HttpResponse<String> page = get(s, path);
                assertEquals(200, page.statusCode());
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                String html = page.body();
                assertTrue(html.contains(ReadOnlyUi.MARK), html);
                for (String hidden : new String[] {"a[href*=\"/upload\"]", "a[href*=\"/edit\"]", "a[href*=\"/manage\"]",
                                                   "svg[data-icon=\"upload\"]", "svg[data-icon=\"pen-to-square\"]"})
                    assertTrue(html.contains(hidden), hidden);
                // The UI itself still loads.
                Matcher script = Pattern.compile("src=\"\\./(static/index-[^\"]+\\.js)\"").matcher(html);
                assertTrue(script.find(), html);
                assertEquals(200, get(s, "/sparql-console/" + script.group(1)).statusCode());
            }
            // The dataset description the UI reads: query and read endpoints only.
            String server = get(s, "/$/server").body();
            assertTrue(server.contains("\"query\""), server);
            for (String write : new String[] {"\"update\"", "\"upload\"", "\"gsp-rw\""})
                assertFalse(server.contains(write), write + " in " + server);
        } finally {
            s.stop();
        }
    }

    @Test
    void aWritableServerServesTheUiAsItIs() throws Exception {
        FusekiServer s = ChainkgServer.build(DatasetGraphFactory.createTxnMem(), 0, true, 10, 2).start();
        try {
            String html = get(s, "/sparql-console/").body();
            assertFalse(html.contains(ReadOnlyUi.MARK), html);
            assertTrue(html.contains("Apache Jena Fuseki UI"), html);
            assertTrue(get(s, "/$/server").body().contains("\"update\""));
        } finally {
            s.stop();
        }
    }
}
