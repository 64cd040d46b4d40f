package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.QueryRunner;
import org.chainkg.source.eto.EtoChainReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a source again replaces its named graph, and the Lucene index follows: no stale or duplicate entries
 * (Jena issue #1985: clearing or replacing graphs left old entries in the index), also for SPARQL Update.
 */
class TextIndexReloadTest {
    @TempDir Path tmp;
    ChainStore store;
    Path copy;

    @BeforeEach
    void setUp() {
        store = TestData.storeWith(tmp.resolve("db"), TestData.ETO_MINI);
        copy = TestData.copy(TestData.ETO_MINI, tmp.resolve("v2").resolve("eto-mini"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Set<String> search(String words) {
        NamedQuery q = NamedQueries.get("search");
        Set<String> ids = new TreeSet<>();
        new QueryRunner(store.dataset(), 0).run(q, Map.of("q", words)).forEachRemaining(b -> ids.add(b.get("id").getLiteralLexicalForm()));
        return ids;
    }

    private SourceLoader.LoadResult load(Path dir) {
        return new SourceLoader(store.dataset()).load(new EtoChainReader(), List.of(dir), null);
    }

    @Test
    void reloadingTheSameSourceKeepsTheIndexTheSameSize() {
        long docs = StoreStatistics.textDocuments(store);
        assertTrue(docs > 20, "documents: " + docs);
        SourceLoader.LoadResult again = load(TestData.ETO_MINI);
        assertTrue(again.replaced() > 0);
        assertEquals(docs, StoreStatistics.textDocuments(store));
        assertEquals(Set.of("N2", "N3", "N4"), search("lithography"));
    }

    @Test
    void sharesWrittenWithoutADecimalPointReloadCleanly() throws IOException {
        // TDB2 stores decimals by value: "25" comes back as "25.0". Written non-canonically it could not be deleted.
        Path provision = copy.resolve("provision.csv");
        Files.writeString(provision, Files.readString(provision).replace("N1,25.0,", "N1,25,").replace("N3,100.0,", "N3,100,"));
        load(copy);
        SourceLoader.LoadResult again = load(copy);
        assertEquals(again.triples(), again.replaced(), "the second load replaces exactly what the first wrote");
        var g = SourceLoader.defaultGraph(new EtoChainReader(), List.of(copy));
        long[] quads = {0};
        Txn.executeRead(store.dataset(), () -> store.dataset().find(g, org.apache.jena.graph.Node.ANY,
            org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).forEachRemaining(q -> quads[0]++));
        assertEquals(again.triples(), quads[0], "the reload must replace the graph, not add to it");
    }

    @Test
    void renamedItemsAreFoundUnderTheirNewNameOnly() throws IOException {
        long docs = StoreStatistics.textDocuments(store);
        Path inputs = copy.resolve("inputs.csv");
        Files.writeString(inputs, Files.readString(inputs)
            .replace("N2,Lithography tools,", "N2,Patterning tools,")
            .replace("Synthetic: tools that print patterns with light.", "Synthetic: tools that print patterns.")
            .replace("extreme ultraviolet lithography scanners", "extreme ultraviolet scanners"));
        load(copy);
        assertEquals(Set.of("N4"), search("lithography"));
        assertEquals(Set.of("N2"), search("patterning"));
        assertEquals(docs, StoreStatistics.textDocuments(store));
    }

    @Test
    void clearingAGraphObjectRemovesIndexEntries() {
        // Graph.clear() is what Graph Store Protocol PUT/DELETE use; on a plain jena-text dataset it went straight
        // to TDB2 and left the Lucene entries behind (Jena issue #1985).
        var graph = SourceLoader.defaultGraph(new EtoChainReader(), List.of(TestData.ETO_MINI));
        Txn.executeWrite(store.dataset(), () -> store.dataset().getGraph(graph).clear());
        assertEquals(0, StoreStatistics.textDocuments(store));
        assertEquals(Set.of(), search("lithography"));
        load(TestData.ETO_MINI);
        Txn.executeWrite(store.dataset(), () -> store.dataset().removeGraph(graph));
        assertEquals(0, StoreStatistics.textDocuments(store));
    }

    @Test
    void sparqlDropAndClearRemoveIndexEntries() {
        String graph = SourceLoader.defaultGraph(new EtoChainReader(), List.of(TestData.ETO_MINI)).getURI();
        Txn.executeWrite(store.dataset(), () -> UpdateExec.dataset(store.dataset()).update("DROP GRAPH <" + graph + ">").execute());
        assertEquals(0, StoreStatistics.textDocuments(store));
        assertEquals(Set.of(), search("lithography"));

        load(TestData.ETO_MINI);
        assertEquals(Set.of("N2", "N3", "N4"), search("lithography"));
        Txn.executeWrite(store.dataset(), () -> UpdateExec.dataset(store.dataset()).update("CLEAR ALL").execute());
        assertEquals(0, StoreStatistics.textDocuments(store));
    }
}
