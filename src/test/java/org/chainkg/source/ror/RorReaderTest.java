package org.chainkg.source.ror;

import org.chainkg.source.GoldenModels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ror reader makes of particular real records (fixtures/ror, see its NOTICE.md). */
class RorReaderTest {
    static Graph g;
    static SourceReport report;

    @BeforeAll
    static void read() {
        g = GraphFactory.createDefaultGraph();
        report = new RorReader().read(List.of(RorGoldenTest.FIXTURES), StreamRDFLib.graph(g));
    }

    static Node ror(String id) { return NodeFactory.createURI("https://ror.org/" + id); }

    static Set<Node> objects(Graph graph, Node s, Node p) {
        return graph.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toSet();
    }

    static Set<Node> objects(Node s, Node p) { return objects(g, s, p); }

    static Node lit(String text) { return NodeFactory.createLiteralString(text); }
    static Node lit(String text, String lang) { return NodeFactory.createLiteralLang(text, lang); }
    static Node bool(boolean b) { return NodeFactory.createLiteralDT(Boolean.toString(b), org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean); }
    static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger); }

    @Test
    void inactiveRecordIsReplacedByItsSuccessor() {
        assertEquals(Set.of(bool(false)), objects(ror("03jp3w522"), CK.active));
        assertEquals(Set.of(ror("02pc3jd49")), objects(ror("03jp3w522"), DCTerms.isReplacedBy.asNode()));
        assertEquals(Set.of(bool(true)), objects(ror("02pc3jd49"), CK.active));
        assertEquals(Set.of(ror("03jp3w522"), ror("02khfkr46")), objects(ror("02pc3jd49"), DCTerms.replaces.asNode()));
    }

    @Test
    void facilityWithThreeParentsIsALaboratory() {
        Node omega = ror("01mbkbh33");
        assertEquals(Set.of(ror("05hy3tk52"), ror("02feahw73"), ror("03fd77x13")), objects(omega, Vocab.orgSubOrganizationOf));
        assertEquals(Set.of(Vocab.orgOrganization, CK.Laboratory, CK.ResearchOrganisation), objects(omega, RDF.Nodes.type));
        assertEquals(Set.of(lit("Organisation de Micro-Electronique Générale Avancée", "fr")), objects(omega, RDFS.label.asNode()));
        assertEquals(Set.of(lit("OMEGA")), objects(omega, SKOS.hiddenLabel.asNode()));
    }

    @Test
    void companyAndFunderIsAFirmWithItsRelations() {
        Node asml = ror("01vxknj13");
        assertEquals(Set.of(Vocab.orgOrganization, CK.Firm), objects(asml, RDF.Nodes.type));
        assertEquals(Set.of(lit("01vxknj13")), objects(asml, DCTerms.identifier.asNode()));
        assertEquals(Set.of(asml), objects(asml, CK.ror));
        assertEquals(Set.of(ror("002yxfz10")), objects(asml, Vocab.orgSubOrganizationOf), "parent ASM International");
        assertEquals(Set.of(asml), objects(ror("00gtpjy03"), Vocab.orgSubOrganizationOf), "child ASML (United States)");
        assertEquals(Set.of(asml), objects(ror("04xe7ws48"), Vocab.orgSubOrganizationOf), "child ARCNL");
        assertEquals(Set.of(ror("02p2bgp27")), objects(asml, RorRecordWriter.ORG_LINKED_TO), "related Philips");
        // Wikidata "preferred" is null: all ids are taken.
        assertEquals(Set.of(NodeFactory.createURI("http://www.wikidata.org/entity/Q297879")), objects(asml, RorRecordWriter.SCHEMA_SAME_AS));
        assertEquals(Set.of(NodeFactory.createURI("https://www.asml.com/")), objects(asml, FOAF.homepage.asNode()));
        assertEquals(Set.of(Iris.country("NLD")), objects(asml, CK.country));
        assertEquals(Set.of(integer(1)), objects(asml, CK.sourceLine));
    }

    @Test
    void japaneseCompanyDisplayNamesAreKeptAsGiven() {
        Node sony = ror("01xjq1e85");
        assertEquals(Set.of(lit("Sony Semiconductor Solutions Corporation (Japan)", "en")), objects(sony, RDFS.label.asNode()));
        assertEquals(Set.of(lit("Sony Semiconductor Solutions Corporation (Japan)")), objects(sony, CK.sourceName));
        assertEquals(Set.of(lit("Sony Semiconductor Solutions Corporation", "en"), lit("ソニーセミコンダクタソリューションズ", "ja"),
                            lit("SSS", "en")), objects(sony, SKOS.altLabel.asNode()), "SSS is an alias, not an acronym, in ROR");
        // No language given for the romanised name: no tag.
        assertEquals(Set.of(lit("Mimasu Semiconductor Industry Co., Ltd. (Japan)")), objects(ror("04khk1822"), RDFS.label.asNode()));
        assertEquals(Set.of(Iris.country("JPN")), objects(ror("04khk1822"), CK.country));
    }

    @Test
    void namesInSeveralLanguagesKeepTheirTags() {
        assertTrue(objects(ror("02pc3jd49"), SKOS.altLabel.asNode()).contains(lit("Sieć Badawcza Łukasiewicz - Instytut Mikroelektroniki i Fotoniki", "pl")));
        assertTrue(objects(ror("035wqzf29"), SKOS.altLabel.asNode()).contains(lit("Center Nanoelektronische Technologien", "de")));
        assertTrue(objects(ror("034fqtg16"), SKOS.altLabel.asNode()).contains(lit("Институт проблем технологии микроэлектроники и особо чистых материалов", "ru")));
        assertEquals(Set.of(lit("香港微电子研发院", "zh")), objects(ror("05xrrkv56"), SKOS.altLabel.asNode()));
        assertEquals(Set.of(lit("MRDI", "en")), objects(ror("05xrrkv56"), SKOS.hiddenLabel.asNode()));
    }

    @Test
    void governmentAndNonprofitAreOrganisationsOnly() {
        assertEquals(Set.of(Vocab.orgOrganization), objects(ror("05xrrkv56"), RDF.Nodes.type));
        assertEquals(Set.of(Vocab.orgOrganization), objects(ror("01j8xkf47"), RDF.Nodes.type));
        assertEquals(Set.of(Vocab.orgOrganization), objects(ror("02pc3jd49"), RDF.Nodes.type));
    }

    @Test
    void countriesAreDescribedOnce() {
        Node hkg = Iris.country("HKG");
        assertEquals(Set.of(CK.Country), objects(hkg, RDF.Nodes.type));
        assertEquals(Set.of(lit("HKG")), objects(hkg, SKOS.notation.asNode()));
        assertEquals(Set.of("NLD", "JPN", "DEU", "FRA", "POL", "RUS", "HKG"),
            g.find(Node.ANY, RDF.Nodes.type, CK.Country).mapWith(t -> t.getSubject().getLocalName()).toSet());
    }

    @Test
    void wikipediaLinksGridIsniAndFundrefAreNotKept() {
        String all = g.find().toList().toString();
        assertFalse(all.contains("wikipedia.org"));
        assertFalse(all.contains("grid.424262.4"));
        assertFalse(all.contains("501100006339"));
        assertFalse(all.contains("0000 0004 0536 2334"));
    }

    @Test
    void reportHasOneFileRowPerRecordFile() {
        assertEquals(14, report.files().size());
        assertTrue(report.files().stream().allMatch(f -> f.rows() == 1 && f.sha256().length() == 64 && f.bytes() > 1000));
        assertEquals("01vxknj13.json 00g3vrr12.json", report.files().get(4).name() + " " + report.files().get(0).name());
        assertEquals(RorReader.LICENSE, report.license());
        assertTrue(report.credit().startsWith("Research Organization Registry (ROR)"));
    }

    @Test
    void arrayAndJsonLinesGiveTheSameFactsAsTheRecordFiles() {
        Graph array = GraphFactory.createDefaultGraph();
        SourceReport arrayReport = new RorReader().read(List.of(RorGoldenTest.ARRAY), StreamRDFLib.graph(array));
        Graph lines = GraphFactory.createDefaultGraph();
        new RorReader().read(List.of(RorGoldenTest.JSON_LINES), StreamRDFLib.graph(lines));
        assertEquals(3, arrayReport.files().get(0).rows());
        assertEquals(Set.of(integer(2)), objects(array, ror("01vxknj13"), CK.sourceLine));
        assertEquals(Set.of(integer(110)), objects(array, ror("02pc3jd49"), CK.sourceLine));
        assertEquals(Set.of(integer(207)), objects(array, ror("03jp3w522"), CK.sourceLine));
        assertEquals(Set.of(integer(3)), objects(lines, ror("03jp3w522"), CK.sourceLine));
        Set<String> fromArray = withoutProvenance(array);
        assertEquals(fromArray, withoutProvenance(lines));
        assertTrue(withoutProvenance(g).containsAll(fromArray));
    }

    private static Set<String> withoutProvenance(Graph graph) {
        return graph.find().filterDrop(t -> t.getPredicate().equals(CK.sourceLine) || t.getPredicate().equals(CK.sourceFile))
            .mapWith(Object::toString).toSet();
    }

    @Test
    void loadedRecordsPassTheShapes(@TempDir Path tmp) {
        try (ChainStore store = ChainStore.open(tmp)) {
            new SourceLoader(store.dataset()).load(new RorReader(), List.of(RorGoldenTest.FIXTURES), null);
            ValidationReport r = new ShapesValidator().validate(store.dataset());
            assertTrue(r.conforms(), () -> {
                var m = ModelFactory.createModelForGraph(r.getGraph());
                return GoldenModels.turtle(m);
            });
        }
    }

    @Test
    void datasetKeyIsTheFolderOrFileName() {
        assertEquals("ror", new RorReader().datasetKey(List.of(RorGoldenTest.FIXTURES)));
        assertEquals("ror-three-records", new RorReader().datasetKey(List.of(RorGoldenTest.ARRAY)));
        assertEquals("ror-three-records", new RorReader().datasetKey(List.of(RorGoldenTest.JSON_LINES)));
    }

    /**
     * A schema v1 record (data/ror-semiconductor, line 1: ASM International, Netherlands) is read as the v2 record it
     * stands for; the file mixes 136 v2 and 104 v1 records, all read.
     */
    @Test
    void schemaV1RecordsAreReadAsV2() {
        Graph semi = GraphFactory.createDefaultGraph();
        SourceReport r = new RorReader().read(List.of(Path.of("data/ror-semiconductor")), StreamRDFLib.graph(semi));
        assertEquals(240, r.files().get(0).rows());
        Node asm = ror("002yxfz10");
        assertEquals(Set.of(Vocab.orgOrganization, CK.Firm), objects(semi, asm, RDF.Nodes.type), "type Company");
        assertEquals(Set.of(lit("ASM International (Netherlands)")), objects(semi, asm, RDFS.label.asNode()));
        assertEquals(Set.of(lit("Advanced Semiconductor Materials")), objects(semi, asm, SKOS.altLabel.asNode()));
        assertEquals(Set.of(lit("ASMi")), objects(semi, asm, SKOS.hiddenLabel.asNode()));
        assertEquals(Set.of(Iris.country("NLD")), objects(semi, asm, CK.country));
        assertEquals(Set.of(bool(true)), objects(semi, asm, CK.active));
        assertEquals(Set.of(NodeFactory.createURI("https://www.asm.com/")), objects(semi, asm, FOAF.homepage.asNode()));
        // v1 "Child" relationships: ASM International (Belgium), (Finland), and ASML, as ROR records them.
        assertEquals(Set.of(asm), objects(semi, ror("01vxknj13"), Vocab.orgSubOrganizationOf));
        assertEquals(Set.of(asm), objects(semi, ror("03ajjdx52"), Vocab.orgSubOrganizationOf));
    }
}
