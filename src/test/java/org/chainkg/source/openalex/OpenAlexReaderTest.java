package org.chainkg.source.openalex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAlex reader on the three real API records in fixtures/openalex (see its NOTICE.md). */
class OpenAlexReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/openalex");
    static final Path JSONL = FIXTURES.resolve("jsonl/openalex-sample.jsonl");
    static final Path GOLDEN = Path.of("src/test/golden/readers/openalex/openalex.ttl");

    @TempDir static Path tmp;
    static ChainStore store;
    static SourceLoader.LoadResult result;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        result = new SourceLoader(store.dataset()).load(new OpenAlexReader(), List.of(FIXTURES), null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void goldenGraph() {
        ReaderGolden.assertGolden(GOLDEN, ReaderGolden.dataTriples(store, result.graph()));
    }
}
