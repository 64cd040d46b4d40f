package org.chainkg.source.openalex;

import org.chainkg.source.GoldenGraphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chainkg.TestData;
import org.chainkg.source.SourceDataException;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad OpenAlex input is refused with one message naming file, the line where the bad record starts and the
 * JSON path, and the store (triples and text index) stays exactly as it was. The bad copies sit in a folder of
 * the same name as the loaded fixtures, so a partial load would have replaced the loaded graph.
 */
class OpenAlexBadInputTest {
    @TempDir static Path storeDir;
    @TempDir Path tmp;
    /** One store for the class: every test checks that its refused load left it exactly as it was. */
    static ChainStore store;
    static String before;
    static long docsBefore;
    Path bad;

    @BeforeAll
    static void loadFixtures() {
        store = ChainStore.open(storeDir.resolve("db"));
        new SourceLoader(store.dataset()).load(new OpenAlexReader(), List.of(OpenAlexReaderTest.FIXTURES), null);
        before = GoldenGraphs.dump(store);
        docsBefore = GoldenGraphs.textDocuments(store);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        bad = tmp.resolve("bad").resolve("openalex");
        TestData.copy(OpenAlexReaderTest.FIXTURES, bad);   // copies jsonl/ as an empty folder
        Files.createDirectories(bad.resolve("jsonl"));
        Files.copy(OpenAlexReaderTest.JSONL, bad.resolve("jsonl").resolve("openalex-sample.jsonl"));
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(bad.resolve(file));
        if (!text.contains(from)) throw new IllegalStateException(from + " not in " + file);
        Files.writeString(bad.resolve(file), text.replace(from, to));
    }

    private void assertRefused(List<Path> paths, String expectedMessage) {
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new OpenAlexReader(), paths, null));
        assertEquals(expectedMessage, e.getMessage());
        assertEquals(before, GoldenGraphs.dump(store), "the store changed after a refused load");
        assertEquals(docsBefore, GoldenGraphs.textDocuments(store), "the text index changed after a refused load");
    }

    @Test
    void truncatedWork() throws IOException {
        // Cut the work file in the middle (which falls inside its legacy "concepts" list).
        String text = Files.readString(bad.resolve("W2741809807.json"));
        Files.writeString(bad.resolve("W2741809807.json"), text.substring(0, text.length() / 2));
        assertRefused(List.of(bad), "W2741809807.json [line 1, field concepts[1].wikidata]: the JSON ends in "
            + "the middle of the record (the file is cut off?)");
    }

    @Test
    void jsonLinesWithABrokenSecondLine() throws IOException {
        Path jsonl = bad.resolve("jsonl").resolve("openalex-sample.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        lines.set(1, lines.get(1).substring(0, 200));
        Files.write(jsonl, lines);
        assertRefused(List.of(jsonl), "openalex-sample.jsonl [line 2, field type_id]: malformed JSON at line 2, column 201: "
            + "the line ends inside a text value (is the record cut off? a JSON Lines record must be whole on its line)");
    }

    @Test
    void jsonLinesRecordCutAfterAComma() throws IOException {
        // The parser only notices on line 3, but the message names line 2, where the broken record starts.
        Path jsonl = bad.resolve("jsonl").resolve("openalex-sample.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        lines.set(1, "{\"id\":\"https://openalex.org/I27837315\",\"display_name\":\"University of Michigan\",");
        Files.write(jsonl, lines);
        assertRefused(List.of(jsonl), "openalex-sample.jsonl [line 2, field display_name]: malformed JSON at line 3, column 1: "
            + "Unexpected character ('{' (code 123)): was expecting double-quote to start field name");
    }

    @Test
    void abstractPositionThatIsNotAWholeNumber() throws IOException {
        replace("W2741809807.json", "\"abstract_inverted_index\":{\"Despite\":[0]", "\"abstract_inverted_index\":{\"Despite\":[0.5]");
        assertRefused(List.of(bad), "W2741809807.json [line 1, field abstract_inverted_index.Despite[0]]: position 0.5 "
            + "of the word \"Despite\" is not a whole number from 0 up (the abstract is rebuilt from word positions)");
    }

    @Test
    void objectWithoutId() throws IOException {
        replace("T11636.json", "\"id\":\"https://openalex.org/T11636\",", "");
        assertRefused(List.of(bad), "T11636.json [line 1, field id]: the object has no \"id\" (every OpenAlex record "
            + "has one, e.g. \"https://openalex.org/W2741809807\")");
    }

    @Test
    void authorRecordIsNotRead() throws IOException {
        Path author = tmp.resolve("A5023888391.json");
        Files.writeString(author, "{\"id\":\"https://openalex.org/A5023888391\",\"display_name\":\"Jason Priem\"}\n",
                          StandardCharsets.UTF_8);
        assertRefused(List.of(author), "A5023888391.json [line 1, field id]: \"https://openalex.org/A5023888391\" is an "
            + "OpenAlex author id; expected a work (W...) or an institution (I...) or a topic (T...)");
    }
}
