package org.chainkg.source.uspto;

import static org.chainkg.source.uspto.ReaderTesting.assertRefused;
import static org.chainkg.source.uspto.ReaderTesting.copy;
import static org.chainkg.source.uspto.ReaderTesting.replace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad USPTO XML is refused with one message naming file, line (where the document starts) and element path, and
 * the store (triples and text index) stays exactly as it was. Each bad copy has the dataset name of a loaded
 * fixture, so a partial load would have replaced that graph.
 */
class UsptoXmlBadInputTest {
    /** One store for the class: every test asserts that its refused load left the store exactly as it was. */
    @TempDir static Path shared;
    static ChainStore store;
    Path tmp;
    Path single;

    @BeforeAll
    static void loadFixtures() {
        store = ChainStore.open(shared.resolve("db"));
        ReaderTesting.load(store, new UsptoXmlReader(), UsptoXmlReaderTest.SINGLE);
        ReaderTesting.load(store, new UsptoXmlReader(), UsptoXmlReaderTest.BULK);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void copyFixture(TestInfo test) {
        tmp = shared.resolve(test.getTestMethod().orElseThrow().getName());
        single = copy(UsptoXmlReaderTest.SINGLE, tmp.resolve("bad/patentpublicdata"));
    }

    private void refused(String message, Path path) {
        assertRefused(store, new UsptoXmlReader(), message, path);
    }

    @Test
    void truncatedElementInASingleDocument() throws IOException {
        Path f = single.resolve("US08930553.xml");
        String s = Files.readString(f);
        Files.writeString(f, s.substring(0, s.indexOf("<invention-title id=\"d2e53\">Managing mid-dialog") + 47));
        refused("US08930553.xml [line 1, field us-patent-grant/us-bibliographic-data-grant/invention-title]: malformed XML "
                + "at line 45, column 48: XML document structures must start and end within the same entity. "
                + "(in the document that starts at line 1)", single);
    }

    @Test
    void brokenDocumentInTheMiddleOfABulkFile() {
        Path bulk = copy(UsptoXmlReaderTest.BULK, tmp.resolve("bad/bulk"));
        // the 17th document (grant 8420456, from line 18989) loses the end tag of its title
        replace(bulk, "Method of manufacturing for thin film transistor</invention-title>", "Method of manufacturing for thin film transistor");
        refused("ipg130416.small.xml [line 18989, field us-patent-grant/us-bibliographic-data-grant/invention-title]: malformed XML "
                + "at line 19524, column 3: The element type \"invention-title\" must be terminated by the matching end-tag "
                + "\"</invention-title>\". (in the document that starts at line 18989)", bulk);
    }

    @Test
    void xmlOfAnotherKind() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("bad/other"));
        Files.writeString(other.resolve("catalog.xml"), "<?xml version=\"1.0\"?>\n<catalog>\n<book id=\"1\"/>\n</catalog>\n");
        refused("catalog.xml [line 1, field catalog]: the root element <catalog> is not a USPTO patent document (expected "
                + "us-patent-grant, us-patent-application or sequence-cwu); is uspto-xml the right format for this file?", other);
    }

    @Test
    void epoOpsXmlGivenAsUsptoXml() throws IOException {
        // an EPO OPS answer in the shape of the OPS samples (synthetic, two lines)
        Path f = Files.createDirectories(tmp.resolve("bad/epo")).resolve("biblio.xml");
        Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet type=\"text/xsl\" href=\"/3.2/style/exchange.xsl\"?>\n"
            + "<ops:world-patent-data xmlns=\"http://www.epo.org/exchange\" xmlns:ops=\"http://ops.epo.org\"><exchange-documents/></ops:world-patent-data>\n");
        refused("biblio.xml [line 1, field ops:world-patent-data]: the root element <ops:world-patent-data> is not a USPTO patent "
                + "document (expected us-patent-grant, us-patent-application or sequence-cwu); is uspto-xml the right format for this file?", f);
    }

    @Test
    void realEpoOpsSampleGivenAsUsptoXml() {
        Path epo = Path.of("data/samples/epo-ops/biblio_example_2.xml");
        refused("biblio_example_2.xml [line 1, field ops:world-patent-data]: the root element <ops:world-patent-data> is not a "
                + "USPTO patent document (expected us-patent-grant, us-patent-application or sequence-cwu); is uspto-xml the right "
                + "format for this file?", epo);
    }

    @Test
    void publicationDateThatIsNotADate() {
        replace(single.resolve("US08926509.xml"), "<kind>B2</kind>\n<date>20150106</date>", "<kind>B2</kind>\n<date>20150132</date>");
        refused("US08926509.xml [line 1, field us-patent-grant/us-bibliographic-data-grant/publication-reference/document-id/date]: "
                + "\"20150132\" is not a date (expected YYYYMMDD, e.g. 20150106)", single);
    }

    @Test
    void missingPublicationNumber() {
        replace(single.resolve("US08927118.xml"), "<doc-number>08927118</doc-number>", "");
        refused("US08927118.xml [line 1, field us-patent-grant/us-bibliographic-data-grant/publication-reference/document-id/doc-number]: "
                + "is missing or empty (every patent document needs its publication number, kind and date)", single);
    }

    @Test
    void inventorCountryThatIsNotACountryCode() {
        replace(single.resolve("US20050004974A1.xml"), "<city>Perinton</city>\n<state>NY</state>\n<country>US</country>",
                "<city>Perinton</city>\n<state>NY</state>\n<country>XX</country>");
        refused("US20050004974A1.xml [line 1, field us-patent-application/us-bibliographic-data-application/parties/applicants/"
                + "applicant/addressbook/address/country]: \"XX\" is not a two-letter ISO 3166 country code (e.g. US, JP, NL)", single);
    }

    @Test
    void cpcClassificationValueThatIsNeitherInventiveNorAdditional() {
        replace(single.resolve("US08926509.xml"), "<subgroup>0024</subgroup>\n<symbol-position>L</symbol-position>\n"
                + "<classification-value>I</classification-value>", "<subgroup>0024</subgroup>\n<symbol-position>L</symbol-position>\n"
                + "<classification-value>X</classification-value>");
        refused("US08926509.xml [line 1, field us-patent-grant/us-bibliographic-data-grant/classifications-cpc/further-cpc/"
                + "classification-cpc]: classification-value \"X\" is neither I (inventive) nor A (additional)", single);
    }

    @Test
    void emptyFile() throws IOException {
        Files.write(single.resolve("US08930553.xml"), new byte[0]);
        refused("US08930553.xml: the file is empty (expected USPTO patent XML)", single);
    }

    @Test
    void fileThatIsNotUtf8() throws IOException {
        Path f = single.resolve("US08930553.xml");
        String s = Files.readString(f).replace("Managing mid-dialog", "Manag\u00e9ing mid-dialog");
        Files.write(f, s.getBytes(StandardCharsets.ISO_8859_1));
        refused("US08930553.xml [line 45]: the file is not UTF-8 (byte 0xE9 at byte 34 of the line cannot be decoded); "
                + "its bytes look like windows-1252: save it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8", single);
    }
}
