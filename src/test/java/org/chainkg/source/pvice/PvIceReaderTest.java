package org.chainkg.source.pvice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.chainkg.TestData;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SupplyGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NREL PV_ICE's country shares of the crystalline-silicon chain, as bundled in data/nrel-pv-ice. */
class PvIceReaderTest {
    static final Path REAL = Path.of("data/nrel-pv-ice");
    static SupplyGraph g;

    @BeforeAll
    static void read() {
        var graph = GraphFactory.createDefaultGraph();
        new PvIceReader().read(List.of(REAL), StreamRDFLib.graph(graph));
        g = new SupplyGraph(graph);
    }

    @Test
    void theLatestYearIsTheProvisionAndEarlierYearsAreHistoricalFigures() {
        assertEquals("77.54152057 - 2022", g.provision("polysilicon", "CHN"));
        assertEquals(0, g.count("?p a ck:Provision ; ck:item [ dcterms:identifier \"polysilicon\" ] ; ck:year ?y FILTER(STR(?y) != \"2022\")"));
        assertEquals(1, g.count("?p a ck:HistoricalFigure ; ck:figureItem [ dcterms:identifier \"polysilicon\" ] ; "
                                + "ck:figureProvider [ skos:notation \"CHN\" ] ; ck:year \"2015\"^^<http://www.w3.org/2001/XMLSchema#gYear> ; ck:sharePercent 45.43683324"));
        // MG-Si ends in 2021 (USGS-derived)
        assertEquals("77.22350435 - 2021", g.provision("mgsi", "CHN"));
    }

    @Test
    void theTransposedModuleFileIsReadByColumn() {
        assertEquals("80.22608197 - 2022", g.provision("module", "CHN"));
        assertEquals("0.890256701 - 2022", g.provision("module", "USA"));   // column "United States"
    }

    @Test
    void theStagesFlowFromMgSiToModule() {
        assertEquals(7, g.count("?a ck:feedsInto ?b"));
        // two routes of five steps: through the mono and the multi ingot
        assertEquals(2, g.count("[ dcterms:identifier \"mgsi\" ] ck:feedsInto/ck:feedsInto/ck:feedsInto/ck:feedsInto/ck:feedsInto [ dcterms:identifier \"module\" ]"));
    }

    @Test
    void aBadShareIsRefusedWithFileLineAndColumn(@TempDir Path tmp) throws IOException {
        Path dir = TestData.copy(REAL, tmp.resolve("nrel-pv-ice"));
        Path wafer = dir.resolve("input-silicon-CountryMarketshare-wafer.csv");
        Files.writeString(wafer, Files.readString(wafer).replace("China,98.95833333,", "China,n/a,"));
        var e = assertThrows(SourceDataException.class, () -> new PvIceReader().read(List.of(dir), StreamRDFLib.sinkNull()));
        assertEquals("input-silicon-CountryMarketshare-wafer.csv [line 2, field 2004]: \"n/a\" is not a share (expected a percent, e.g. 41.7, or empty)",
                     e.getMessage());
    }
}
