package org.chainkg.source.cordis;

import org.chainkg.source.GoldenModels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.SourceReport;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.chainkg.validate.ShapesValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cordis reader on the full bundled CORDIS slice (data/cordis-h2020: 3,532 participation rows) loaded into a
 * store, and on particular real rows of the fixture.
 */
class CordisReaderTest {
    static final Path REAL = Path.of("data/cordis-h2020");
    @TempDir static Path tmp;
    static ChainStore store;
    static SourceLoader.LoadResult loaded;
    static Graph slice;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        loaded = new SourceLoader(store.dataset()).load(new CordisReader(), List.of(REAL), null);
        slice = read(CordisGoldenTest.FIXTURES);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Graph read(Path... paths) {
        Graph g = GraphFactory.createDefaultGraph();
        new CordisReader().read(List.of(paths), StreamRDFLib.graph(g));
        return g;
    }

    static Node org(String pic) { return Iris.instance("cordis", "org", pic); }
    static Node participation(String local) { return Iris.instance("cordis", "participation", local); }
    static Set<Node> objects(Graph g, Node s, Node p) { return g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toSet(); }
    static Node lit(String s) { return NodeFactory.createLiteralString(s); }
    static Node decimal(String s) { return NodeFactory.createLiteralDT(s, XSDDatatype.XSDdecimal); }

