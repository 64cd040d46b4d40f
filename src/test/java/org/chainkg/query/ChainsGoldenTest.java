package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
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
 * The named queries across chains, tiers and releases (upstream-risk, what-if, concentration-trend, release-changes) on
 * the synthetic chains-mini fixture ({@link TestData#chainsMini}): each {@code src/test/golden/chains/NAME[@case].params}
 * runs query NAME with those parameters and must give {@code NAME[@case].csv} (worked out by hand in that folder's
 * README.md).
 */
class ChainsGoldenTest {
    static final Path GOLDEN = Path.of("src/test/golden/chains");
    @TempDir static Path dir;
    static ChainStore store;

    @BeforeAll
    static void load() {
        store = TestData.chainsMini(dir.resolve("db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The queries whose goldens are here rather than in src/test/golden/queries. */
    static boolean hasGoldenHere(String query) {
        return Files.exists(GOLDEN.resolve(query + ".csv"));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsGoldenResult() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            cases = files.filter(f -> f.getFileName().toString().endsWith(".params")).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no golden cases in " + GOLDEN);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path paramsFile) throws IOException {
        String caseName = paramsFile.getFileName().toString().replaceFirst("\\.params$", "");
        String query = caseName.replaceFirst("@.*$", "");
        NamedQuery q = NamedQueries.all().get(query);
        if (q == null) throw new AssertionError("golden case " + caseName + " names no query " + query);
        Map<String, String> params = NamedQueryGoldenTest.params(paramsFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner runner = new QueryRunner(store.dataset(), 60_000);
        runner.select(q.query(), q.bind(params, new ParameterDomain(runner)), rows -> ResultFormat.CSV.write(rows, out));
        List<String> actual = NamedQueryGoldenTest.lines(out.toString(StandardCharsets.UTF_8));
        List<String> expected = NamedQueryGoldenTest.lines(Files.readString(GOLDEN.resolve(caseName + ".csv"), StandardCharsets.UTF_8));
        assertEquals(q.columns(), List.of(actual.get(0).split(",")), "header comment's Columns differ from the result");
        if (!q.query().hasOrderBy()) {
            Collections.sort(actual.subList(1, actual.size()));
            Collections.sort(expected.subList(1, expected.size()));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), "result of " + caseName + " with " + params);
    }
}
