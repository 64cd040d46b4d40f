package org.chainkg.source.ror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.source.SourceDataException;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.chainkg.store.StoreStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad ROR input is refused with one message naming file, line (where the record starts) and field (a JSON path),
 * and the store (triples and text index) stays as it was. The store holds the ROR fixtures (graph .../ror/ror);
 * every bad input has the same dataset key "ror" (a copy of the folder, or a file named ror.json / ror.jsonl),
 * so a partial load would have replaced that graph.
 */
class RorBadInputTest {
    /** One store for the class: every test checks that its refused load left it exactly as it was. */
    @TempDir static Path shared;
    static ChainStore store;
    static String before;
    static long docsBefore;
    Path tmp;
    Path folder;

    @BeforeAll
    static void load() {
        store = ChainStore.open(shared.resolve("db"));
        new SourceLoader(store.dataset()).load(new RorReader(), List.of(RorGoldenTest.FIXTURES), null);
        before = dump();
        docsBefore = StoreStatistics.textDocuments(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void copyFixtures(TestInfo test) throws IOException {
        tmp = Files.createDirectories(shared.resolve(test.getTestMethod().orElseThrow().getName()));
        folder = TestData.copy(RorGoldenTest.FIXTURES, tmp.resolve("bad").resolve("ror"));
        Files.delete(folder.resolve("dump")); // the copy of the sub-folder is an empty directory
    }

    private static String dump() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS));
        return String.join("\n", new TreeSet<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))));
    }

    private void assertRefused(Path input, String expectedMessage) {
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new RorReader(), List.of(input), null));
        assertEquals(expectedMessage, e.getMessage());
        assertEquals(before, dump(), "the store changed after a refused load");
        assertEquals(docsBefore, StoreStatistics.textDocuments(store), "the text index changed after a refused load");
    }

    /** Edits one record file of the folder copy by replacing text that must occur in it. */
    private Path edit(String file, String from, String to) throws IOException {
        Path f = folder.resolve(file);
        String text = Files.readString(f);
        if (!text.contains(from)) throw new AssertionError(file + " has no " + from);
        Files.writeString(f, text.replace(from, to));
        return folder;
    }

    /** A single-file input named so that its dataset key is "ror". */
    private Path single(String name, String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("single"));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void truncatedJsonArray() throws IOException {
        List<String> lines = Files.readAllLines(RorGoldenTest.ARRAY);
        // The second record starts on line 110; the file is cut inside it.
        Path bad = single("ror.json", String.join("\n", lines.subList(0, 150)) + "\n");
        assertRefused(bad, "ror.json [line 110]: the file ends inside the record that starts on this line "
                           + "(truncated JSON: a closing } or ] is missing)");
    }

    @Test
    void truncatedRecordFile() throws IOException {
        Path f = folder.resolve("05xrrkv56.json");
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() / 2));
        assertRefused(folder, "05xrrkv56.json [line 1]: the file ends inside the record that starts on this line "
                              + "(truncated JSON: a closing } or ] is missing)");
    }

    @Test
    void jsonLinesWithOneBrokenRecord() throws IOException {
        List<String> lines = Files.readAllLines(RorGoldenTest.JSON_LINES);
        String broken = lines.get(1).replace("\"status\": \"active\"", "\"status\" \"active\"");
        int column = broken.indexOf("\"status\" \"active\"") + "\"status\" ".length() + 1;
        Path bad = single("ror.jsonl", lines.get(0) + "\n" + broken + "\n" + lines.get(2) + "\n");
        assertRefused(bad, "ror.jsonl [line 2]: malformed JSON at line 2, column " + column
                           + ": Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value");
    }

    @Test
    void arrayWithOneBadRecord() throws IOException {
        String text = Files.readString(RorGoldenTest.ARRAY);
        int third = text.indexOf("\"id\": \"https://ror.org/03jp3w522\"");
        String bad = text.substring(0, third) + text.substring(third).replaceFirst("\"status\": \"inactive\"", "\"status\": \"closed\"");
        assertRefused(single("ror.json", bad),
            "ror.json [line 207, field status]: \"closed\" is not a ROR status (active, inactive or withdrawn)");
    }

    @Test
    void recordWithoutId() throws IOException {
        edit("03jp3w522.json", "  \"id\": \"https://ror.org/03jp3w522\",\n", "");
        assertRefused(folder, "03jp3w522.json [line 1, field id]: the record has no id (a ROR record's id is its "
                              + "https://ror.org/ IRI); its display name is \"Institute of Electronic Materials Technology\"");
    }

    @Test
    void idThatIsNotARorIri() throws IOException {
        edit("03jp3w522.json", "\"id\": \"https://ror.org/03jp3w522\"", "\"id\": \"https://www.grid.ac/institutes/grid.425113.0\"");
        assertRefused(folder, "03jp3w522.json [line 1, field id]: \"https://www.grid.ac/institutes/grid.425113.0\" is not a "
                              + "ROR id (expected https://ror.org/ followed by nine characters, e.g. https://ror.org/01vxknj13)");
    }

    @Test
    void recordWithoutADisplayName() throws IOException {
        edit("03jp3w522.json", "        \"ror_display\",\n", "");
        assertRefused(folder, "03jp3w522.json [line 1, field names]: the record https://ror.org/03jp3w522 has no name of "
                              + "type ror_display (its display name, which becomes its label)");
    }

    @Test
    void unknownOrganisationType() throws IOException {
        edit("03jp3w522.json", "\"facility\"", "\"Facility\"");
        assertRefused(folder, "03jp3w522.json [line 1, field types[0]]: \"Facility\" is not a ROR organisation type (use "
                              + "archive, company, education, facility, funder, government, healthcare, nonprofit or other)");
    }

    @Test
    void relationshipToSomethingThatIsNotARorId() throws IOException {
        edit("01vxknj13.json", "\"id\": \"https://ror.org/02p2bgp27\"", "\"id\": \"02p2bgp27\"");
        assertRefused(folder, "01vxknj13.json [line 1, field relationships[3].id]: \"02p2bgp27\" is not a ROR id "
                              + "(expected https://ror.org/ followed by nine characters)");
    }

    @Test
    void wikidataIdThatIsNotAnItem() throws IOException {
        edit("01vxknj13.json", "\"Q297879\"", "\"https://www.wikidata.org/wiki/Q297879\"");
        assertRefused(folder, "01vxknj13.json [line 1, field external_ids[3].all[0]]: "
                              + "\"https://www.wikidata.org/wiki/Q297879\" is not a Wikidata item id (e.g. Q297879)");
    }

    @Test
    void schemaV1Record() throws IOException {
        edit("03jp3w522.json", "\"names\": [", "\"name\": \"Institute of Electronic Materials Technology\", \"labels\": [");
        // Read as schema v1 (it has "name" and no "names"), whose labels are {"label": …, "iso639": …}.
        assertRefused(folder, "03jp3w522.json [line 1, field labels[0].label]: is missing (a v1 label is {\"label\": …, \"iso639\": …})");
    }

    @Test
    void sameRecordTwice() throws IOException {
        Files.copy(folder.resolve("01vxknj13.json"), folder.resolve("zz-asml-again.json"));
        assertRefused(folder, "zz-asml-again.json [line 1, field id]: the record https://ror.org/01vxknj13 is given twice "
                              + "(first at 01vxknj13.json line 1)");
    }

    @Test
    void emptyFile() throws IOException {
        Files.write(folder.resolve("02c8a2j12.json"), new byte[0]);
        assertRefused(folder, "02c8a2j12.json: the file is empty (expected a ROR record, a JSON array of records, or JSON Lines)");
    }
}
