package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.chainkg.Cli;
import org.chainkg.analytics.Derivation;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.cli.ServeCommand;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.support.VirtuosoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chainkg against OpenLink Virtuoso 7 (Debian's virtuoso-opensource, started on free loopback ports with a temporary
 * database): every named query gives the same rows on Virtuoso as on the embedded store for the bundled data (all
 * its graphs, sources, superseded release and derived, PUT through Virtuoso's Graph Store at /sparql-graph-crud), and
 * {@code load --endpoint} derives inside Virtuoso what the embedded store derives from the same sources.
 */
public class VirtuosoTest {
    @TempDir Path tmp;
    VirtuosoServer virtuoso;
    Path bundled;

    /** One server per test: the merged graphs are rebuilt after every write, so the other test's data would slow it. */
    @BeforeEach
    void start() {
        virtuoso = VirtuosoServer.start(tmp.resolve("virtuoso"));
    }

    @AfterEach
    void stop() {
        if (virtuoso != null) virtuoso.close();
    }

    /**
     * Named queries not compared: search reads Jena's Lucene index (text:query), an extension Virtuoso does not have
     * (README, "Remote stores").
     */
    static final Set<String> NOT_COMPARED = Set.of("search");

    /** Parameters where a default answers nothing on the bundled data. */
    static final Map<String, List<String>> PARAMS = Map.of(
        "what-if", List.of("-p", "without=NLD,JPN"),
        "technology-islands", List.of("-p", "country=USA", "-p", "unit=technology", "-p", "min_outputs=1"));

    /** Second parameter sets, compared too: another country's changes between the releases. */
    static final Map<String, List<String>> MORE_PARAMS = Map.of(
        "release-changes", List.of("-p", "country=USA"));

    @Test
    void namedQueriesGiveTheSameRowsOnVirtuosoAsOnTheEmbeddedStore() throws IOException {
        bundled = tmp.resolve("bundled-db");
        List<Node> graphs;
        try (ChainStore s = ChainStore.open(bundled)) {
            ServeCommand.loadMissingBundled(s);
            graphs = Txn.calculateRead(s.dataset(), () -> {
                List<Node> l = new ArrayList<>();
                s.dataset().listGraphNodes().forEachRemaining(l::add);
                return l;
            });
            for (Node g : graphs) put(s, g, virtuoso.graphStore());
        }
        // graphs PUT by hand: the pipeline's cache step builds the merged graphs the queries read
        org.chainkg.pipeline.Pipeline.remote(virtuoso.graphStore(), virtuoso.sparql()).refreshCaches();
        long remoteGraphs = QueryExecHTTP.service(virtuoso.sparql()).query(
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g <https://w3id.org/chainkg/ontology#tripleCount> ?c } }")
            .select().next().get("n").getLiteralValue() instanceof Number n ? n.longValue() : -1;
        assertEquals(graphs.size(), remoteGraphs, "every graph reached Virtuoso with its completion marker");

        List<String> compared = new ArrayList<>();
        List<Map.Entry<String, List<String>>> runs = new ArrayList<>();
        for (NamedQuery q : NamedQueries.all().values()) {
            if (NOT_COMPARED.contains(q.name())) continue;
            runs.add(Map.entry(q.name(), PARAMS.getOrDefault(q.name(), List.of())));
            if (MORE_PARAMS.containsKey(q.name())) runs.add(Map.entry(q.name(), MORE_PARAMS.get(q.name())));
        }
        for (Map.Entry<String, List<String>> run : runs) {
            NamedQuery q = NamedQueries.all().get(run.getKey());
            List<String> args = new ArrayList<>(List.of("query", q.name(), "--format", "csv", "--quiet"));
            args.addAll(run.getValue());
            List<String> localArgs = new ArrayList<>(args), remoteArgs = new ArrayList<>(args);
            localArgs.addAll(List.of("--db", bundled.toString()));
            remoteArgs.addAll(List.of("--endpoint", virtuoso.sparql()));
            Cli.Result local = Cli.run(localArgs.toArray(String[]::new));
            Cli.Result remote = Cli.run(remoteArgs.toArray(String[]::new));
            assertEquals(0, local.exit(), q.name() + ": " + local.err());
            assertEquals(0, remote.exit(), q.name() + " on Virtuoso: " + remote.err());
            List<String> l = rows(local.out()), r = rows(remote.out());
            assertTrue(l.size() > 1, q.name() + " " + run.getValue() + " answers something on the bundled data (else the comparison says nothing)");
            if (!l.equals(r)) {
                List<String> onlyLocal = new ArrayList<>(l), onlyRemote = new ArrayList<>(r);
                onlyLocal.removeAll(r);
                onlyRemote.removeAll(l);
                fail("rows of " + q.name() + " " + run.getValue() + " differ (embedded " + (l.size() - 1) + ", Virtuoso "
                     + (r.size() - 1) + "); only embedded: " + onlyLocal + "; only on Virtuoso: " + onlyRemote);
            }
            compared.add(q.name() + " " + (l.size() - 1));
        }
        assertEquals(NamedQueries.all().size() - NOT_COMPARED.size() + MORE_PARAMS.size(), compared.size(), compared.toString());
    }

    @Test
    void derivationsRunInsideVirtuosoAsOnTheEmbeddedStore() {
        Path db = loadBoth(List.of(
            List.of("--format", "eto", "src/test/resources/fixtures/eto-mini"),
            List.of("src/test/resources/fixtures/research-mini/mappings"),
            List.of("src/test/resources/fixtures/research-mini/patentsview"),
            List.of("src/test/resources/fixtures/research-mini/cordis"),
            List.of("src/test/resources/fixtures/chains-mini/usgs-mini/2024"),
            List.of("src/test/resources/fixtures/chains-mini/cross-chain.csv")), "derive-db");
        assertDerivedGraphsAgree(db, Set.of("concentration-series", "upstream"));
        // the merged graphs were kept up to date load by load and derivation by derivation (added, taken out, added):
        // they hold what a rebuild would; after a reload with other content too (the old graph taken out just before
        // the PUT, the new one added, then every derived graph taken out and added again)
        assertMergedIsTheMergeOfTheVisibleGraphs();
        Cli.Result again = Cli.run("load", "--endpoint", virtuoso.graphStore(), "--sparql", virtuoso.sparql(), "data/mappings");
        assertEquals(0, again.exit(), again.err());
        assertMergedIsTheMergeOfTheVisibleGraphs();
    }

    /** Inside Virtuoso: the merged graph has as many triples as the visible graphs have distinct ones, and each of those. */
    private void assertMergedIsTheMergeOfTheVisibleGraphs() {
        RemoteGraphs now = RemoteGraphs.of(virtuoso.sparql());
        assertTrue(now.merged(), "Virtuoso gets merged graphs");
        StringBuilder values = new StringBuilder("VALUES ?g {");
        for (Node g : now.visible()) values.append(" <").append(g.getURI()).append(">");
        values.append(" }");
        String merged = "<" + RemoteGraphs.MERGED_VISIBLE.getURI() + ">";
        long inMerged = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + merged + " { ?s ?p ?o } }");
        long distinct = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { " + values + " GRAPH ?g { ?s ?p ?o } } }");
        long missing = count("SELECT (COUNT(*) AS ?n) WHERE { " + values + " GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { GRAPH " + merged + " { ?s ?p ?o } } }");
        long extra = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + merged + " { ?s ?p ?o } FILTER NOT EXISTS { " + values + " GRAPH ?g { ?s ?p ?o } } }");
        assertEquals(0, extra, "triples of the merged graph in no visible graph");
        assertTrue(distinct > 1000, "the fixtures give the merged graph something to hold: " + distinct);
        assertEquals(distinct, inMerged, "triples in the merged graph and distinct triples of the " + now.visible().size() + " visible graphs");
        assertEquals(0, missing, "triples of a visible graph missing from the merged graph");
    }

    private long count(String query) {
        try (var q = QueryExecHTTP.service(virtuoso.sparql()).query(query).build()) {
            return Long.parseLong(q.select().next().get("n").getLiteralLexicalForm());
        }
    }

    /**
     * Lists of several values (organisation names, shared identifiers), given out of order in the synthetic
     * fixtures/in-engine set: the GROUP_CONCAT over an ordered sub-query of the in-engine updates puts them in the
     * order the Java derivations write, inside Virtuoso too.
     */
    @Test
    void inEngineListsComeInTheSameOrderInsideVirtuoso() {
        Path db = loadBoth(List.of(
            List.of("--format", "eto", "src/test/resources/fixtures/eto-mini"),
            List.of("src/test/resources/fixtures/research-mini/mappings"),
            List.of("src/test/resources/fixtures/in-engine/patentsview"),
            List.of("src/test/resources/fixtures/in-engine/cordis")), "lists-db");
        // upstream, concentration-series and text links have nothing to derive from this set
        assertDerivedGraphsAgree(db, Set.of("concentration-series", "upstream", "text-links"));
        String ck = "<https://w3id.org/chainkg/ontology#";
        assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + DerivedGraphs.PREFIX + "research-capacity> { ?c " + ck
                         + "organisationNames> ?l FILTER(CONTAINS(STR(?l), \"; \")) } }") > 0, "research capacity has name lists of several values");
        assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + DerivedGraphs.PREFIX + "collaborations> { ?c " + ck
                         + "sharedIdentifiers> ?l FILTER(CONTAINS(STR(?l), \" \")) } }") > 0, "collaborations have identifier lists of several values");
    }

    /** Loads each source into a new embedded store and (no derive but after the last) into Virtuoso. */
    private Path loadBoth(List<List<String>> loads, String name) {
        Path db = tmp.resolve(name);
        for (int i = 0; i < loads.size(); i++) {
            boolean last = i == loads.size() - 1;
            List<String> local = new ArrayList<>(List.of("load", "--quiet", "--db", db.toString()));
            local.addAll(loads.get(i));
            assertEquals(0, Cli.run(local.toArray(String[]::new)).exit());
            List<String> remote = new ArrayList<>(List.of("load", "--endpoint", virtuoso.graphStore(), "--sparql", virtuoso.sparql()));
            if (!last) remote.add("--no-derive");
            remote.addAll(loads.get(i));
            Cli.Result r = Cli.run(remote.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            if (last) assertTrue(r.err().contains("derived output-reach"), r.err());
        }
        return db;
    }

    /** Every derived graph inside Virtuoso equals the embedded store's, triple for triple (records aside). */
    private void assertDerivedGraphsAgree(Path db, Set<String> mayBeEmpty) {
        try (ChainStore s = ChainStore.open(db)) {
            for (Derivation d : DerivedGraphs.all()) {
                Node g = DerivedGraphs.graph(d);
                Set<String> embedded = Txn.calculateRead(s.dataset(), () -> {
                    Set<String> out = new TreeSet<>();
                    s.dataset().find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> { if (!GraphRecord.isRecordSubject(g, q.getSubject())) out.add(term(q.getSubject()) + " " + term(q.getPredicate()) + " " + term(q.getObject())); });
                    return out;
                });
                Set<String> remote = new TreeSet<>();
                try (var q = QueryExecHTTP.service(virtuoso.sparql()).query("SELECT ?s ?p ?o WHERE { GRAPH <" + g.getURI() + "> { ?s ?p ?o } }").build()) {
                    q.select().forEachRemaining(b -> {
                        var t = org.apache.jena.graph.Triple.create(b.get("s"), b.get("p"), b.get("o"));
                        if (!GraphRecord.isRecordSubject(g, t.getSubject())) remote.add(term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()));
                    });
                }
                assertTrue(!embedded.isEmpty() || mayBeEmpty.contains(d.name()), d.name() + " derives something from the fixtures");
                Set<String> missing = new TreeSet<>(embedded), extra = new TreeSet<>(remote);
                missing.removeAll(remote);
                extra.removeAll(embedded);
                assertTrue(missing.isEmpty() && extra.isEmpty(), "derived graph " + d.name() + " inside Virtuoso and on the embedded store: "
                    + missing.size() + " triples missing " + missing.stream().limit(4).toList() + ", " + extra.size() + " extra "
                    + extra.stream().limit(4).toList());
            }
        }
    }

    /** A term for comparison: numbers by value (Virtuoso writes 51 for the decimal 51.0), others as N-Triples. */
    public static String term(Node n) {
        if (n.isLiteral() && n.getLiteralDatatypeURI() != null && n.getLiteralDatatypeURI().endsWith("#decimal"))
            return new BigDecimal(n.getLiteralLexicalForm()).stripTrailingZeros().toPlainString() + "^^decimal";
        return org.apache.jena.sparql.util.FmtUtils.stringForNode(n);
    }

    /** CSV rows, header first, the rest sorted (tied rows may come in either order), numbers by value. */
    static List<String> rows(String csv) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        if (lines.isEmpty()) return lines;
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        lines.subList(1, lines.size()).stream().map(VirtuosoTest::numbersByValue).sorted().forEach(out::add);
        return out;
    }

    private static String numbersByValue(String line) {
        StringBuilder sb = new StringBuilder();
        for (String cell : line.split(",", -1)) {
            if (sb.length() > 0) sb.append(',');
            sb.append(cell.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(cell).stripTrailingZeros().toPlainString() : cell);
        }
        return sb.toString();
    }

    private void put(ChainStore s, Node g, String graphStore) {
        try {
            Path file = Files.createTempFile(tmp, "graph", ".nt");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                StreamRDF w = StreamRDFWriter.getWriterStream(out, Lang.NTRIPLES);
                w.start();
                Txn.executeRead(s.dataset(), () -> s.dataset().find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> w.triple(q.asTriple())));
                w.finish();
            }
            GSP.service(graphStore).graphName(g).PUT(file.toString());
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
