package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.chainkg.Cli;
import org.chainkg.TestData;
import org.chainkg.cli.Main;
import org.chainkg.cli.ServeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 12 of the hardening issue: a GROUP_CONCAT over a cross product on a server with a 256 MB heap and a long
 * timeout (120 s) is stopped for memory (503, well before the timeout, by the memory guard or as a memory
 * refusal) instead of a 500 "Java heap space" page, and the server answers afterwards. A child JVM, so that the heap is small.
 */
class MemoryGuardTest {
    @Test
    void aGroupConcatThatWouldFillTheHeapIsStopped(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        assertEquals(0, Cli.run("load", "--db", db.toString(), "--quiet", TestData.ETO_MINI.toString()).exit());
        Path log = tmp.resolve("serve.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                                           "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                                           "serve", "--db", db.toString(), "--port", "0", "--timeout", "120")
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path portFile = db.resolve(ServeCommand.PORT_FILE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
                assertTrue(serve.isAlive() && System.nanoTime() < deadline, Files.readString(log));
                Thread.sleep(200);
            }
            String base = "http://localhost:" + Files.readString(portFile).trim();
            HttpClient http = HttpClient.newHttpClient();
            String q = "SELECT (GROUP_CONCAT(CONCAT(STR(?o1), STR(?o2), STR(?o1), STR(?o2))) AS ?all) "
                       + "{ ?a ?p ?o1 . ?b ?q ?o2 . ?c ?r ?o3 FILTER(isLiteral(?o1) && isLiteral(?o2)) }";
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql?query="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(100)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            String out = Files.readString(log);
            assertEquals(503, r.statusCode(), "after " + seconds + " s: " + out);
            assertTrue(seconds < 100, "stopped before the timeout: " + seconds + " s");
            // Stopped by the guard, or (a buffer doubling past the heap in one step) by the endpoint's 503 for memory.
            assertTrue(out.contains("stopped the query that had run longest") || r.body().contains("more memory than this server has"),
                       r.body() + "\n" + out);
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql?query=ASK%7B%7D")).GET().build(),
                                        HttpResponse.BodyHandlers.ofString()).statusCode(), "the server answers afterwards");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }
}
