package org.chainkg.source.ppubs;

import static org.chainkg.source.uspto.ReaderTesting.assertRefused;
import static org.chainkg.source.uspto.ReaderTesting.copy;
import static org.chainkg.source.uspto.ReaderTesting.replace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.chainkg.source.uspto.ReaderTesting;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad Patent Public Search files, each made from the real fixture, are refused with one message naming file, line
 * and field, and the store (triples and text index), loaded with the fixture under the same folder name, stays
 * exactly as it was.
 */
class PpubsBadInputTest {
    @TempDir static Path shared;
    static ChainStore store;
    Path bad;

    @BeforeAll
    static void loadFixture() {
        store = ChainStore.open(shared.resolve("db"));
        ReaderTesting.load(store, new PpubsReader(), PpubsReaderTest.FIXTURE);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void copyFixture(TestInfo test) {
        bad = copy(PpubsReaderTest.FIXTURE, shared.resolve(test.getTestMethod().orElseThrow().getName()).resolve("uspto-ppubs"));
    }

    private void refused(String message) {
        assertRefused(store, new PpubsReader(), message, bad);
    }

    @Test
    void extractLineCutInsideAText() throws IOException {
        Path f = bad.resolve("patents_biblio.jsonl");
        String s = Files.readString(f);
        Files.writeString(f, s.substring(0, s.indexOf("AVAILABLE")) + s.substring(s.indexOf('\n')));
        refused("patents_biblio.jsonl [line 1, field title]: malformed JSON at line 1, column 181: the line ends inside a text "
                + "value (is the record cut off? a JSON Lines record must be whole on its line)");
    }

    @Test
    void extractRecordGivenTwice() throws IOException {
        Path f = bad.resolve("patents_biblio.jsonl");
        Files.writeString(f, Files.readString(f).lines().findFirst().orElseThrow() + "\n", StandardOpenOption.APPEND);
        refused("patents_biblio.jsonl [line 8, field guid]: the record US-1000000-A is given twice (first at "
                + "patents_biblio.jsonl line 1)");
    }

    @Test
    void responseRecordGivenTwice() {
        replace(bad.resolve("doc.json"), "\"guid\": \"US-11557320-B1\"", "\"guid\": \"US-6103599-A\"");
        refused("doc.json [line 913, field guid]: the record US-6103599-A is given twice (first at doc.json line 2)");
    }

    @Test
    void escapedNulInAText() {
        replace(bad.resolve("patents_biblio.jsonl"), "\"TEXT NOT AVAILABLE\"", "\"T\\u0000EXT NOT AVAILABLE\"");
        refused("patents_biblio.jsonl [line 1, field title]: the value holds a NUL byte (U+0000) at character 2 (control "
                + "characters are not allowed in a field; remove it, or if every other byte is NUL, convert the file from "
                + "UTF-16 to UTF-8)");
    }

    @Test
    void rawNulByte() {
        replace(bad.resolve("patents_biblio.jsonl"), "\"TEXT NOT AVAILABLE\"", "\"T\0EXT NOT AVAILABLE\"");
        refused("patents_biblio.jsonl [line 1, field title]: malformed JSON at line 1, column 173: Illegal unquoted character "
                + "((CTRL-CHAR, code 0)): has to be escaped using backslash to be included in string value");
    }

    @Test
    void cpcThatIsNotASymbol() {
        replace(bad.resolve("doc.json"), "\"cpcInventiveFlattened\": \"H01L21/30604;H01L21/76254\"",
                "\"cpcInventiveFlattened\": \"H01L21/30604;H01L21-76254\"");
        refused("doc.json [line 2, field cpcInventiveFlattened]: \"H01L21-76254\" is not a CPC symbol (expected e.g. H01L21/027)");
    }

    @Test
    void guidThatIsNotADocumentId() {
        replace(bad.resolve("biblio.json"), "\"guid\": \"US-11804839-B1\"", "\"guid\": \"US 11804839 B1\"");
        refused("biblio.json [line 237, field guid]: \"US 11804839 B1\" is not a Patent Public Search document id (expected "
                + "e.g. US-11803561-B1)");
    }

    @Test
    void publicationDateThatIsNotADate() {
        replace(bad.resolve("patents_biblio.jsonl"), "\"date_published\": \"1911-08-08\"", "\"date_published\": \"1911-08-32\"");
        refused("patents_biblio.jsonl [line 1, field date_published]: \"1911-08-32\" is not a date (expected e.g. "
                + "2023-10-31T00:00:00Z or 2023-10-31)");
    }

    @Test
    void countryThatIsNotATwoLetterCode() {
        replace(bad.resolve("doc.json"), "\"assigneeCountry\": [\n      \"SG\"", "\"assigneeCountry\": [\n      \"SGP\"");
        refused("doc.json [line 913, field assigneeCountry[0]]: \"SGP\" is not a two-letter country code (expected e.g. US, JP, "
                + "or N/A)");
    }

    @Test
    void responseCutShort() throws IOException {
        Path f = bad.resolve("biblio.json");
        String s = Files.readString(f);
        Files.writeString(f, s.substring(0, s.indexOf("\"guid\": \"US-11803925-B1\"")));
        refused("biblio.json [line 432]: the JSON ends in the middle of the record (the file is cut off?)");
    }
}
