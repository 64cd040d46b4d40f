package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.source.SourceFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new graph is written by TDB2's parallel bulk loader when it is large, from the spool in one write transaction when
 * it is small, and quad by quad with {@code --no-bulk}: all three give the same quads and the same text index.
 */
class BulkGraphLoadTest {
    @TempDir Path dir;

    @AfterEach
    void reset() {
        System.clearProperty("chainkg.bulkMinQuads");
    }

    @Test
    void parallelLoaderSpoolTransactionAndNoBulkGiveTheSameStore() {
        System.setProperty("chainkg.bulkMinQuads", "0");
        Set<String> parallel = load(dir.resolve("parallel"), true);
        System.setProperty("chainkg.bulkMinQuads", "1000000000");
        Set<String> spooled = load(dir.resolve("spooled"), true);
        System.clearProperty("chainkg.bulkMinQuads");
        Set<String> transactional = load(dir.resolve("transactional"), false);
        assertTrue(parallel.size() > 500, "loaded " + parallel.size());
        assertEquals(transactional, parallel);
        assertEquals(transactional, spooled);
    }

    /** The quads (load records left out: their times and ids differ) and the text index's answers to a few words. */
    private static Set<String> load(Path db, boolean bulk) {
        try (ChainStore store = ChainStore.open(db)) {
            SourceLoader loader = new SourceLoader(store.dataset(), LoadProgress.NONE, bulk);
            for (Path p : List.of(TestData.ETO_MINI, TestData.RESEARCH_MINI.resolve("patentsview"), TestData.RESEARCH_MINI.resolve("cordis")))
                loader.load(SourceFormats.detect(List.of(p)), List.of(p), null);
            Set<String> out = new TreeSet<>();
            Txn.executeRead(store.dataset(), () -> {
                for (var it = store.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
                    Quad q = it.next();
                    String s = q.toString();
                    if (!s.contains("/id/load/") && !s.contains("http://www.w3.org/ns/prov#")) out.add(s);
                }
                for (String word : List.of("lithography", "photoresist", "university", "scanner"))
                    store.textIndex().query((Node) null, word, null, null, 1000).forEach(m -> out.add("text " + word + " " + m.getNode()));
            });
            return out;
        }
    }
}
