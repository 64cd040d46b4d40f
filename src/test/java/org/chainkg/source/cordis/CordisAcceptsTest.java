package org.chainkg.source.cordis;

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

/** accepts(): true for CORDIS organisations CSVs (with or without topics), false for every other format's files. */
class CordisAcceptsTest {
    /** Where the repository keeps CORDIS data: not "other" formats (their topics files alone still are). */
    static final List<Path> CORDIS_FOLDERS = List.of(Path.of("data/cordis-h2020"), CordisGoldenTest.FIXTURES,
        Path.of("src/test/resources/fixtures/research-mini/cordis"), Path.of("src/test/resources/fixtures/islands/cordis"),
        Path.of("src/test/resources/fixtures/in-engine/cordis"));
    final CordisReader reader = new CordisReader();

    @Test
    void acceptsTheFixtureAndTheRealData() {
        Path fixture = CordisGoldenTest.FIXTURES;
        assertTrue(reader.accepts(List.of(fixture)));
        assertTrue(reader.accepts(List.of(CordisReaderTest.REAL)));
        assertTrue(reader.accepts(List.of(fixture.resolve("organizations.csv"))));
        assertTrue(reader.accepts(List.of(fixture.resolve("organizations.csv"), fixture.resolve("project-topics.csv"))));
        assertEquals("cordis", SourceFormats.detect(List.of(fixture)).format());
        assertEquals("cordis", SourceFormats.detect(List.of(CordisReaderTest.REAL)).format());
    }

    @Test
    void refusesOtherFormatsAndATopicsFileAlone() throws IOException {
        List<Path> others = new ArrayList<>(List.of(TestData.ETO_MINI, TestData.ETO_REAL,
            TestData.ETO_MINI.resolve("providers.csv"), CordisGoldenTest.FIXTURES.resolve("project-topics.csv"),
            Path.of("src/test/resources/fixtures/ror"), Path.of("src/test/resources/fixtures/ror/dump/ror-three-records.json")));
        int before = others.size();
        for (Path root : List.of(Path.of("data"), Path.of("src/test/resources/fixtures")))
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(p -> CORDIS_FOLDERS.stream().noneMatch(p::startsWith)
                                || p.getFileName().toString().equals("project-topics.csv"))
                   .forEach(others::add);
            }
        assertTrue(others.size() - before > 50, "the walk of data/ and the fixtures found only " + others);
        for (Path p : others)
            assertFalse(reader.accepts(List.of(p)), p + " is not CORDIS");
    }
}
