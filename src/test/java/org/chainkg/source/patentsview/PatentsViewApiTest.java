package org.chainkg.source.patentsview;

import static org.chainkg.source.uspto.ReaderTesting.ask;
import static org.chainkg.source.uspto.ReaderTesting.assertRefused;
import static org.chainkg.source.uspto.ReaderTesting.copy;
import static org.chainkg.source.uspto.ReaderTesting.replace;
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
import org.chainkg.source.uspto.ReaderTesting;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PatentsView reader on PatentSearch API objects (patents.jsonl, assignees.jsonl, inventors.jsonl): a golden
 * excerpt of real records, the whole bundled copy, the API objects beside the bulk tables, and bad input.
 */
class PatentsViewApiTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/patentsview-api");
    static final Path BUNDLED = Path.of("data/patentsview-api");
    /** The CPC groups the bundled NOTICE counts as semiconductor ones (as in the Patent Public Search test). */
    static final String SEMICONDUCTOR = "FILTER(STRSTARTS(?cn, 'H01L') || STRSTARTS(?cn, 'H10') || STRSTARTS(?cn, 'G03F') "
        + "|| STRSTARTS(?cn, 'C23C') || STRSTARTS(?cn, 'H01J 37/') || STRSTARTS(?cn, 'B24B') || STRSTARTS(?cn, 'C30B'))";

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
        assertEquals(Iris.sourceGraph("patentsview", "patentsview-api"), graph);
        ReaderTesting.assertGolden(Path.of("src/test/golden/readers/patentsview-api/patentsview-api.ttl"), ReaderTesting.data(store, graph));
    }

    @Test
    void whatTheApiObjectsSay() {
        ReaderTesting.load(store, new PatentsViewReader(), FIXTURE);
        // the one patent with its kind gets the IRI every reader gives it; the others have no kind in the API answer
        assertTrue(ask(store, "ASK { patent:US5116621A dcterms:title 'Anti-inflammatory analgesic patch'@en ; "
                              + "dcterms:issued '1992-05-26'^^xsd:date ; ck:patentKind 'A' }"));
        assertTrue(ask(store, "ASK { patent:US7186164 a ck:Patent ; dcterms:identifier 'US7186164' FILTER NOT EXISTS { patent:US7186164 ck:patentKind ?k } }"));
        // assignee countries from assignee_country; none where it is null; individuals make no organisation
        assertEquals(List.of("USA"), select(store, "c", "SELECT ?c { patent:US7186164 ck:assignee/ck:country/skos:notation ?c }"));
        assertTrue(ask(store, "ASK { patent:US6009639 ck:assignee ?o . ?o rdfs:label 'Salomon S.A.' FILTER NOT EXISTS { ?o ck:country ?c } }"));
        assertFalse(ask(store, "ASK { patent:US7185408 ck:assignee ?o }"));
        // CPC without inventive/additional: ck:technology
        assertTrue(ask(store, "ASK { patent:US7186164 ck:technology/skos:notation 'B24B 37/22' }"));
        // assignee entities: country from assignee_lastknown_country; the entity holding only its id makes no node
        assertEquals(List.of("NOR"), select(store, "c", "SELECT ?c { pv:3417be6d-a34d-4f9b-91f3-ef52dcf30d88 ck:country/skos:notation ?c }"));
        assertFalse(ask(store, "ASK { pv:8547488a-2876-4f43-b3e4-f137ada0e957 ?p ?o }"));
        // inventors are persons: only their countries, on the patents
        assertEquals(List.of("JPN"), select(store, "c", "SELECT ?c { patent:US5116621A ck:inventorCountry/skos:notation ?c }"));
    }

    @Test
    void bundledCopy() {
        var report = new SourceLoader(store.dataset()).load(new PatentsViewReader(), List.of(BUNDLED), null).report();
        assertEquals(List.of("patents.jsonl 2214", "assignees.jsonl 104", "inventors.jsonl 82"),
            report.files().stream().map(f -> f.name() + " " + f.rows()).toList());
        assertTrue(report.credit().startsWith("USPTO PatentsView"), report.credit());
        assertEquals(List.of("2214"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent }"));
        assertEquals(List.of("59"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent ; ck:technology ?c . "
            + "?c skos:notation ?cn " + SEMICONDUCTOR + " }"));
        assertEquals(List.of("58"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent ; ck:assignee ?o ; "
            + "ck:technology ?c . ?c skos:notation ?cn " + SEMICONDUCTOR + " }"));
        assertEquals(List.of("1040"), select(store, "n", "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a org:Organization }"));
        assertEquals(List.of("1028"), select(store, "n", "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a org:Organization ; ck:country ?c }"));
    }

    @Test
    void apiObjectsBesideTheBulkTables() {
        Path both = copy(PatentsViewReaderTest.FIXTURE, tmp.resolve("patentsview"));
        for (String f : List.of("patents.jsonl", "assignees.jsonl", "inventors.jsonl")) copy(FIXTURE.resolve(f), both);
        assertEquals("patentsview", SourceFormats.detect(List.of(both)).format());
        var report = new SourceLoader(store.dataset()).load(new PatentsViewReader(), List.of(both), null).report();
        assertEquals(7, report.files().size());
        assertEquals(List.of("12"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent }"));
    }

    @Test
    void acceptsTheApiFiles() {
        PatentsViewReader r = new PatentsViewReader();
        assertTrue(r.accepts(List.of(FIXTURE)));
        assertTrue(r.accepts(List.of(BUNDLED)));
        assertTrue(r.accepts(List.of(FIXTURE.resolve("patents.jsonl"))));
        assertFalse(r.accepts(List.of(FIXTURE.resolve("assignees.jsonl"))), "patents.jsonl is required");
        assertFalse(r.accepts(List.of(Path.of("data/uspto-ppubs"))));
        assertEquals("patentsview", SourceFormats.detect(List.of(BUNDLED)).format());
    }

    private void refused(Path bad, String message) {
        // the store holds the fixture under the same folder name, so a refused load must leave it as it was
        ReaderTesting.load(store, new PatentsViewReader(), FIXTURE);
        assertRefused(store, new PatentsViewReader(), message, bad);
    }

    private Path badCopy() {
        return copy(FIXTURE, tmp.resolve("bad").resolve("patentsview-api"));
    }

    @Test
    void malformedLine() {
        Path bad = badCopy();
        replace(bad.resolve("patents.jsonl"), "{\"patent_id\":\"6009639\",", "{\"patent_id\":\"6009639\",,");
        refused(bad, "patents.jsonl [line 2, field patent_id]: malformed JSON at line 2, column 24: Unexpected character "
                     + "(',' (code 44)): was expecting double-quote to start field name");
    }

    @Test
    void patentGivenTwice() throws IOException {
        Path bad = badCopy();
        Path f = bad.resolve("patents.jsonl");
        Files.writeString(f, Files.readString(f).lines().skip(1).findFirst().orElseThrow() + "\n", StandardOpenOption.APPEND);
        refused(bad, "patents.jsonl [line 6, field patent_id]: the record 6009639 is given twice (first at line 2)");
    }

    @Test
    void nulInAName() {
        Path bad = badCopy();
        replace(bad.resolve("patents.jsonl"), "\"Salomon S.A.\"", "\"S\\u0000alomon S.A.\"");
        refused(bad, "patents.jsonl [line 2, field assignees[0].assignee_organization]: the value holds a NUL byte (U+0000) "
                     + "at character 2 (control characters are not allowed in a field; remove it, or if every other byte is "
                     + "NUL, convert the file from UTF-16 to UTF-8)");
    }

    @Test
    void countryThatIsNotATwoLetterCode() {
        Path bad = badCopy();
        replace(bad.resolve("patents.jsonl"), "\"assignee_country\":\"US\"", "\"assignee_country\":\"USA\"");
        refused(bad, "patents.jsonl [line 3, field assignees[0].assignee_country]: \"USA\" is not a two-letter country code "
                     + "(expected e.g. US, JP)");
    }

    @Test
    void cpcGroupThatIsNotASymbol() {
        Path bad = badCopy();
        replace(bad.resolve("patents.jsonl"), "\"cpc_group_id\":\"B24B37/22\"", "\"cpc_group_id\":\"B24B37-22\"");
        refused(bad, "patents.jsonl [line 4, field cpc_current[0].cpc_group_id]: \"B24B37-22\" is not a CPC symbol "
                     + "(expected e.g. H01L21/027)");
    }

    @Test
    void assigneeNamingNobody() {
        Path bad = badCopy();
        replace(bad.resolve("patents.jsonl"), "\"assignee_organization\":\"Salomon S.A.\"", "\"assignee_organization\":null");
        refused(bad, "patents.jsonl [line 2, field assignees[0].assignee_organization]: the assignee names neither an "
                     + "organisation nor a person");
    }
}
