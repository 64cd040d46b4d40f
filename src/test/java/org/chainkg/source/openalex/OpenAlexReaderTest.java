package org.chainkg.source.openalex;

import org.chainkg.source.GoldenGraphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.chainkg.TestData;
import org.chainkg.rdf.CK;
import org.chainkg.source.SourceFormats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAlex reader on the three real API records in fixtures/openalex (see its NOTICE.md). */
class OpenAlexReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/openalex");
    static final Path JSONL = FIXTURES.resolve("jsonl/openalex-sample.jsonl");
    static final Path GOLDEN = Path.of("src/test/golden/readers/openalex/openalex.ttl");

    static final String PREFIXES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX schema: <https://schema.org/>
        PREFIX oa: <https://openalex.org/>
        """;

    @TempDir static Path tmp;
    static ChainStore store;
    static SourceLoader.LoadResult result;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        result = new SourceLoader(store.dataset()).load(new OpenAlexReader(), List.of(FIXTURES), null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void goldenGraph() {
        GoldenGraphs.assertGolden(GOLDEN, GoldenGraphs.dataTriples(store, result.graph()));
    }

    static List<String> select(ChainStore in, String query) {
        List<String> rows = new ArrayList<>();
        Txn.executeRead(in.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(in.dataset())).query(PREFIXES + query).build()) {
                ResultSet rs = qe.execSelect();
                String var = rs.getResultVars().get(0);
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    rows.add(s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.get(var).toString());
                }
            }
        });
        return new ArrayList<>(new TreeSet<>(rows));
    }

    static List<String> select(String query) {
        return select(store, query);
    }

    @Test
    void provenanceCountsRecordsPerFile() {
        assertEquals(List.of("I27837315.json=1", "T11636.json=1", "W2741809807.json=1"),
            result.report().files().stream().map(f -> f.name() + "=" + f.rows()).toList());
    }

    @Test
    void workTitleAbstractDatesAndDoi() {
        assertEquals(List.of("The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"),
            select("SELECT ?t { oa:W2741809807 dcterms:title ?t }"));
        String abs = select("SELECT ?a { oa:W2741809807 dcterms:abstract ?a }").get(0);
        // 167 distinct words at 258 positions, rebuilt in position order.
        assertTrue(abs.startsWith("Despite growing interest in Open Access (OA) to scholarly literature, there is an unmet need"), abs);
        assertTrue(abs.endsWith("as a way to inform OA policy and practice."), abs);
        assertEquals(258, abs.split(" ").length);
        assertEquals(List.of("en"), select("SELECT (LANG(?a) AS ?l) { oa:W2741809807 dcterms:abstract ?a }"));
        assertEquals(List.of("2018-02-13"), select("SELECT ?d { oa:W2741809807 dcterms:issued ?d }"));
        assertEquals(List.of("2018"), select("SELECT ?y { oa:W2741809807 ck:year ?y }"));
        assertEquals(List.of("10.7717/peerj.4375"), select("SELECT ?d { oa:W2741809807 ck:doi ?d }"));
        assertEquals(45, select("SELECT ?w { oa:W2741809807 ck:cites ?w }").size());
    }

    @Test
    void institutionTypeIsMappedWithCare() {
        // 9 authorships name 8 distinct institutions; OpenAlex types them company, funder, education, other.
        assertEquals(8, select("SELECT ?i { oa:W2741809807 ck:affiliation ?i }").size());
        assertEquals(List.of("Impact Technology Development (United States)"),
            select("SELECT ?n { oa:W2741809807 ck:affiliation ?i . ?i a ck:Firm ; rdfs:label ?n }"));
        assertEquals(List.of("Seattle University"),
            select("SELECT ?n { oa:W2741809807 ck:affiliation ?i . ?i a ck:University, ck:ResearchOrganisation ; rdfs:label ?n }"));
        // "funder" universities stay plain organisations.
        assertEquals(List.of("http://www.w3.org/ns/org#Organization"),
            select("SELECT ?t { oa:I70931966 a ?t }"));
        assertEquals(List.of("https://ror.org/0161xgx34"), select("SELECT ?r { oa:I70931966 ck:ror ?r }"));
        // Public Knowledge Project: no country; its two-entry lineage names Simon Fraser University as parent.
        assertEquals(List.of(), select("SELECT ?c { oa:I4387153203 ck:country ?c }"));
        assertEquals(List.of("https://openalex.org/I18014758"), select("SELECT ?p { oa:I4387153203 org:subOrganizationOf ?p }"));
        assertEquals(List.of("CAN", "USA"), select("SELECT ?c { oa:W2741809807 ck:authorCountry/skos:notation ?c }"));
    }

    @Test
    void workTopicsWithTheirHierarchy() {
        assertEquals(List.of("https://openalex.org/T10102", "https://openalex.org/T11937", "https://openalex.org/T13607"),
            select("SELECT ?t { oa:W2741809807 ck:topic ?t . ?t a ck:Technology, skos:Concept }"));
        assertEquals(List.of("Social Sciences"),
            select("SELECT ?l { oa:T10102 skos:broader/skos:broader/skos:broader ?d . ?d skos:prefLabel ?l ; skos:topConceptOf ?s }"));
        assertEquals(List.of("Statistics, Probability and Uncertainty"),
            select("SELECT ?l { oa:T10102 skos:broader/skos:prefLabel ?l }"));
        assertEquals(List.of("https://w3id.org/chainkg/id/openalex-topics"), select("SELECT DISTINCT ?s { oa:T10102 skos:inScheme ?s }"));
    }

    @Test
    void institutionRecord() {
        assertEquals(List.of("University of Michigan"), select("SELECT ?l { oa:I27837315 rdfs:label ?l FILTER(LANG(?l) = \"\") }"));
        assertEquals(List.of("密西根大学"), select("SELECT ?l { oa:I27837315 rdfs:label ?l FILTER(LANG(?l) = \"zh\") }"));
        assertEquals(List.of("UMich", "University of Michigan–Ann Arbor", "Université du Michigan"),
            select("SELECT ?l { oa:I27837315 skos:altLabel ?l }"));
        assertEquals(List.of("UM"), select("SELECT ?l { oa:I27837315 skos:hiddenLabel ?l }"));
        assertEquals(List.of("http://www.wikidata.org/entity/Q230492"), select("SELECT ?w { oa:I27837315 schema:sameAs ?w }"));
        assertEquals(List.of("https://ror.org/00jmfr291"), select("SELECT ?r { oa:I27837315 ck:ror ?r }"));
        assertEquals(List.of("USA"), select("SELECT ?c { oa:I27837315 ck:country/skos:notation ?c }"));
        // Typed "funder" by OpenAlex: a plain organisation.
        assertEquals(List.of(), select("SELECT ?t { oa:I27837315 a ?t FILTER(?t != org:Organization) }"));
        // 7 children point up to it; the 5 "related" institutions are not linked.
        assertEquals(7, select("SELECT ?c { ?c org:subOrganizationOf oa:I27837315 }").size());
        assertEquals(List.of(), select("SELECT ?x { ?x rdfs:label \"Hurley Medical Center\" }"));
        assertEquals(List.of("http://www.w3.org/ns/org#Organization", "https://w3id.org/chainkg/ontology#Laboratory",
                             "https://w3id.org/chainkg/ontology#ResearchOrganisation"),
            select("SELECT ?t { ?c rdfs:label \"University of Michigan Biological Station\" ; a ?t }"));
    }

    @Test
    void topicRecord() {
        assertEquals(List.of("Artificial Intelligence in Healthcare and Education"), select("SELECT ?l { oa:T11636 skos:prefLabel ?l }"));
        assertTrue(select("SELECT ?d { oa:T11636 skos:definition ?d }").get(0)
            .startsWith("This cluster of papers explores the intersection of artificial intelligence and medicine"));
        assertEquals(10, select("SELECT ?k { oa:T11636 skos:altLabel ?k }").size());
        assertEquals(List.of("Health Informatics"), select("SELECT ?l { oa:T11636 skos:broader/skos:prefLabel ?l }"));
        assertEquals(List.of("1"), select("SELECT ?l { oa:T11636 ck:sourceLine ?l }"));
    }

    /** The data triples without ck:sourceLine / ck:sourceFile, which differ with the file's shape. */
    private static Graph withoutPositions(ChainStore in, Node graph) {
        Graph g = GraphFactory.createDefaultGraph();
        GoldenGraphs.dataTriples(in, graph).find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(CK.sourceLine) && !t.getPredicate().equals(CK.sourceFile)) g.add(t);
        });
        return g;
    }

    private static void assertSameData(Path input, List<String> expectedLines) {
        try (ChainStore other = ChainStore.open(tmp.resolve("db-" + input.getFileName()))) {
            SourceLoader.LoadResult r = new SourceLoader(other.dataset()).load(new OpenAlexReader(), List.of(input), null);
            assertEquals(3, r.report().files().get(0).rows());
            Graph expected = withoutPositions(store, result.graph());
            Graph actual = withoutPositions(other, r.graph());
            assertTrue(expected.isIsomorphicWith(actual), () -> "not the same data as the single files:\n" + GoldenGraphs.turtle(actual));
            assertEquals(expectedLines, select(other, "SELECT (CONCAT(STRAFTER(STR(?r), \"org/\"), \"=\", STR(?l)) AS ?x) "
                                                   + "{ ?r ck:sourceLine ?l }"));
        }
    }

    @Test
    void jsonLinesGiveTheSameGraph() {
        assertSameData(JSONL, List.of("I27837315=2", "T11636=3", "W2741809807=1"));
    }

    @Test
    void gzippedJsonLinesGiveTheSameGraph() throws IOException {
        Path gz = tmp.resolve("openalex-sample.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(JSONL, out);
        }
        assertTrue(new OpenAlexReader().accepts(List.of(gz)));
        assertEquals("openalex-sample", new OpenAlexReader().datasetKey(List.of(gz)));
        assertSameData(gz, List.of("I27837315=2", "T11636=3", "W2741809807=1"));
    }

    @Test
    void jsonArrayAndApiListPageGiveTheSameGraph() throws IOException {
        List<String> records = Files.readAllLines(JSONL);
        Path array = tmp.resolve("array.json");
        Files.writeString(array, "[\n" + String.join(",\n", records) + "\n]\n");
        assertSameData(array, List.of("I27837315=3", "T11636=4", "W2741809807=2"));
        Path page = tmp.resolve("page.json");
        Files.writeString(page, "{\"meta\":{\"count\":3,\"db_response_time_ms\":12,\"page\":1,\"per_page\":25,\"groups_count\":null},\n"
                                + "\"results\":[\n" + String.join(",\n", records) + "\n],\"group_by\":[]}\n");
        assertTrue(new OpenAlexReader().accepts(List.of(page)));
        assertSameData(page, List.of("I27837315=4", "T11636=5", "W2741809807=3"));
    }

    @Test
    void acceptsOpenAlexJsonOnly() {
        OpenAlexReader reader = new OpenAlexReader();
        assertTrue(reader.accepts(List.of(FIXTURES)));
        assertTrue(reader.accepts(List.of(JSONL)));
        assertTrue(reader.accepts(List.of(FIXTURES.resolve("T11636.json"))));
        assertFalse(reader.accepts(List.of(TestData.ETO_MINI)));
        assertFalse(reader.accepts(List.of(Path.of("src/test/resources/fixtures/epo-ops"))));
        for (Path other : List.of(Path.of("data/samples/ror"), Path.of("data/samples/ror/01vxknj13.json"),
                                  Path.of("data/samples/epo-ops"), Path.of("data/samples/uspto-patentpublicdata"),
                                  Path.of("data/samples/uspto-bulk-ipg"), Path.of("data/cordis-h2020"),
                                  Path.of("data/eto-chip-explorer"))) {
            assertTrue(Files.exists(other), other + " is missing");
            assertFalse(reader.accepts(List.of(other)), other.toString());
        }
        assertEquals("openalex", SourceFormats.detect(List.of(FIXTURES)).format());
        assertEquals("openalex", reader.datasetKey(List.of(FIXTURES)));
        assertEquals("w2741809807", reader.datasetKey(List.of(FIXTURES.resolve("W2741809807.json"))));
    }

    @Test
    void conformsToTheShapes() {
        org.apache.jena.shacl.ValidationReport report = Txn.calculateRead(store.dataset(),
            () -> new org.chainkg.validate.ShapesValidator().validate(store.dataset()));
        if (!report.conforms()) org.apache.jena.shacl.lib.ShLib.printReport(report);
        assertTrue(report.conforms(), "the loaded data violates the SHACL shapes");
    }
}
