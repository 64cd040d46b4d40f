package org.chainkg.source.ppubs;

import static org.chainkg.source.uspto.ReaderTesting.ask;
import static org.chainkg.source.uspto.ReaderTesting.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.chainkg.rdf.Iris;
import org.chainkg.source.SourceFormats;
import org.chainkg.source.SourceReport;
import org.chainkg.source.uspto.OtherFormats;
import org.chainkg.source.uspto.ReaderTesting;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Patent Public Search reader on real records: a golden excerpt, and the whole bundled copy. */
class PpubsReaderTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/uspto-ppubs");
    static final Path BUNDLED = Path.of("data/uspto-ppubs");
    /** The CPC groups the bundled NOTICE counts as semiconductor ones. */
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
        Node graph = ReaderTesting.load(store, new PpubsReader(), FIXTURE);
        assertEquals(Iris.sourceGraph("uspto-ppubs", "uspto-ppubs"), graph);
        ReaderTesting.assertGolden(Path.of("src/test/golden/readers/uspto-ppubs/uspto-ppubs.ttl"), ReaderTesting.data(store, graph));
    }

    @Test
    void quirksOfTheService() {
        ReaderTesting.load(store, new PpubsReader(), FIXTURE);
        // placeholder titles are no titles
        assertFalse(ask(store, "ASK { ?p dcterms:title ?t FILTER(?t IN ('TEXT NOT AVAILABLE'@en, 'OCR SCANNED DOCUMENT'@en)) }"));
        assertTrue(ask(store, "ASK { patent:US1000000A a ck:Patent ; dcterms:issued '1911-08-08'^^xsd:date }"));
        // the HTML abstract is plain text; entities in names are decoded
        assertFalse(ask(store, "ASK { ?p dcterms:abstract ?a FILTER(CONTAINS(?a, '<') || CONTAINS(?a, '&')) }"));
        assertTrue(ask(store, "ASK { ?o rdfs:label 'Toyota Motor Engineering & Manufacturing North America, Inc.' ; "
                              + "ck:sourceName 'Toyota Motor Engineering &amp; Manufacturing North America, Inc.' }"));
        // individuals ("Last; First") make no organisation
        assertFalse(ask(store, "ASK { ?o rdfs:label ?n FILTER(CONTAINS(?n, ';')) }"));
        assertFalse(ask(store, "ASK { patent:US11803925B1 ck:assignee ?o }"));
        // countries from the document response and from the extract
        assertEquals(List.of("SGP"), select(store, "c", "SELECT DISTINCT ?c { patent:US11557320B1 ck:assignee/ck:country/skos:notation ?c }"));
        assertEquals(List.of("JPN", "USA"), select(store, "c",
            "SELECT ?c { patent:US11554716B1 ck:assignee/ck:country/skos:notation ?c } ORDER BY ?c"));
        // a patent in the document response and in the extract is one node, with one title and one date
        assertEquals(List.of("1", "1"), select(store, "n", "SELECT (COUNT(DISTINCT ?v) AS ?n) { VALUES ?prop { dcterms:title "
            + "dcterms:issued } patent:US6103599A ?prop ?v } GROUP BY ?prop"));
        // the pre-2026 H01L group as printed, with its broader chain
        assertTrue(ask(store, "ASK { patent:US6103599A ck:cpcInventive/skos:notation 'H01L 21/76254' . "
                              + "cpc:H01L21-76254 skos:broader+ cpc:H01L }"));
        assertEquals(List.of("11"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent }"));
    }

    @Test
    void bundledCopy() {
        SourceReport.FileReport[] files = new SourceLoader(store.dataset()).load(new PpubsReader(), List.of(BUNDLED), null)
            .report().files().toArray(SourceReport.FileReport[]::new);
        assertEquals(List.of("biblio.json 129", "doc.json 31", "patents_biblio.jsonl 1354"),
            java.util.Arrays.stream(files).map(f -> f.name() + " " + f.rows()).toList());
        assertEquals(List.of("1354"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent }"));
        assertEquals(List.of("157"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent ; "
            + "ck:cpcInventive|ck:cpcAdditional ?c . ?c skos:notation ?cn " + SEMICONDUCTOR + " }"));
        assertEquals(List.of("153"), select(store, "n", "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a ck:Patent ; dcterms:title ?t ; "
            + "ck:assignee ?o ; ck:cpcInventive|ck:cpcAdditional ?c . ?c skos:notation ?cn " + SEMICONDUCTOR + " }"));
        assertEquals(List.of("28"), select(store, "n",
            "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?p ck:assignee ?o . ?o ck:country ?c }"));
        // CEA: five spellings kept as labels, on two nodes (names differing only in case and punctuation share one;
        // the name since 2010, "... et aux Energies Alternatives", is another)
        assertEquals(List.of("5"), select(store, "n", "SELECT (COUNT(DISTINCT ?l) AS ?n) { ?p ck:assignee/rdfs:label ?l "
            + "FILTER(REGEX(?l, 'commissariat', 'i')) }"));
        assertEquals(List.of("2"), select(store, "n", "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?p ck:assignee ?o . ?o rdfs:label ?l "
            + "FILTER(REGEX(?l, 'commissariat', 'i')) }"));
    }

    @Test
    void acceptsPatentPublicSearchFilesOnly() {
        PpubsReader r = new PpubsReader();
        assertTrue(r.accepts(List.of(FIXTURE)));
        assertTrue(r.accepts(List.of(BUNDLED)));
        for (String f : List.of("biblio.json", "doc.json", "patents_biblio.jsonl"))
            assertTrue(r.accepts(List.of(FIXTURE.resolve(f))), f);
        assertFalse(r.accepts(List.of(Path.of("data/patentsview-api"))));
        assertFalse(r.accepts(List.of(Path.of("src/test/resources/fixtures/patentsview"))));
        for (Path other : OtherFormats.samples())
            assertFalse(r.accepts(List.of(other)), "accepts " + other);
        // every other format's data in the repository, as folders and as single files
        try (var all = java.nio.file.Files.walk(Path.of("data")); var fixtures = java.nio.file.Files.walk(Path.of("src/test/resources/fixtures"))) {
            List<Path> others = java.util.stream.Stream.concat(all, fixtures)
                .filter(p -> !p.startsWith(BUNDLED) && !p.startsWith(FIXTURE)).toList();
            assertTrue(others.size() > 50, "the walk found only " + others);
            for (Path p : others)
                assertFalse(r.accepts(List.of(p)), p + " is not Patent Public Search data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("uspto-ppubs", SourceFormats.detect(List.of(BUNDLED)).format());
        assertEquals("uspto-ppubs", SourceFormats.detect(List.of(FIXTURE.resolve("patents_biblio.jsonl"))).format());
    }
}
