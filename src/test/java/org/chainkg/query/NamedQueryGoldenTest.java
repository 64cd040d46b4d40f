package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chainkg.TestData;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per named query: its CSV result on the synthetic eto-mini and research-mini fixtures must equal the golden file
 * {@code src/test/golden/queries/NAME.csv} (answers worked out by hand in that folder's README.md).
 * Parameters come from {@code NAME.params} when present. Rows compare in order when the query has ORDER BY.
 */
class NamedQueryGoldenTest {
    static final Path GOLDEN = Path.of("src/test/golden/queries");
    @TempDir static Path dir;
    static ChainStore store;

    @BeforeAll
    static void load() {
        store = TestData.researchMini(dir.resolve("db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @TestFactory
    Stream<DynamicTest> everyNamedQueryMatchesItsGoldenResult() {
        Map<String, NamedQuery> all = NamedQueries.all();
        assertFalse(all.isEmpty(), "no named query found on the classpath");
        // queries across chains and releases have their goldens on the chains-mini fixture (ChainsGoldenTest)
        return all.values().stream().filter(q -> !ChainsGoldenTest.hasGoldenHere(q.name()))
                  .map(q -> DynamicTest.dynamicTest(q.name(), () -> check(q)));
    }

    private void check(NamedQuery q) throws IOException {
        Path golden = GOLDEN.resolve(q.name() + ".csv");
        assertTrue(Files.exists(golden), "missing golden result " + golden);
        Map<String, String> params = params(GOLDEN.resolve(q.name() + ".params"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QueryRunner(store.dataset(), 60_000).select(q.query(), q.bind(params), rows -> ResultFormat.CSV.write(rows, out));
        List<String> actual = lines(out.toString(StandardCharsets.UTF_8));
        List<String> expected = lines(Files.readString(golden, StandardCharsets.UTF_8));
        assertEquals(q.columns(), List.of(actual.get(0).split(",")), "header comment's Columns differ from the result");
        if (!q.query().hasOrderBy()) {
            Collections.sort(actual.subList(1, actual.size()));
            Collections.sort(expected.subList(1, expected.size()));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), "result of " + q.name() + " with " + params);
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n")));
        out.removeIf(String::isEmpty);
        return out;
    }

    static Map<String, String> params(Path file) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        if (Files.exists(file))
            for (String line : Files.readAllLines(file))
                if (line.contains("=") && !line.startsWith("#"))
                    p.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
        return p;
    }
}
