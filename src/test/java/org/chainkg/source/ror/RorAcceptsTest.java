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
    static final Path SHARED = Path.of("../shared/data");
    final RorReader reader = new RorReader();

    @Test
    void acceptsTheFixturesInEachLayout() throws IOException {
        assertTrue(reader.accepts(List.of(RorGoldenTest.FIXTURES)));
        assertTrue(reader.accepts(List.of(RorGoldenTest.ARRAY)));
        assertTrue(reader.accepts(List.of(RorGoldenTest.JSON_LINES)));
        assertTrue(reader.accepts(List.of(RorGoldenTest.FIXTURES.resolve("01vxknj13.json"), RorGoldenTest.FIXTURES.resolve("03jp3w522.json"))));
        assertEquals("ror", SourceFormats.detect(List.of(RorGoldenTest.FIXTURES)).format());
        assertEquals("ror", SourceFormats.detect(List.of(RorGoldenTest.ARRAY)).format());
    }

    @Test
    void refusesOtherFormats() throws IOException {
        List<Path> others = new ArrayList<>(List.of(TestData.ETO_MINI, TestData.ETO_REAL, Path.of("data/cordis-h2020"),
            Path.of("src/test/resources/fixtures/cordis"), Path.of("src/test/resources/fixtures/cordis/organizations.csv"),
            RorGoldenTest.FIXTURES.resolve("NOTICE.md")));
        others.addAll(sharedSamples());
        for (Path p : others)
            assertFalse(reader.accepts(List.of(p)), p + " is not ROR");
    }

    /** Every other format's sample in ../shared/data (ROR data left out), as folders and as single files (none when it is absent). */
    static List<Path> sharedSamples() throws IOException {
        List<Path> paths = new ArrayList<>();
        if (!Files.isDirectory(SHARED)) return paths;
        try (Stream<Path> all = Files.walk(SHARED)) {
            // ROR's own data there (the sample records and the ror-semiconductor extract) is ROR, so not "other".
            all.filter(p -> !p.startsWith(SHARED.resolve("samples/ror")) && !p.startsWith(SHARED.resolve("ror-semiconductor")))
               .forEach(paths::add);
        }
        return paths;
    }
}
