package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.chainkg.Cli;
import org.chainkg.TestData;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.QueryRunner;
import org.chainkg.query.ResultFormat;
import org.chainkg.server.ChainkgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chainkg against a remote SPARQL store: a second chainkg server (read-write, loopback, free port) stands in for a
 * replicated Fuseki. {@code load --endpoint} PUTs the source graph and the derived graphs; {@code query --endpoint}
 * and {@code serve --endpoint} give the same answers as the same data in a local store.
 */
class RemoteStoreTest {
    @TempDir Path tmp;
    ChainStore remoteStore;
    FusekiServer remote;
    String dataset;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        remoteStore = ChainStore.open(tmp.resolve("remote-db"));
        remote = ChainkgServer.build(remoteStore.dataset(), 0, true, 30).start();
        dataset = "http://localhost:" + remote.getPort() + ChainkgServer.DATASET;
    }

    @AfterEach
    void stop() {
        remote.stop();
        remoteStore.close();
    }

    @Test
    void loadQueryAndServeAgainstARemoteStore() throws Exception {
        Cli.Result load = Cli.run("load", "--endpoint", dataset, "--format", "eto", TestData.ETO_MINI.toString());
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.err().contains("derived identity"), load.err());
        assertTrue(QueryExecHTTP.service(dataset + "/sparql").query(
            "ASK { GRAPH <https://w3id.org/chainkg/graph/derived/identity> { ?s ?p ?o } }").ask());
        // Loading again replaces the graph (PUT), it does not add to it.
        long before = count();
        assertEquals(0, Cli.run("load", "--endpoint", dataset, "--no-derive", "--format", "eto", TestData.ETO_MINI.toString()).exit());
        assertEquals(before, count());

        // The same data loaded locally: every named query answers the same through --endpoint.
        Cli.run("load", "--db", tmp.resolve("local-db").toString(), "--quiet", TestData.ETO_MINI.toString());
        for (NamedQuery q : NamedQueries.all().values()) {
            List<String> args = new ArrayList<>(List.of("query", q.name(), "--format", "csv", "--quiet"));
            // the queries across chains take their golden parameters from chains-mini; on eto-mini alone, these
            Map<String, List<String>> onEtoMini = Map.of("upstream-risk", List.of("item=N8", "country=DEU"),
                "what-if", List.of("country=CHN", "without=NLD,JPN"), "concentration-trend", List.of("item=N4"),
                "release-changes", List.of("dataset=eto-mini"));
            if (onEtoMini.containsKey(q.name())) onEtoMini.get(q.name()).forEach(p -> args.addAll(List.of("-p", p)));
            Path params = Path.of("src/test/golden/queries", q.name() + ".params");
            if (Files.exists(params))
                for (String line : Files.readAllLines(params)) if (line.contains("=")) args.addAll(List.of("-p", line.trim()));
            List<String> local = new ArrayList<>(args);
            local.addAll(List.of("--db", tmp.resolve("local-db").toString()));
            args.addAll(List.of("--endpoint", dataset + "/sparql"));
            Cli.Result l = Cli.run(local.toArray(String[]::new)), r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), q.name() + ": " + r.err());
            assertEquals(sorted(l.out()), sorted(r.out()), "remote and local answers of " + q.name());
        }

        // A page of a named query means the same remotely (OFFSET/LIMIT sent with the query).
        Cli.Result localPage = Cli.run("query", "chokepoints", "--format", "csv", "--quiet", "--offset", "1", "--rows", "2",
                                       "--db", tmp.resolve("local-db").toString());
        Cli.Result remotePage = Cli.run("query", "chokepoints", "--format", "csv", "--quiet", "--offset", "1", "--rows", "2",
                                        "--endpoint", dataset + "/sparql");
        assertEquals(0, remotePage.exit(), remotePage.err());
        assertEquals(3, remotePage.out().lines().count(), remotePage.out());
        assertEquals(localPage.out(), remotePage.out());

        // serve --endpoint: the named queries and SPARQL protocol go to the remote store.
        FusekiServer proxy = ChainkgServer.buildRemote(dataset + "/sparql", 0, 30).start();
        try {
            String base = "http://localhost:" + proxy.getPort() + ChainkgServer.DATASET;
            String csv = get(base + "/q/providers-of?item=N4&format=csv");
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (ChainStore local = ChainStore.open(tmp.resolve("local-db"))) {
                NamedQuery q = NamedQueries.get("providers-of");
                new QueryRunner(local.dataset(), 0).select(q.query(), q.bind(Map.of("item", "N4")), rows -> ResultFormat.CSV.write(rows, expected));
            }
            assertEquals(expected.toString(StandardCharsets.UTF_8), csv);
            String json = get(base + "/sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8));
            assertTrue(json.contains("\"n\""), json);
        } finally {
            proxy.stop();
        }
    }

    private long count() {
        return QueryExecHTTP.service(dataset + "/sparql").query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            .select().next().get("n").getLiteralValue() instanceof Number n ? n.longValue() : -1;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    private static List<String> sorted(String csv) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        Collections.sort(lines);
        return lines;
    }
}
