package org.chainkg.source.usgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SupplyGraph;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The USGS MCS 2024 release as bundled in data/usgs-mcs/2024 (all 77 commodities), read into the chain model. */
class UsgsMcsReaderTest {
    static final Path REAL = Path.of("data/usgs-mcs/2024");
    static Graph graph;

    @BeforeAll
    static void read() {
        graph = GraphFactory.createDefaultGraph();
        new UsgsMcsReader().read(List.of(REAL), StreamRDFLib.graph(graph));
    }

    static String provision(String item, String who) { return new SupplyGraph(graph).provision(item, who); }

    static long count(String where) { return new SupplyGraph(graph).count(where); }

    @Test
    void galliumSharesAreOfTheWorldTotalRowInTheLatestEstimatedYear() {
        // China 600000 kg of a world total of 610000 kg (2023, estimated): 98.3607 %
        assertEquals("98.3607 600000.0 est2023", provision("galli", "CHN"));
        assertEquals("0.0 0.0 est2023", provision("galli", "USA"));
        assertEquals(1, count("?i dcterms:identifier \"galli\" ; rdfs:label \"Gallium\"@en ; ck:worldTotal 610000.0 ; ck:unit \"kilograms\"@en"));
    }

    @Test
    void everyCommodityIsAnItemAndSeveralProductionTypesAreSubItems() {
        assertEquals(77, count("?i a ck:ChainItem ; dcterms:identifier ?id FILTER NOT EXISTS { ?i ck:subtypeOf ?x }"));
        // copper: mine production feeds into refinery production
        assertEquals(1, count("?m dcterms:identifier \"coppe-1\" ; ck:feedsInto ?r ; ck:subtypeOf ?c . ?r dcterms:identifier \"coppe-2\" . ?c dcterms:identifier \"coppe\""));
        // bauxite lists the refinery first: the mine (bauxi-2) still feeds into it
        assertEquals(1, count("?m dcterms:identifier \"bauxi-2\" ; ck:feedsInto [ dcterms:identifier \"bauxi-1\" ]"));
        // titanium concentrates: ilmenite and rutile; the "ilmenite and rutile" total aggregates them and is no item
        assertEquals(2, count("?i ck:subtypeOf [ dcterms:identifier \"timin\" ]"));
    }

    @Test
    void placeholdersAndIncompleteSumsGiveUnknownSharesNeverZero() {
        // boron (2023 column is an estimate): the US figure is withheld (W) and the world total is XX: no total, every share unknown
        assertEquals("unknown - est2023", provision("boron", "USA"));
        assertEquals("unknown 2200.0 est2023", provision("boron", "TUR"));
        // rutile: the US figure is "included with ilmenite" but the world total is stated: others keep their shares
        assertEquals("unknown - est2023", provision("timin-2", "USA"));
        assertEquals("35.7143 200.0 est2023", provision("timin-2", "AUS"));
    }

    @Test
    void countryCellQuirks() {
        // "Russiae": e = estimated, stripped because Russia is a known name; Ukraine keeps its e
        assertEquals("43.8095 92000.0 est2023", provision("plati-1", "RUS"));
        assertTrue(provision("timin-1", "UKR").startsWith("0.697674 60.0 "), provision("timin-1", "UKR"));
        // helium lists the United States twice (natural gas, Cliffside Field): one provider, the sum 60 + 19
        assertEquals(1, count("?p ck:item [ dcterms:identifier \"heliu\" ] ; ck:provider [ skos:notation \"USA\" ] ; ck:volume 79.0"));
        // the residue and combined rows are unattributed providers, never countries
        assertEquals("6.15385 80000.0 est2023", provision("abras-1", "other-countries"));
        assertEquals(0, count("?p ck:provider/skos:notation ?code FILTER(STRLEN(?code) != 3)"));
    }

    @Test
    void badFilesAreRefusedNamingFileLineAndField(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("usgs-mcs").resolve("2024"));
        Path file = dir.resolve("mcs2024-galli_world.csv");
        String good = Files.readString(REAL.resolve("mcs2024-galli_world.csv"), StandardCharsets.UTF_8);
        Files.writeString(file, good.replace("MCS2024,China,", "MCS2024,Atlantis,"));
        var e = assertThrows(SourceDataException.class, () -> new UsgsMcsReader().read(List.of(dir), StreamRDFLib.sinkNull()));
        assertEquals("mcs2024-galli_world.csv [line 3, field Country]: \"Atlantis\" is not a country name in the country-name "
                     + "table (src/main/resources/org/chainkg/source/country-names.csv), nor \"Other countries\" or \"World total\"",
                     e.getMessage());
        Files.writeString(file, good.replace("China,Primary production,600000", "China,Primary production,about 6e5"));
        e = assertThrows(SourceDataException.class, () -> new UsgsMcsReader().read(List.of(dir), StreamRDFLib.sinkNull()));
        assertEquals("mcs2024-galli_world.csv [line 3, field Prod_kg_2022]: \"about 6e5\" is not a figure (expected a number, "
                     + "e.g. 1,230 or e5000 for an estimate, or W, NA, XX, empty)", e.getMessage());
    }

    @Test
    void aRefusedLoadLeavesTheStoreAsItWas(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("usgs-mcs").resolve("2024"));
        for (String f : List.of("mcs2024-galli_world.csv", "mcs2024-galli_meta.xml", "mcs2024-coppe_world.csv"))
            Files.copy(REAL.resolve(f), dir.resolve(f));
        try (ChainStore store = ChainStore.open(tmp.resolve("db"))) {
            new SourceLoader(store.dataset()).load(new UsgsMcsReader(), List.of(dir), null);
            Long before = Txn.calculateRead(store.dataset(), () -> (Long) store.dataset().stream().count());
            Path copper = dir.resolve("mcs2024-coppe_world.csv");
            Files.writeString(copper, Files.readString(copper).replace("MCS2024,Chile,", "MCS2024,Chilee land,"));
            assertThrows(SourceDataException.class,
                () -> new SourceLoader(store.dataset()).load(new UsgsMcsReader(), List.of(dir), null));
            assertEquals(before, Txn.calculateRead(store.dataset(), () -> (Long) store.dataset().stream().count()));
        }
    }
}
