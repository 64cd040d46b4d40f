package org.chainkg.source.ror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.chainkg.TestData;
import org.chainkg.source.SourceFormats;
import org.junit.jupiter.api.Test;

/** accepts(): true for ROR records in each layout, false for every other format's files. */
class RorAcceptsTest {
    static final Path DATA = Path.of("data");
    static final Path FIXTURE_ROOT = Path.of("src/test/resources/fixtures");
    final RorReader reader = new RorReader();

    @Test
    void acceptsTheFixturesInEachLayout() throws IOException {
        assertTrue(reader.accepts(List.of(RorGoldenTest.FIXTURES)));
        assertTrue(reader.accepts(List.of(RorGoldenTest.ARRAY)));
        assertTrue(reader.accepts(List.of(RorGoldenTest.JSON_LINES)));
        assertTrue(reader.accepts(List.of(RorGoldenTest.FIXTURES.resolve("01vxknj13.json"), RorGoldenTest.FIXTURES.resolve("03jp3w522.json"))));
        assertEquals("ror", SourceFormats.detect(List.of(RorGoldenTest.FIXTURES)).format());
        assertEquals("ror", SourceFormats.detect(List.of(RorGoldenTest.ARRAY)).format());
        // JSON Lines mixing ROR schema v2 and v1 records (the bundled semiconductor slice)
        assertEquals("ror", SourceFormats.detect(List.of(Path.of("data/ror-semiconductor"))).format());
    }

    @Test
    void refusesOtherFormats() throws IOException {
        List<Path> others = new ArrayList<>(List.of(TestData.ETO_MINI, TestData.ETO_REAL, Path.of("data/cordis-h2020"),
            Path.of("src/test/resources/fixtures/cordis"), Path.of("src/test/resources/fixtures/cordis/organizations.csv"),
            RorGoldenTest.FIXTURES.resolve("NOTICE.md")));
        List<Path> walked = repoSamples();
        assertTrue(walked.size() > 50, "the walk of data/ and the fixtures found only " + walked);
        others.addAll(walked);
        for (Path p : others)
            assertFalse(reader.accepts(List.of(p)), p + " is not ROR");
    }

    /** Every other format's data in the repository (data/ and the test fixtures, ROR data left out), as folders and as single files. */
    static List<Path> repoSamples() throws IOException {
        List<Path> paths = new ArrayList<>();
        for (Path root : List.of(DATA, FIXTURE_ROOT))
            try (Stream<Path> all = Files.walk(root)) {
                // ROR's own data there (the bundled sample records and the ROR fixtures with their dumps) is ROR, so not "other".
                all.filter(p -> !p.startsWith(DATA.resolve("samples/ror")) && !p.startsWith(DATA.resolve("ror-semiconductor")) && !p.startsWith(FIXTURE_ROOT.resolve("ror")))
                   .forEach(paths::add);
            }
        return paths;
    }
}