    /** One-row SELECT over the loaded store: column name -> value as text. */
    static Map<String, String> select(String where) {
        String q = "PREFIX ck: <https://w3id.org/chainkg/ontology#> PREFIX org: <http://www.w3.org/ns/org#> "
                   + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                   + "SELECT * WHERE { " + where + " }";
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset())).query(q).build()) {
                ResultSet rs = qe.execSelect();
                QuerySolution row = rs.next();
                Map<String, String> out = new LinkedHashMap<>();
                rs.getResultVars().forEach(v -> out.put(v, row.get(v) == null ? null
                    : row.get(v).isLiteral() ? row.getLiteral(v).getLexicalForm() : row.get(v).toString()));
                return out;
            }
        });
    }

    static long count(String pattern) {
        return Long.parseLong(select("{ SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + pattern + " } }").get("n"));
    }

    @Test
    void theFullRealFileLoadsWithItsCounts() {
        SourceReport r = loaded.report();
        assertEquals(List.of("organizations.csv", "project-topics.csv"), r.files().stream().map(SourceReport.FileReport::name).toList());
        assertEquals(3532, r.files().get(0).rows());
        assertEquals(421, r.files().get(1).rows());
        assertEquals(3532, count("?x a ck:Participation"));
        assertEquals(2345, count("?x ck:pic ?pic"));
        assertEquals(2345, count("?x a org:Organization ; ck:pic ?pic"));
        assertEquals(421, count("?x a ck:ResearchProject"));
        assertEquals(421, count("?x a ck:ResearchProject ; ck:topic ?t"));
        assertEquals(241, count("?x a ck:Technology"));
        // Organisations by activity type (of their first row; no organisation changes type in this slice).
        assertEquals(450, count("?x ck:pic ?p ; ck:activityType 'HES'"));
        assertEquals(415, count("?x ck:pic ?p ; ck:activityType 'REC'"));
        assertEquals(1071, count("?x ck:pic ?p ; ck:activityType 'PRC'"));
        assertEquals(189, count("?x ck:pic ?p ; ck:activityType 'PUB'"));
        assertEquals(220, count("?x ck:pic ?p ; ck:activityType 'OTH'"));
        assertEquals(450, count("?x a ck:University"));
        assertEquals(415, count("?x a ck:ResearchInstitute"));
        assertEquals(865, count("?x a ck:ResearchOrganisation"));
        assertEquals(1071, count("?x a ck:Firm"));
        // Participations by activity type, as on each row.
        assertEquals(946, count("?x a ck:Participation ; ck:activityType 'HES'"));
        assertEquals(1220, count("?x a ck:Participation ; ck:activityType 'PRC'"));
        // 124 rows give no ecContribution; the others all do.
        assertEquals(3532 - 124, count("?x a ck:Participation ; ck:ecContribution ?e"));
        assertEquals(211, count("?x a ck:ResearchProject ; ck:participant [ a ck:Firm ] , [ a ck:ResearchOrganisation ]"),
            "projects with a company and a research partner (NOTICE.md)");
    }

    @Test
    void anOrganisationListedTwiceInOneProjectHasTwoParticipations() {
        // 833955: ATOS IT SOLUTIONS AND SERVICES IBERIA SL is a third party (order 5) and a participant (order 33).
        Map<String, String> first = select("<" + participation("833955-952979120").getURI() + "> ck:role ?role ; ck:ecContribution ?ec");
        Map<String, String> second = select("<" + participation("833955-952979120-participant-33").getURI() + "> ck:role ?role ; ck:ecContribution ?ec");
        assertEquals(Map.of("role", "thirdParty", "ec", "0.0"), first);
        assertEquals(Map.of("role", "participant", "ec", "86432.02"), second);
        assertEquals(3, count("?p ck:participation ?x , ?y . ?x ck:organisation ?o . ?y ck:organisation ?o FILTER(STR(?x) < STR(?y))"));
    }

    @Test
    void namesAreCleanedAndKeptRaw() {
        Map<String, String> row = select("?o ck:sourceName \"UNIVERSITA CA' FOSCARI  VENEZIA\" ; rdfs:label ?label");
        assertEquals("UNIVERSITA CA' FOSCARI VENEZIA", row.get("label"));
    }

    @Test
    void loadedDataPassesTheShapes() {
        ValidationReport r = new ShapesValidator().validate(store.dataset());
        assertTrue(r.conforms(), () -> GoldenModels.turtle(ModelFactory.createModelForGraph(r.getGraph())));
    }

    @Test
    void coordinatorWithItsContribution() {
        Node lund = org("999901318");
        Node p = participation("115974-999901318");
        assertEquals(Set.of(Vocab.orgOrganization, CK.University, CK.ResearchOrganisation), objects(slice, lund, RDF.Nodes.type));
        assertEquals(Set.of(lit("LUNDS UNIVERSITET")), objects(slice, lund, RDFS.label.asNode()));
        assertEquals(Set.of(lit("999901318")), objects(slice, lund, CK.pic));
        assertEquals(Set.of(lit("SE202100321101")), objects(slice, lund, CK.vatNumber));
        assertEquals(Set.of(Iris.country("SWE")), objects(slice, lund, CK.country));
        assertEquals(Set.of(lit("coordinator")), objects(slice, p, CK.role));
        assertEquals(Set.of(decimal("2674336.55")), objects(slice, p, CK.ecContribution));
        assertEquals(Set.of(lund), objects(slice, p, CK.organisation));
        Node project = Iris.instance("cordis", "project", "115974");
        assertEquals(Set.of(lit("BEAt-DKD")), objects(slice, project, RDFS.label.asNode()));
        assertEquals(36, objects(slice, project, CK.participant).size());
        Node topic = Iris.instance("cordis", "topic", "IMI2-2015-05-02");
        assertEquals(Set.of(topic), objects(slice, project, CK.topic));
        assertEquals(Set.of(NodeFactory.createLiteralLang("Diabetic Kidney Disease Biomarkers (DKD-BM)", "en")),
                     objects(slice, topic, SKOS.prefLabel.asNode()));
    }

    @Test
    void euCountryCodesSmeFlagsAndPublicBodies() {
        assertEquals(Set.of(Iris.country("GBR")), objects(slice, org("999975523"), CK.country), "UK is GBR");
        assertEquals(Set.of(NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)), objects(slice, org("932977914"), CK.sme));
        assertEquals(Set.of(Vocab.orgOrganization), objects(slice, org("972290171"), RDF.Nodes.type), "PUB: organisation only");
        assertEquals(Set.of(lit("UNIVDUN")), objects(slice, org("999975523"), SKOS.hiddenLabel.asNode()));
    }

    @Test
    void onlyAbsoluteWebAddressesBecomeHomepages() {
        assertEquals(Set.of(NodeFactory.createURI("http://www.lu.se")), objects(slice, org("999901318"), FOAF.homepage.asNode()));
        assertEquals(Set.of(), objects(slice, org("999495858"), FOAF.homepage.asNode()), "www.tykd.fin/en has no scheme");
        assertEquals(Set.of(), objects(slice, org("998206922"), FOAF.homepage.asNode()), "www.boehringer‐ingelheim.com");
    }

    @Test
    void commaAsDecimalMarkInTheContribution(@TempDir Path dir) throws IOException {
        Path copy = copyFixture(dir);
        replaceInLine(copy.resolve("organizations.csv"), 2, "\"2674336.55\"", "\"2674336,55\"");
        Graph g = read(copy);
        assertEquals(Set.of(decimal("2674336.55")), objects(g, participation("115974-999901318"), CK.ecContribution));
    }

    @Test
    void laterRowsWithAnotherNameAddAltLabels(@TempDir Path dir) throws IOException {
        // Give line 39 (Coimbra, project 633379) Lund's PIC and another spelling of Lund's name.
        Path copy = copyFixture(dir);
        replaceInLine(copy.resolve("organizations.csv"), 39, "\"997826391\"", "\"999901318\"");
        replaceInLine(copy.resolve("organizations.csv"), 39, "\"PT501617582\",\"UNIVERSIDADE DE COIMBRA\"",
                      "\"PT501617582\",\"LUND  UNIVERSITY\"");
        Graph g = read(copy);
        Node lund = org("999901318");
        assertEquals(Set.of(lit("LUNDS UNIVERSITET")), objects(g, lund, RDFS.label.asNode()));
        assertEquals(Set.of(lit("LUND UNIVERSITY")), objects(g, lund, SKOS.altLabel.asNode()));
        assertEquals(Set.of(lit("LUNDS UNIVERSITET"), lit("LUND  UNIVERSITY")), objects(g, lund, CK.sourceName));
        assertEquals(Set.of(lit("UNIVERSIDADE DE COIMBRA")), objects(g, lund, SKOS.hiddenLabel.asNode()), "the row's short name");
        assertEquals(Set.of(lit("SE202100321101"), lit("PT501617582")), objects(g, lund, CK.vatNumber));
        assertEquals(Set.of(NodeFactory.createLiteralDT("2", XSDDatatype.XSDinteger)), objects(g, lund, CK.sourceLine));
    }

    @Test
    void datasetKeyIsTheFolderOrFileName() {
        assertEquals("cordis-h2020", new CordisReader().datasetKey(List.of(REAL)));
        assertEquals("cordis", new CordisReader().datasetKey(List.of(CordisGoldenTest.FIXTURES)));
        assertEquals("organizations", new CordisReader().datasetKey(List.of(REAL.resolve("organizations.csv"))));
        assertEquals("cordis-h2020", new CordisReader().datasetKey(List.of(REAL.resolve("organizations.csv"), REAL.resolve("project-topics.csv"))));
    }

    @Test
    void theMoneyParserAcceptsOneDecimalMark() {
        assertEquals(new BigDecimal("975000.0"), CordisParticipations.euro(row("975000.0"), "ecContribution"));
        assertEquals(new BigDecimal("4175063.55"), CordisParticipations.euro(row("4175063,55"), "ecContribution"));
        assertEquals(null, CordisParticipations.euro(row(""), "ecContribution"));
        for (String bad : List.of("1.234,56", "1,234,567", "1 000", "12e3", "€100", "."))
            assertFalse(succeeds(() -> CordisParticipations.euro(row(bad), "ecContribution")), bad);
    }

    private static boolean succeeds(Runnable r) {
        try {
            r.run();
            return true;
        } catch (org.chainkg.source.SourceDataException e) {
            return false;
        }
    }

    /** A one-column record read through CsvRecords, as the reader sees it. */
    private static org.chainkg.source.csv.CsvRecord row(String value) {
        try {
            Path f = Files.createTempFile(tmp, "money", ".csv");
            Files.writeString(f, "ecContribution,role\n\"" + value + "\",participant\n");
            try (var rows = org.chainkg.source.csv.CsvRecords.open(f, List.of("ecContribution"))) {
                var it = rows.iterator();
                return it.next();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path copyFixture(Path dir) {
        return org.chainkg.TestData.copy(CordisGoldenTest.FIXTURES, dir.resolve("cordis"));
    }

    static void replaceInLine(Path file, int line, String from, String to) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        if (!lines.get(line - 1).contains(from)) throw new AssertionError("line " + line + " has no " + from);
        lines.set(line - 1, lines.get(line - 1).replace(from, to));
        Files.write(file, lines);
    }
}
