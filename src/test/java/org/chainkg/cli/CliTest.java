package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.chainkg.Cli;
import org.chainkg.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes (0 ok, 1 runtime failure, 2 usage), data on stdout, messages on stderr. */
class CliTest {
    @TempDir Path tmp;
    String db;

    @BeforeEach
    void load() {
        db = tmp.resolve("db").toString();
        Cli.Result r = Cli.run("load", "--db", db, "--format", "eto", TestData.ETO_MINI.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("loaded"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void namedQueryAsCsvOnStdoutCreditOnStderr() throws Exception {
        Cli.Result r = Cli.run("query", "chokepoints", "--db", db, "--param", "country=USA", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("item_id,item,hhi,top_country,top_share,home_share,countries,firms,year"), r.out());
        assertTrue(r.out().contains("S2,Fabrication,1600.0,CHN,40.0,0.0,1,0,2022"), r.out());
        assertFalse(r.out().contains("ETO"));
        assertTrue(r.err().contains("ETO/CSET"), r.err());
    }

    @Test
    void onePageOfANamedQuery() throws Exception {
        Cli.Result all = Cli.run("query", "chokepoints", "--db", db, "--param", "country=USA", "--format", "csv", "--quiet");
        Cli.Result page = Cli.run("query", "chokepoints", "--db", db, "--param", "country=USA", "--format", "csv", "--quiet",
                                  "--offset", "1", "--rows", "2");
        assertEquals(0, page.exit(), page.err());
        java.util.List<String> lines = all.out().lines().toList();
        assertTrue(lines.size() > 4, all.out());
        assertEquals(java.util.List.of(lines.get(0), lines.get(2), lines.get(3)), page.out().lines().toList());
        assertEquals(2, Cli.run("query", "chokepoints", "--db", db, "--rows", "-1").exit());
        assertEquals(2, Cli.run("query", "chokepoints", "--db", db, "--offset", "-1").exit());
    }

    @Test
    void adHocSparqlAsJson() {
        Cli.Result r = Cli.run("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/chainkg/ontology#Provision> }",
                               "--db", db, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().replace(" ", "").contains("\"value\":\"27\""), r.out());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, Cli.run("frobnicate").exit());
        assertEquals(2, Cli.run("query", "chokepoints", "--db", db, "--format", "yaml").exit());
        assertEquals(2, Cli.run("load", "--db", db).exit());
        assertEquals(2, Cli.run().exit());
    }

    @Test
    void runtimeFailuresExitWith1WithOneMessage() throws Exception {
        Path bad = TestData.copy(TestData.ETO_MINI, tmp.resolve("bad").resolve("eto-mini"));
        Files.writeString(bad.resolve("provision.csv"), Files.readString(bad.resolve("provision.csv")).replace("N3,100.0", "N3,abc"));
        Cli.Result r = Cli.run("load", "--db", db, bad.toString());
        assertEquals(1, r.exit());
        assertEquals("chainkg: error: provision.csv [line 6, field share_provided]: \"abc\" is not a number "
                     + "(a share is a percent such as 12.5, or empty when unknown)\n"
                     + "nothing was loaded: the store is as it was before this load\n", r.err());
        assertFalse(r.err().contains("at org."), "no stack trace without --debug");

        Cli.Result unknownParam = Cli.run("query", "chokepoints", "--db", db, "-p", "contry=USA");
        assertEquals(2, unknownParam.exit(), "an unknown parameter is a usage error");
        assertTrue(unknownParam.err().contains("has no parameter 'contry'"), unknownParam.err());
        Cli.Result badSparql = Cli.run("query", "--sparql", "SELECT WHERE {", "--db", db);
        assertEquals(1, badSparql.exit());
        assertTrue(badSparql.err().contains("does not parse"), badSparql.err());
    }

    @Test
    void compactKeepsEveryQuadInANewGeneration() throws Exception {
        assertEquals(0, Cli.run("derive", "--db", db, "--quiet").exit(), "deriving again replaces the derived graphs");
        String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
        String quads = Cli.run("query", "--sparql", count, "--db", db, "--format", "csv", "--quiet").out();
        String chokepoints = Cli.run("query", "chokepoints", "--db", db, "--format", "csv", "--quiet").out();
        assertTrue(Long.parseLong(quads.lines().skip(1).findFirst().orElseThrow().trim()) > 100, quads);

        Cli.Result c = Cli.run("compact", "--db", db);
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.err().startsWith("compacted " + db), c.err());
        try (java.util.stream.Stream<Path> dirs = Files.list(Path.of(db, "tdb2"))) {
            assertEquals(java.util.List.of("Data-0002"), dirs.map(d -> d.getFileName().toString())
                .filter(n -> n.startsWith("Data-")).toList(), "the old generation is deleted");
        }
        assertEquals(quads, Cli.run("query", "--sparql", count, "--db", db, "--format", "csv", "--quiet").out());
        assertEquals(chokepoints, Cli.run("query", "chokepoints", "--db", db, "--format", "csv", "--quiet").out());
        assertEquals(2, Cli.run("compact", "--db", tmp.resolve("no-store").toString()).exit());
    }

    @Test
    void validateExportAndStats() {
        Cli.Result v = Cli.run("validate", "--db", db);
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.err().contains("conforms: 0 violation(s)"), v.err());

        Cli.Result e = Cli.run("export", "--db", db, "--graph", "https://w3id.org/chainkg/graph/eto/eto-mini", "--format", "nquads");
        assertEquals(0, e.exit(), e.err());
        DatasetGraph back = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(e.out().getBytes(StandardCharsets.UTF_8))).lang(Lang.NQUADS).parse(back);
        Cli.Result s = Cli.run("stats", "--db", db, "--format", "csv");
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().contains("https://w3id.org/chainkg/graph/eto/eto-mini,eto," + back.stream().count() + ","), s.out());

        Cli.Result t = Cli.run("export", "--db", db, "--format", "turtle");
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().contains("EUV scanners"));
    }

    @Test
    void validateFailsOnBrokenData() {
        String bad = "PREFIX ck: <https://w3id.org/chainkg/ontology#> INSERT DATA { GRAPH <urn:x:bad> { "
                     + "<urn:x:p> a ck:Provision ; ck:sharePercent 150.0 ; ck:shareKnown false ; ck:shareText \"150\" } }";
        try (var s = org.chainkg.store.ChainStore.open(Path.of(db))) {
            org.apache.jena.system.Txn.executeWrite(s.dataset(), () ->
                org.apache.jena.sparql.exec.UpdateExec.dataset(s.dataset()).update(bad).execute());
        }
        Cli.Result v = Cli.run("validate", "--db", db);
        assertEquals(1, v.exit());
        assertTrue(v.out().contains("urn:x:p"), v.out());
        assertTrue(v.err().contains("does not conform"), v.err());
    }

    @Test
    void serveRefusesABadAllowServiceUrl() {
        Cli.Result r = Cli.run("serve", "--db", db, "--port", "0", "--allow-service", "localhost:3031");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--allow-service localhost:3031"), r.err());
    }
}
