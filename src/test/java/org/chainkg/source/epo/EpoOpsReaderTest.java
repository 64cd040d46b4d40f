package org.chainkg.source.epo;

import org.chainkg.source.GoldenGraphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.source.SourceFormats;
import org.chainkg.source.SourceReport;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EPO OPS reader on the four real OPS responses in fixtures/epo-ops (see its NOTICE.md). */
class EpoOpsReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/epo-ops");
    static final Path GOLDEN = Path.of("src/test/golden/readers/epo-ops/epo-ops.ttl");
    static final String PREFIXES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX patent: <https://w3id.org/chainkg/id/patent/>
        PREFIX cpc: <https://w3id.org/chainkg/id/cpc/>
        """;

    @TempDir static Path tmp;
    static ChainStore store;
    static SourceLoader.LoadResult result;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        result = new SourceLoader(store.dataset()).load(new EpoOpsReader(), List.of(FIXTURES), null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** One column of a SELECT over the store, sorted. */
    static List<String> select(String query) {
        List<String> rows = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset())).query(PREFIXES + query).build()) {
                ResultSet rs = qe.execSelect();
                String var = rs.getResultVars().get(0);
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    rows.add(s.get(var) == null ? "" : s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.get(var).toString());
                }
            }
        });
        return new ArrayList<>(new TreeSet<>(rows));
    }

    @Test
    void goldenGraph() {
        GoldenGraphs.assertGolden(GOLDEN, GoldenGraphs.dataTriples(store, result.graph()));
    }

    @Test
    void provenanceCountsRecordsPerFile() {
        SourceReport report = result.report();
        assertEquals("epo-ops", new EpoOpsReader().datasetKey(List.of(FIXTURES)));
        assertEquals(List.of("biblio_example_2.xml=1", "biblio_example_4.xml=1", "family_input.xml=6", "full_cycle_example.xml=2"),
            report.files().stream().map(f -> f.name() + "=" + f.rows()).toList());
        assertEquals(27945, report.files().get(0).bytes());
    }

    @Test
    void inventorsListedAsApplicantsAreNotOrganisations() {
        // US 2012/116137 A1 lists four inventors and Primus Green Energy as applicants, each twice (epodoc, original).
        assertEquals(List.of("PRIMUS GREEN ENERGY INC"), select(
            "SELECT ?name { patent:US2012116137A1 ck:applicant ?a . ?a rdfs:label ?name }"));
        assertEquals(List.of("USA"), select(
            "SELECT ?c { patent:US2012116137A1 ck:applicant/ck:country/skos:notation ?c }"));
        assertEquals(List.of(), select("SELECT ?a { ?a rdfs:label ?n FILTER(CONTAINS(?n, \"FANG\")) }"));
    }

    @Test
    void applicantKeepsOriginalNameAndEpodocVariants() {
        // A1 and B1 print different epodoc names but the same original name: one organisation node.
        assertEquals(List.of("https://w3id.org/chainkg/id/epo/applicant/beheermaatschappij-de-boer-nijmegen-b.v-nl"),
            select("SELECT ?a { patent:EP1000000A1 ck:applicant ?a . patent:EP1000000B1 ck:applicant ?a }"));
        assertEquals(List.of("BEHEERMAATSCHAPPIJ DE BOER NIJMEGEN B.V"),
            select("SELECT ?l { patent:EP1000000A1 ck:applicant/rdfs:label ?l }"));
        assertEquals(List.of("BEHEERMIJ DE BOER NIJMEGEN BV", "BOER BEHEER NIJMEGEN BV DE"),
            select("SELECT ?l { patent:EP1000000A1 ck:applicant/skos:altLabel ?l }"));
        // The raw epodoc name is kept exactly: EN SPACE before the country, and the newline inside the element.
        assertTrue(select("SELECT ?n { patent:EP1000000A1 ck:applicant/ck:sourceName ?n }")
            .contains("BOER BEHEER NIJMEGEN BV DE\u2002[NL]\n"));
    }

    @Test
    void cpcInventiveAndAdditionalAreDeduplicated() {
        // biblio_example_2: 38 CPC entries (several offices) hold 17 distinct symbols.
        assertEquals(17, select("SELECT ?c { patent:JP2005533465A ck:cpcInventive|ck:cpcAdditional ?c }").size());
        assertEquals(List.of("H04N 19/44", "H04N 19/513", "H04N 19/577"),
            select("SELECT ?n { patent:JP2005533465A ck:cpcAdditional/skos:notation ?n }"));
        // US 2012/116137: 19 inventive symbols in the list plus 2 more from combination sets; 11 additional;
        // the 4 US classes (scheme UC) are not CPC.
        List<String> inventive = select("SELECT ?n { patent:US2012116137A1 ck:cpcInventive/skos:notation ?n }");
        assertEquals(21, inventive.size());
        assertTrue(inventive.containsAll(List.of("B01J 8/0449", "C07C 31/04", "C07C 43/043")), inventive.toString());
        List<String> additional = select("SELECT ?n { patent:US2012116137A1 ck:cpcAdditional/skos:notation ?n }");
        assertEquals(11, additional.size());
        assertTrue(additional.contains("Y02P 20/52"));
        assertEquals(List.of(), select("SELECT ?n { ?c skos:notation ?n FILTER(CONTAINS(?n, \"585\")) }"));
        // CPC concepts carry their broader chain.
        assertEquals(List.of("https://w3id.org/chainkg/id/cpc/B01J8-00"),
            select("SELECT ?b { cpc:B01J8-0449 skos:broader ?b }"));
    }

    @Test
    void ipcrFixedWidthTextIsNormalised() {
        assertEquals(List.of("G06T 9/00", "H03M 7/30", "H04B 1/66", "H04N 19/94", "H04N 7/26", "H04N 7/36", "H04N 7/46", "H04N 7/50"),
            select("SELECT ?s { patent:JP2005533465A ck:ipcSymbol ?s }"));
    }

    @Test
    void identityDatesTitlesAndAbstract() {
        assertEquals(List.of("2000-05-17"), select("SELECT ?d { patent:EP1000000A1 dcterms:issued ?d }"));
        assertEquals(List.of("1999-11-08"), select("SELECT ?d { patent:EP1000000A1 dcterms:dateSubmitted ?d }"));
        assertEquals(List.of("EP99203729"), select("SELECT ?n { patent:EP1000000A1 ck:applicationNumber ?n }"));
        assertEquals(List.of("de", "en", "fr"), select("SELECT (LANG(?t) AS ?l) { patent:EP1000000A1 dcterms:title ?t }"));
        List<String> abs = select("SELECT ?a { patent:EP1000000A1 dcterms:abstract ?a }");
        assertTrue(abs.get(0).startsWith("The invention relates to an apparatus (1) for manufacturing green bricks"), abs.get(0));
        assertEquals(List.of(), select("SELECT ?a { patent:EP1000000B1 dcterms:abstract ?a }"));
        // The bare JP record: no title, parties or abstract, but still a patent with its dates and classes.
        assertEquals(List.of(), select("SELECT ?t { patent:JP2005533465A dcterms:title|ck:applicant ?t }"));
        assertEquals(List.of("30117972"), select("SELECT ?f { patent:JP2005533465A ck:familyId ?f }"));
    }

    @Test
    void citationsUseDocdbIdsWithoutLeadingZeros() {
        assertEquals(List.of("https://w3id.org/chainkg/id/patent/DE3546191A1", "https://w3id.org/chainkg/id/patent/EP680812A1",
                             "https://w3id.org/chainkg/id/patent/NL9400663A"),
            select("SELECT ?c { patent:EP1000000A1 ck:cites ?c }"));
        assertEquals(6, select("SELECT ?c { patent:US2012116137A1 ck:cites ?c }").size());
    }

    @Test
    void familyMembersAreLinkedBothWays() {
        List<String> members = select("SELECT ?p { ?p ck:familyId \"19768124\" }");
        assertEquals(6, members.size(), members.toString());
        assertEquals(30, select("SELECT (CONCAT(STR(?a), STR(?b)) AS ?pair) { ?a ck:familyMember ?b }").size());
        assertEquals(List.of("https://w3id.org/chainkg/id/patent/EP1000000A1"),
            select("SELECT ?a { patent:US6093011A ck:familyMember ?a . ?a ck:familyMember patent:US6093011A ; dcterms:abstract ?x }"));
        assertEquals(List.of("1998-12-08"), select("SELECT ?d { patent:US6093011A dcterms:dateSubmitted ?d }"));
    }

    @Test
    void inventorCountries() {
        assertEquals(List.of("NLD"), select("SELECT ?c { patent:EP1000000B1 ck:inventorCountry/skos:notation ?c }"));
        assertEquals(List.of("USA"), select("SELECT ?c { patent:US2012116137A1 ck:inventorCountry/skos:notation ?c }"));
    }

    @Test
    void acceptsOpsFilesOnly() {
        EpoOpsReader reader = new EpoOpsReader();
        assertTrue(reader.accepts(List.of(FIXTURES)));
        assertTrue(reader.accepts(List.of(FIXTURES.resolve("family_input.xml"))));
        assertFalse(reader.accepts(List.of(TestData.ETO_MINI)));
        assertFalse(reader.accepts(List.of(Path.of("src/test/resources/fixtures/openalex"))));
        assertFalse(reader.accepts(List.of(Path.of("src/test/resources/fixtures/openalex/jsonl/openalex-sample.jsonl"))));
        for (Path other : OTHER_FORMATS) {
            assertTrue(Files.exists(other), other + " is missing");
            assertFalse(reader.accepts(List.of(other)), other.toString());
        }
        assertEquals("epo-ops", SourceFormats.detect(List.of(FIXTURES)).format());
        assertEquals("family_input", reader.datasetKey(List.of(FIXTURES.resolve("family_input.xml"))));
    }

    /** The other readers' real sample data, bundled under data/. */
    static final List<Path> OTHER_FORMATS = List.of(
        Path.of("data/samples/uspto-patentpublicdata"), Path.of("data/samples/uspto-patentpublicdata/US08930553.xml"),
        Path.of("data/samples/uspto-bulk-ipg"), Path.of("data/samples/ror"),
        Path.of("data/samples/openalex"), Path.of("data/cordis-h2020"), Path.of("data/eto-chip-explorer"));

    @Test
    void conformsToTheShapes() {
        org.apache.jena.shacl.ValidationReport report = Txn.calculateRead(store.dataset(),
            () -> new org.chainkg.validate.ShapesValidator().validate(store.dataset()));
        if (!report.conforms()) org.apache.jena.shacl.lib.ShLib.printReport(report);
        assertTrue(report.conforms(), "the loaded data violates the SHACL shapes");
    }

    /** Reads one file with the reader alone (no store) into a graph. */
    private static org.apache.jena.graph.Graph readAlone(Path file) {
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        new EpoOpsReader().read(List.of(file), org.apache.jena.riot.system.StreamRDFLib.graph(g));
        return g;
    }

    @Test
    void characterReferencesWorkAndEntitiesAreNeverLoaded() throws java.io.IOException {
        String xml = Files.readString(FIXTURES.resolve("full_cycle_example.xml"));
        Path refs = tmp.resolve("refs.xml");
        Files.writeString(refs, xml.replace("for the brick manufacturing industry</invention-title>",
                                            "for the brick &#x26; tile industry</invention-title>"));
        org.apache.jena.graph.Graph g = readAlone(refs);
        assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/chainkg/id/patent/EP1000000A1"),
            org.apache.jena.vocabulary.DCTerms.title.asNode(),
            org.apache.jena.graph.NodeFactory.createLiteralLang("Apparatus for manufacturing green bricks for the brick & tile industry", "en")));

        // An external entity (XXE) is refused, not fetched.
        Path xxe = tmp.resolve("xxe.xml");
        Files.writeString(xxe, xml.replaceFirst("\\?>\n<ops:world-patent-data",
                "?>\n<!DOCTYPE ops:world-patent-data [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n<ops:world-patent-data")
            .replace("<kind>A1</kind>", "<kind>&xxe;</kind>"));
        org.chainkg.source.SourceDataException e = org.junit.jupiter.api.Assertions.assertThrows(
            org.chainkg.source.SourceDataException.class, () -> readAlone(xxe));
        assertEquals("xxe.xml [line 11]: malformed XML: The entity \"xxe\" was referenced, but not declared. "
                     + "(in the record that starts at line 5)", e.getMessage());
    }
}
