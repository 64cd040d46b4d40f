package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.chainkg.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 1 of the hardening issue, in the default suite: a load (first, on the bulk path; replacing, in one write
 * transaction) or a derive halted at a named point between its transactions leaves a store that answers every named
 * query as before or as after the command, with the text index agreeing and no journal or spool file left. The points
 * are the steps between TDB2's commit, the text index's commit and the completion marker. Every point and random
 * SIGKILLs: {@link CrashStressTest} (outside the default suite).
 */
class CrashSafetyTest extends CrashScenarios {
    static Stream<Case> cases() {
        return at("first load @ bulk.loading", "first load @ bulk.tdb-committed", "first load @ bulk.text-committed",
                  "first load @ derive.graph-done#5", "replacing load @ load.before-commit", "replacing load @ load.committed",
                  "derive @ bulk.text-committed#6", "derive @ derive.graph-done#8");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void killedCommandLeavesBeforeOrAfter(Case c) throws IOException {
        killAndCheck(c);
    }

    /**
     * A server that accepts updates is killed: jena-text commits TDB2 and then Lucene, so the journal says "text-index"
     * while it runs, and the next open rebuilds the whole text index from TDB2 (the update's literal is found, and the
     * index holds exactly one document per indexed literal).
     */
    @org.junit.jupiter.api.Test
    void killedWritableServerGetsItsTextIndexRebuilt() throws Exception {
        Path db = tmp.resolve("killed-server");
        CrashHarness.copyTree(withPatents, db);
        Path portFile = db.resolve(org.chainkg.cli.ServeCommand.PORT_FILE);
        Process serve = CrashHarness.start(tmp.resolve("killed-server.log"), List.of(), "serve", "--db", db.toString(),
                                           "--port", "0", "--allow-update");
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
                assertTrue(serve.isAlive() && System.nanoTime() < deadline, Files.readString(tmp.resolve("killed-server.log")));
                Thread.sleep(200);
            }
            assertTrue(Files.readString(db.resolve(StoreJournal.FILE)).contains(StoreJournal.TEXT_INDEX));
            var http = java.net.http.HttpClient.newHttpClient();
            var update = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + Files.readString(portFile).trim()
                    + "/chainkg/update")).header("Content-Type", "application/sparql-update")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:test:edits> { <urn:test:lab> a "
                      + "<https://w3id.org/chainkg/ontology#ResearchOrganisation> ; "
                      + "<http://www.w3.org/2000/01/rdf-schema#label> \"Zyxwvut Photonics Lab\"@en } }")).build();
            assertEquals(204, http.send(update, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            serve.destroyForcibly();
            serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        Cli.Result r = Cli.run("query", "search", "--db", db.toString(), "--format", "csv", "-p", "q=zyxwvut");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("rebuilt the whole text index"), r.err());
        assertTrue(r.out().contains("urn:test:lab"), r.out());
        assertFalse(Files.exists(db.resolve(StoreJournal.FILE)));
        try (ChainStore s = ChainStore.openExisting(db)) {
            long literals = org.apache.jena.system.Txn.calculateRead(s.dataset(), () -> {
                long n = 0;
                for (var it = s.dataset().find(); it.hasNext(); ) {
                    var q = it.next();
                    if (q.getObject().isLiteral()
                        && org.apache.jena.query.text.TextQueryFuncs.entityFromQuad(s.textIndex().getDocDef(), q) != null) n++;
                }
                return n;
            });
            assertEquals(literals, StoreStatistics.textDocuments(s), "one text document per indexed literal");
        }
    }
}
