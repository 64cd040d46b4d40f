package org.chainkg.source.ror;

import org.chainkg.source.GoldenModels;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ROR fixtures (real records, see fixtures/ror/NOTICE.md) against the expected Turtle in
 * src/test/golden/readers/ror/, compared as graphs without the PROV nodes.
 */
class RorGoldenTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ror");
    static final Path ARRAY = FIXTURES.resolve("dump/ror-three-records.json");
    static final Path JSON_LINES = FIXTURES.resolve("dump/ror-three-records.jsonl");
    static final Path GOLDEN = Path.of("src/test/golden/readers/ror");

    @TempDir Path tmp;

    @Test
    void folderOfRecordFiles() {
        GoldenModels.assertMatches(GoldenModels.load(new RorReader(), List.of(FIXTURES), tmp), GOLDEN.resolve("records.ttl"));
    }

    @Test
    void jsonArrayAsInTheDataDump() {
        GoldenModels.assertMatches(GoldenModels.load(new RorReader(), List.of(ARRAY), tmp), GOLDEN.resolve("array.ttl"));
    }

    @Test
    void jsonLines() {
        GoldenModels.assertMatches(GoldenModels.load(new RorReader(), List.of(JSON_LINES), tmp), GOLDEN.resolve("jsonl.ttl"));
    }
}
