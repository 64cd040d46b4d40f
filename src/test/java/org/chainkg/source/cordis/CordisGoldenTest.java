package org.chainkg.source.cordis;

import org.chainkg.source.GoldenModels;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CORDIS fixture (the first 39 real rows of the bundled organizations.csv and their two topics rows, see
 * fixtures/cordis/NOTICE.md) against the expected Turtle in src/test/golden/readers/cordis/, compared as graphs
 * without the PROV nodes.
 */
class CordisGoldenTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/cordis");
    static final Path GOLDEN = Path.of("src/test/golden/readers/cordis");

    @TempDir Path tmp;

    @Test
    void organisationsAndTopicsSlice() {
        GoldenModels.assertMatches(GoldenModels.load(new CordisReader(), List.of(FIXTURES), tmp), GOLDEN.resolve("slice.ttl"));
    }
}
