package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chainkg.IslandsFixture;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden results of technology-islands, technology-islands-outputs and chokepoint-capacity on the synthetic
 * eto-mini chain plus the islands fixture (research organisations, firms, patents, projects, a CPC mapping), whose
 * answers are worked out by hand in {@code src/test/golden/islands/README.md}. Each {@code NAME[.VARIANT].params}
 * there runs query NAME with those parameters and compares with {@code NAME[.VARIANT].csv}.
 */
class IslandsGoldenTest {
    static final Path GOLDEN = Path.of("src/test/golden/islands");
    @TempDir static Path dir;
    static ChainStore store;

    @BeforeAll
    static void open() {
        store = IslandsFixture.store(dir.resolve("db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @TestFactory
    Stream<DynamicTest> islandQueriesMatchTheirGoldenResults() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            cases = files.filter(f -> f.toString().endsWith(".params")).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no golden case in " + GOLDEN);
        for (String q : List.of("technology-islands", "technology-islands-outputs", "chokepoint-capacity"))
            assertTrue(cases.stream().anyMatch(c -> c.getFileName().toString().startsWith(q + ".")), "no golden case for " + q);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path paramsFile) throws IOException {
        String file = paramsFile.getFileName().toString();
        String base = file.substring(0, file.length() - ".params".length());
        NamedQuery q = NamedQueries.get(base.contains(".") ? base.substring(0, base.indexOf('.')) : base);
        Map<String, String> params = NamedQueryGoldenTest.params(paramsFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QueryRunner(store.dataset(), 60_000).select(q.query(), q.bind(params), rows -> ResultFormat.CSV.write(rows, out));
        List<String> actual = NamedQueryGoldenTest.lines(out.toString(StandardCharsets.UTF_8));
        List<String> expected = NamedQueryGoldenTest.lines(Files.readString(GOLDEN.resolve(base + ".csv"), StandardCharsets.UTF_8));
        assertEquals(q.columns(), List.of(actual.get(0).split(",")), "header comment's Columns differ from the result");
        assertEquals(String.join("\n", expected), String.join("\n", actual), "result of " + q.name() + " with " + params);
    }
}
