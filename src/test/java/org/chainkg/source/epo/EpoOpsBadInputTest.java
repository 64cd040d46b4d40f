package org.chainkg.source.epo;

import org.chainkg.source.GoldenGraphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
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
 * Bad OPS input is refused with one message naming file, line and element, and the store (triples and text
 * index) stays exactly as it was. The bad copies sit in a folder of the same name as the loaded fixtures, so a
 * partial load would have replaced the loaded graph.
 */
class EpoOpsBadInputTest {
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
        new SourceLoader(store.dataset()).load(new EpoOpsReader(), List.of(EpoOpsReaderTest.FIXTURES), null);
        before = GoldenGraphs.dump(store);
        docsBefore = GoldenGraphs.textDocuments(store);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void setUp() {
        bad = TestData.copy(EpoOpsReaderTest.FIXTURES, tmp.resolve("bad").resolve("epo-ops"));
    }

    private void setLine(String file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(bad.resolve(file)));
        lines.set(line - 1, text);
        Files.write(bad.resolve(file), lines);
    }

    private void assertRefused(List<Path> paths, String expectedMessage) {
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new EpoOpsReader(), paths, null));
        assertEquals(expectedMessage, e.getMessage());
        assertEquals(before, GoldenGraphs.dump(store), "the store changed after a refused load");
        assertEquals(docsBefore, GoldenGraphs.textDocuments(store), "the text index changed after a refused load");
    }

    @Test
    void malformedXml() throws IOException {
        setLine("full_cycle_example.xml", 10, "                        <kind>A1</knd>");
        assertRefused(List.of(bad), "full_cycle_example.xml [line 10]: malformed XML: The element type \"kind\" must be "
            + "terminated by the matching end-tag \"</kind>\". (in the record that starts at line 4)");
    }

    @Test
    void documentWithoutDocNumber() throws IOException {
        // The second document of the file: the first was already streamed when the error is found.
        setLine("full_cycle_example.xml", 224,
                "        <exchange-document system=\"ops.epo.org\" family-id=\"19768124\" country=\"EP\" kind=\"B1\">");
        assertRefused(List.of(bad), "full_cycle_example.xml [line 224, field exchange-document/@doc-number]: the "
            + "exchange-document has no doc-number attribute (an OPS exchange-document names its country, doc-number and kind)");
    }

    @Test
    void publicationDateThatIsNotADate() throws IOException {
        setLine("biblio_example_4.xml", 11, "                        <date>20121310</date>");
        assertRefused(List.of(bad), "biblio_example_4.xml [line 11, field exchange-document/bibliographic-data/"
            + "publication-reference/document-id/date]: \"20121310\" is not a date in the form YYYYMMDD");
    }

    @Test
    void openAlexJsonGivenAsOps() {
        assertRefused(List.of(Path.of("src/test/resources/fixtures/openalex/W2741809807.json")),
            "W2741809807.json [line 1]: this is not XML (it starts with \"{\"); an EPO OPS response is XML whose root "
            + "is ops:world-patent-data (this looks like JSON)");
    }

    @Test
    void usptoGrantGivenAsOps() {
        Path uspto = Path.of("data/samples/uspto-patentpublicdata/US08930553.xml");
        assertRefused(List.of(uspto), "US08930553.xml [line 3, field us-patent-grant]: the root element is "
            + "us-patent-grant, not ops:world-patent-data (namespace http://ops.epo.org): this is not an EPO OPS "
            + "response (it looks like USPTO patent XML)");
    }
}
