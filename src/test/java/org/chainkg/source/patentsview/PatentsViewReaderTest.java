package org.chainkg.source.patentsview;

import static org.chainkg.source.uspto.ReaderTesting.ask;
import static org.chainkg.source.uspto.ReaderTesting.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.jena.graph.Node;
import org.chainkg.rdf.Iris;
import org.chainkg.source.SourceFormats;
import org.chainkg.source.uspto.OtherFormats;
import org.chainkg.source.uspto.ReaderTesting;
import org.chainkg.source.uspto.UsptoXmlReader;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PatentsView reader on tables transcribed from real USPTO records, alone and together with the USPTO XML. */
class PatentsViewReaderTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/patentsview");
    static final Path USPTO_SINGLE = Path.of("src/test/resources/fixtures/uspto-xml/patentpublicdata");
    static final Path USPTO_BULK = Path.of("src/test/resources/fixtures/uspto-xml/bulk-ipg/ipg130416.small.xml");

    @TempDir Path tmp;
    ChainStore store;

    @BeforeEach
    void open() {
        store = ChainStore.open(tmp.resolve("db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void golden() {
        Node graph = ReaderTesting.load(store, new PatentsViewReader(), FIXTURE);
        assertEquals(Iris.sourceGraph("patentsview", "patentsview"), graph);
        ReaderTesting.assertGolden(Path.of("src/test/golden/readers/patentsview/patentsview.ttl"), ReaderTesting.data(store, graph));
    }

    @Test
    void patentFromUsptoXmlAndPatentsViewIsOneNodeWithTheUnionOfFacts() {
        ReaderTesting.load(store, new UsptoXmlReader(), USPTO_SINGLE);
        ReaderTesting.load(store, new PatentsViewReader(), FIXTURE);
        String p = "patent:US8926509B2";
        assertEquals(List.of("1"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p dcterms:identifier 'US8926509B2' }"));
        // the same title, abstract, date and kind from both sources: one value each
        assertEquals(List.of("1", "1", "1", "1"), select(store, "n",
            "SELECT (COUNT(DISTINCT ?v) AS ?n) { VALUES ?prop { dcterms:title dcterms:abstract dcterms:issued ck:patentKind } "
            + p + " ?prop ?v } GROUP BY ?prop"));
        // in both graphs, each with its own source line (the XML document starts at line 1, the g_patent row is line 6)
        assertEquals(List.of("1", "6"), select(store, "l", "SELECT ?l { GRAPH ?g { " + p + " ck:sourceLine ?l } } ORDER BY ?l"));
        // facts only the XML has (filing date, IPC, citations) and the assignee of each source
        assertTrue(ask(store, "ASK { " + p + " dcterms:dateSubmitted '2008-06-05'^^xsd:date ; ck:ipcSymbol 'A61B 5/0205' ; ck:cites patent:US4313443A }"));
        assertEquals(List.of(Iris.ID + "patentsview/assignee/placeholder-assignee-0005", Iris.ID + "uspto/assignee/hmicro-inc."),
                     select(store, "a", "SELECT ?a { " + p + " ck:assignee ?a } ORDER BY ?a"));
        assertEquals(List.of("Hmicro, Inc.", "Hmicro, Inc."), select(store, "n", "SELECT ?n { " + p + " ck:assignee/rdfs:label ?n }"));
        // the same CPC concepts from both sources
        assertEquals(List.of("8"), select(store, "n", "SELECT (COUNT(DISTINCT ?c) AS ?n) { " + p + " ck:cpcInventive ?c }"));
        assertEquals(List.of("7"), select(store, "n", "SELECT (COUNT(DISTINCT ?c) AS ?n) { " + p + " ck:cpcAdditional ?c }"));
        // 4 XML documents + 7 PatentsView rows, 3 of them the same patents
        assertEquals(List.of("8"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent }"));
    }

    @Test
    void bulkGrantsMatchTheirXmlRecords() {
        ReaderTesting.load(store, new UsptoXmlReader(), USPTO_BULK);
        ReaderTesting.load(store, new PatentsViewReader(), FIXTURE);
        for (String id : List.of("US8419845B2", "US8420456B2", "US8420530B2", "US8421615B2"))
            assertEquals(List.of("1", "1", "1"), select(store, "n", "SELECT (COUNT(DISTINCT ?v) AS ?n) { VALUES ?prop { dcterms:title "
                + "dcterms:abstract dcterms:issued } patent:" + id + " ?prop ?v } GROUP BY ?prop"), id);
        assertFalse(ask(store, "ASK { patent:US8419845B2 ck:assignee ?a }"));
        assertEquals(List.of("Research and Business Foundation, Korea University", "Samsung Electronics Co., Ltd."),
                     select(store, "n", "SELECT DISTINCT ?n { GRAPH <" + Iris.sourceGraph("patentsview", "patentsview").getURI()
                                         + "> { patent:US8421615B2 ck:assignee/rdfs:label ?n } } ORDER BY ?n"));
    }

    @Test
    void individualAssigneeMakesNoOrganisation() throws IOException {
        Path copy = ReaderTesting.copy(FIXTURE, tmp.resolve("patentsview"));
        Files.writeString(copy.resolve("g_assignee_disambiguated.tsv"),
            "\"8419845\"\t\"0\"\t\"placeholder-assignee-0099\"\t\"Anna\"\t\"Testperson\"\t\"\"\t\"5\"\t\"placeholder-location-0099\"\n",
            StandardOpenOption.APPEND);
        ReaderTesting.load(store, new PatentsViewReader(), copy);
        assertFalse(ask(store, "ASK { patent:US8419845B2 ck:assignee ?a }"));
        assertFalse(ask(store, "ASK { pv:placeholder-assignee-0099 ?p ?o }"));
        assertEquals(List.of("7"), select(store, "n", "SELECT (COUNT(?o) AS ?n) { ?o a org:Organization }"));
    }

    @Test
    void cpcTypesAndAssigneeIds() {
        ReaderTesting.load(store, new PatentsViewReader(), FIXTURE);
        assertTrue(ask(store, "ASK { patent:US8927118B2 ck:cpcInventive/skos:notation 'C07D 493/04' ; ck:cpcAdditional/skos:notation 'H01L 51/5092' }"));
        assertEquals(List.of("placeholder-assignee-0006"), select(store, "i", "SELECT ?i { patent:US8927118B2 ck:assignee/dcterms:identifier ?i }"));
        assertEquals(List.of("7"), select(store, "n", "SELECT (COUNT(?p) AS ?n) { ?p a ck:Patent }"));
        assertFalse(ask(store, "ASK { ?o ck:country ?c }"), "the assignee table has no country");
    }

    @Test
    void acceptsPatentsViewTablesOnly() {
        PatentsViewReader r = new PatentsViewReader();
        assertTrue(r.accepts(List.of(FIXTURE)));
        assertTrue(r.accepts(List.of(FIXTURE.resolve("g_patent.tsv"), FIXTURE.resolve("g_cpc_current.tsv"))));
        assertFalse(r.accepts(List.of(FIXTURE.resolve("g_cpc_current.tsv"))), "g_patent.tsv is required");
        assertFalse(r.accepts(List.of(USPTO_SINGLE)));
        assertFalse(r.accepts(List.of(USPTO_BULK)));
        for (Path other : OtherFormats.samples())
            assertFalse(r.accepts(List.of(other)), "accepts " + other);
        assertEquals("patentsview", SourceFormats.detect(List.of(FIXTURE)).format());
        assertEquals("uspto-xml", SourceFormats.detect(List.of(USPTO_BULK)).format());
        assertEquals("uspto-xml", SourceFormats.detect(List.of(USPTO_SINGLE)).format());
    }
}
