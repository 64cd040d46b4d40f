package org.chainkg.source.iea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SupplyGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IEA Critical Minerals Data Explorer 2024 supply figures as bundled in data/iea-critical-minerals. */
class IeaMineralsReaderTest {
    static final Path REAL = Path.of("data/iea-critical-minerals");
    static SupplyGraph g;

    @BeforeAll
    static void read() {
        var graph = GraphFactory.createDefaultGraph();
        new IeaMineralsReader().read(List.of(REAL), StreamRDFLib.graph(graph));
        g = new SupplyGraph(graph);
    }

    @Test
    void sharesOf2024AreOfTheStageTotal() {
        // graphite refining 2024: China 1794.824456364271 of 1875.2524875207132 kt = 95.7111 %
        assertEquals("95.7111 1794.824456364271 2024", g.provision("graphite-refining", "CHN"));
        // copper mining: Chile 5476 of 22794 kt
        assertEquals("24.0239 5476.0 2024", g.provision("copper-mining", "CHL"));
        // the residue is listed, as an unattributed provider
        assertEquals("34.0309 7757.0 2024", g.provision("copper-mining", "rest-of-world"));
        // the residue is no country: "Rest of world" is one unattributed provider, never a ck:Country
        assertEquals(1, g.count("?r a ck:UnattributedProvider ; dcterms:identifier \"rest-of-world\" FILTER NOT EXISTS { ?r a ck:Country }"));
        // copper mining: Chile, DR Congo, Peru, China, Russia, the United States (and the residue)
        assertEquals(6, g.count("?p a ck:Provision ; ck:item [ dcterms:identifier \"copper-mining\" ] ; ck:provider [ a ck:Country ]"));
    }

    @Test
    void projectionsAreScenarioFiguresApartFromTheProvisions() {
        // 2030: China 3854.369306018856 of 4427.100558404638 kt of graphite refining
        assertEquals("87.0631 3854.369306018856 2030", g.figure("graphite-refining", "CHN", "IEA base case 2030"));
        assertEquals(0, g.count("?p a ck:Provision ; ck:year ?y FILTER(STR(?y) != \"2024\")"));
        assertEquals(0, g.count("?p a ck:ScenarioFigure ; ck:item ?i"));
        assertEquals(3 * 73, g.count("?p a ck:ScenarioFigure"));
    }

    @Test
    void stagesAreLinkedAndNotesAreNoProviders() {
        assertEquals(6, g.count("?m dcterms:identifier ?id ; ck:feedsInto ?r FILTER(STRENDS(?id, \"-mining\"))"));
        assertEquals(2, g.count("?i dcterms:identifier \"rare-earth-elements-mining\" ; skos:note ?note"));
        assertEquals(4, g.count("?p a ck:Provision ; ck:item [ dcterms:identifier \"rare-earth-elements-mining\" ] ; ck:provider [ a ck:Country ]"));
    }

    @Test
    void anUnknownCountryWithFiguresIsRefusedWithLineAndPath(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("iea-critical-minerals"));
        String json = Files.readString(REAL.resolve("iea.json"));
        Files.writeString(dir.resolve("iea.json"), json.replaceFirst("\"Peru\"", "\"Atlantis\""));
        long line = json.substring(0, json.indexOf("\"Peru\"")).lines().count();
        var e = assertThrows(SourceDataException.class, () -> new IeaMineralsReader().read(List.of(dir), StreamRDFLib.sinkNull()));
        assertEquals(line, e.line());
        assertEquals("supply.Copper.mining.countries.Atlantis", e.field());
        Files.writeString(dir.resolve("iea.json"), json.replaceFirst("5476.0", "\"5476\""));
        e = assertThrows(SourceDataException.class, () -> new IeaMineralsReader().read(List.of(dir), StreamRDFLib.sinkNull()));
        assertEquals("supply.Copper.mining.countries.Chile.2024", e.field());
    }

    @Test
    void jsonTakesNoEncodingOption(@TempDir Path tmp) {
        try (org.chainkg.store.ChainStore store = org.chainkg.store.ChainStore.open(tmp.resolve("db"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> new org.chainkg.store.SourceLoader(store.dataset())
                .load(new IeaMineralsReader(), List.of(REAL), null, "2024", java.nio.charset.Charset.forName("windows-1252")));
            assertEquals("--encoding: the iea-minerals format is read as UTF-8 only (JSON and XML state their own encoding); "
                         + "convert the files to UTF-8", e.getMessage());
        }
    }
}
