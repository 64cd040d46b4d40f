package org.chainkg.source.uspto;

import static org.chainkg.source.uspto.ReaderTesting.ask;
import static org.chainkg.source.uspto.ReaderTesting.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The USPTO XML reader on the real samples (single documents and a weekly bulk file) and the synthetic ASML grant. */
class UsptoXmlReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/uspto-xml");
    static final Path SINGLE = FIXTURES.resolve("patentpublicdata");
    static final Path BULK = FIXTURES.resolve("bulk-ipg/ipg130416.small.xml");
    static final Path SYNTHETIC = FIXTURES.resolve("synthetic");
    static final Path GOLDEN = Path.of("src/test/golden/readers/uspto-xml");

    /** One store with the three fixtures, each in its own graph (the tests only read it). */
    @TempDir static Path tmp;
    static ChainStore store;
    static Node single, bulk, synthetic;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        single = ReaderTesting.load(store, new UsptoXmlReader(), SINGLE);
        bulk = ReaderTesting.load(store, new UsptoXmlReader(), BULK);
        synthetic = ReaderTesting.load(store, new UsptoXmlReader(), SYNTHETIC);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A graph pattern inside the named graph of a fixture. */
    private static String in(Node graph, String pattern) {
        return "GRAPH <" + graph.getURI() + "> { " + pattern + " }";
    }

    @Test
    void goldenSingleDocuments() {
        ReaderTesting.assertGolden(GOLDEN.resolve("patentpublicdata.ttl"), ReaderTesting.data(store, single));
    }

    @Test
    void goldenBulkFile() {
        ReaderTesting.assertGolden(GOLDEN.resolve("ipg130416.small.ttl"), ReaderTesting.data(store, bulk));
    }

    @Test
    void goldenSyntheticAsmlGrant() {
        ReaderTesting.assertGolden(GOLDEN.resolve("synthetic.ttl"), ReaderTesting.data(store, synthetic));
    }

    @Test
    void graphsAreNamedAfterTheDataset() {
        assertEquals(org.chainkg.rdf.Iris.sourceGraph("uspto-xml", "patentpublicdata"), single);
        assertEquals(org.chainkg.rdf.Iris.sourceGraph("uspto-xml", "ipg130416.small"), bulk);
    }

    @Test
    void grantWithCpcAssigneeAndCitations() {
        String p = "patent:US8926509B2";
        assertEquals(List.of("Hmicro, Inc."), select(store, "n", "SELECT ?n { " + p + " ck:assignee/rdfs:label ?n }"));
        assertEquals(List.of(country("USA")), select(store, "c", "SELECT ?c { " + p + " ck:assignee/ck:country ?c }"));
        assertEquals(List.of("Wireless physiological sensor patches and systems"),
                     select(store, "t", "SELECT ?t { " + p + " dcterms:title ?t FILTER(lang(?t) = 'en') }"));
        assertTrue(select(store, "a", "SELECT ?a { " + p + " dcterms:abstract ?a }").get(0)
                       .startsWith("The present invention provides methods, devices, and systems for wireless physiological"));
        assertEquals(List.of("2015-01-06"), select(store, "d", "SELECT ?d { " + p + " dcterms:issued ?d FILTER(datatype(?d) = xsd:date) }"));
        assertEquals(List.of("2008-06-05"), select(store, "d", "SELECT ?d { " + p + " dcterms:dateSubmitted ?d }"));
        assertEquals(List.of("12134151"), select(store, "n", "SELECT ?n { " + p + " ck:applicationNumber ?n }"));
        // main-cpc and classification-value I are inventive, A additional
        assertTrue(ask(store, "ASK { " + p + " ck:cpcInventive ?c . ?c skos:notation 'A61B 5/0205' }"));
        assertTrue(ask(store, "ASK { " + p + " ck:cpcInventive ?c . ?c skos:notation 'H04L 67/125' }"));
        assertTrue(ask(store, "ASK { " + p + " ck:cpcAdditional ?c . ?c skos:notation 'A61B 2560/0209' }"));
        // 1 main + 14 further CPC: 7 further with value I, 7 with value A
        assertEquals(List.of("7", "8"), select(store, "n", "SELECT (COUNT(?c) AS ?n) { VALUES ?p { ck:cpcAdditional ck:cpcInventive } "
                                                           + p + " ?p ?c } GROUP BY ?p ORDER BY ?p"));
        assertTrue(ask(store, "ASK { " + p + " ck:ipcSymbol 'A61B 5/0205' , 'H04W 84/00' }"));
        // 160 us-citations: 130 patent citations (some to the same document) and 30 non-patent
        assertEquals(List.of("30"), select(store, "n", "SELECT (COUNT(?t) AS ?n) { " + p + " ck:citesNonPatent ?t }"));
        assertTrue(ask(store, "ASK { " + p + " ck:cites patent:US4313443A , patent:US20010003163A1 }"));
        assertEquals(List.of(country("USA")), select(store, "c", "SELECT DISTINCT ?c { " + p + " ck:inventorCountry ?c }"));
    }

    @Test
    void lawFirmsAreNeverAssignees() {
        for (String firm : List.of("Sughrue Mion, PLLC", "Wilson Sonsini Goodrich & Rosati", "Cuenot, Forsythe & Kim, LLC",
                                   "Oblon, Spivak, McClelland, Maier & Neustadt, L.L.P."))
            assertFalse(ask(store, "ASK { ?o rdfs:label|ck:sourceName \"" + firm + "\" }"), firm + " became a node");
        assertEquals(List.of("0"), select(store, "n", "SELECT (COUNT(?o) AS ?n) { ?o a org:Organization FILTER NOT EXISTS { ?p ck:assignee ?o } }"));
    }

    @Test
    void grantWithoutCpcAndApplicationV40() {
        assertFalse(ask(store, "ASK { patent:US8930553B2 ck:cpcInventive|ck:cpcAdditional ?c }"), "no CPC is invented");
        assertEquals(List.of("G06F 15/16"), select(store, "s", "SELECT ?s { patent:US8930553B2 ck:ipcSymbol ?s }"));
        assertEquals(List.of(country("ISR"), country("USA")),
                     select(store, "c", "SELECT ?c { patent:US8930553B2 ck:inventorCountry ?c } ORDER BY ?c"));
        String app = "patent:US20050004974A1";
        assertEquals(List.of("A1"), select(store, "k", "SELECT ?k { " + app + " ck:patentKind ?k }"));
        assertEquals(List.of("Xerox Corporation"), select(store, "n", "SELECT ?n { " + app + " ck:assignee/rdfs:label ?n }"));
        assertFalse(ask(store, "ASK { " + app + " ck:assignee/ck:country ?c }"), "the v4.0 assignee gives no country");
        assertEquals(List.of("G06F 15/16"), select(store, "s", "SELECT ?s { " + app + " ck:ipcSymbol ?s }"));
        assertEquals(List.of(country("USA")), select(store, "c", "SELECT ?c { " + app + " ck:inventorCountry ?c }"));
    }

    @Test
    void bulkFileDocumentsSequenceListingsAndQuirks() {
        assertEquals(List.of("25"), select(store, "n", "SELECT (COUNT(?p) AS ?n) { " + in(bulk, "?p a ck:Patent") + " }"));
        // the two sequence listings are counted in the file's record count and the graph's title, not as patents
        assertEquals(List.of("27"), select(store, "n", "SELECT ?n { " + in(bulk, "?f a ck:SourceFile ; ck:rowCount ?n") + " }"));
        assertEquals(List.of("USPTO full-text patent XML (ipg130416.small): 25 patent documents, 2 sequence listings skipped"),
                     select(store, "t", "SELECT ?t { <" + bulk.getURI() + "> dcterms:title ?t }"));
        assertFalse(ask(store, "ASK { VALUES ?p { patent:US8420053B2 patent:US8420317B2 } ?p ?x ?y }"));
        // each document's record starts at its own XML declaration line
        assertEquals(List.of("18989"), select(store, "l", "SELECT ?l { patent:US8420456B2 ck:sourceLine ?l }"));
        assertEquals(List.of("1449"), select(store, "l", "SELECT ?l { patent:USD680199S1 ck:sourceLine ?l }"));
        // a design patent: no abstract, no IPCR; 2013 grants carry no CPC
        assertFalse(ask(store, "ASK { patent:USD680087S1 dcterms:abstract|ck:ipcSymbol ?x }"));
        assertEquals(List.of("Sharp Kabushiki Kaisha"), select(store, "n", "SELECT ?n { patent:USD680087S1 ck:assignee/rdfs:label ?n }"));
        assertFalse(ask(store, "ASK { " + in(bulk, "?p ck:cpcInventive|ck:cpcAdditional ?c") + " }"));
        assertFalse(ask(store, "ASK { patent:US8419845B2 ck:assignee ?a }"), "the air filter grant has no assignee");
        assertEquals(List.of("Research and Business Foundation, Korea University", "Samsung Electronics Co., Ltd."),
                     select(store, "n", "SELECT ?n { patent:US8421615B2 ck:assignee/rdfs:label ?n } ORDER BY ?n"));
        // Samsung Electronics is assignee of two grants of the file: one organisation node
        assertEquals(List.of("2"), select(store, "n", "SELECT (COUNT(?p) AS ?n) { ?p ck:assignee ?o . ?o rdfs:label 'Samsung Electronics Co., Ltd.' }"));
        assertEquals(List.of("1"), select(store, "n", "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o rdfs:label 'Samsung Electronics Co., Ltd.' }"));
        assertEquals(List.of("H01L 21/00"), select(store, "s", "SELECT ?s { patent:US8420456B2 ck:ipcSymbol ?s }"));
        assertEquals(List.of(country("FRA"), country("IND"), country("SGP")),
                     select(store, "c", "SELECT ?c { patent:US8420530B2 ck:inventorCountry ?c } ORDER BY ?c"));
    }

    @Test
    void syntheticAsmlGrant() {
        String p = "patent:US99000001B2";
        assertEquals(List.of("ASML Netherlands B.V."), select(store, "n", "SELECT ?n { " + p + " ck:assignee/rdfs:label ?n }"));
        assertEquals(List.of("ASML  Netherlands B.V."), select(store, "n", "SELECT ?n { " + p + " ck:assignee/ck:sourceName ?n }"));
        assertEquals(List.of(country("NLD")), select(store, "c", "SELECT ?c { " + p + " ck:assignee/ck:country ?c }"));
        assertEquals(List.of("G03F 7/70", "G03F 7/70033"), select(store, "s",
            "SELECT ?s { " + p + " ck:cpcInventive/skos:notation ?s } ORDER BY ?s"));
        assertEquals(List.of("H01L 21/027"), select(store, "s", "SELECT ?s { " + p + " ck:cpcAdditional/skos:notation ?s }"));
        // the person assignee makes no organisation, the applicant is not read, the description's patcit is no citation
        assertEquals(List.of("1"), select(store, "n", "SELECT (COUNT(?o) AS ?n) { " + in(synthetic, "?o a org:Organization") + " }"));
        assertFalse(ask(store, "ASK { ?o rdfs:label 'Anna Testperson' }"));
        assertEquals(List.of(patent("EP1000000"), patent("US8926509B2")),
                     select(store, "c", "SELECT ?c { " + p + " ck:cites ?c } ORDER BY ?c"));
        assertEquals(List.of("SYNTHETIC TEST RECORD: EUV lithographic apparatus & method with a 13.5 nm source"),
                     select(store, "t", "SELECT ?t { " + p + " dcterms:title ?t }"));
        assertEquals(List.of("SYNTHETIC abstract. A lithographic apparatus projects a patterned beam of EUV radiation (\u03bb=13.5 nm) "
                             + "onto a substrate coated with a resist layer of H2-free material. The projection system uses multilayer mirrors."),
                     select(store, "a", "SELECT ?a { " + p + " dcterms:abstract ?a }"));
    }

    @Test
    void acceptsUsptoXmlOnly() {
        UsptoXmlReader r = new UsptoXmlReader();
        assertTrue(r.accepts(List.of(SINGLE)));
        assertTrue(r.accepts(List.of(BULK)));
        assertTrue(r.accepts(List.of(SYNTHETIC)));
        assertTrue(r.accepts(List.of(SINGLE.resolve("US20050004974A1.xml"), BULK)));
        assertFalse(r.accepts(List.of(Path.of("src/test/resources/fixtures/eto-mini"))));
        assertFalse(r.accepts(List.of(Path.of("src/test/resources/fixtures/patentsview"))));
        assertFalse(r.accepts(List.of(SINGLE.resolve("NOTICE.md"))));
        for (Path other : OtherFormats.samples())
            assertFalse(r.accepts(List.of(other)), "accepts " + other);
        assertEquals("ipg130416.small", r.datasetKey(List.of(BULK)));
        assertEquals("patentpublicdata", r.datasetKey(List.of(SINGLE)));
    }

    private static String country(String alpha3) {
        return org.chainkg.rdf.Iris.country(alpha3).getURI();
    }

    private static String patent(String id) {
        return PatentNumbers.iri(id).getURI();
    }
}
