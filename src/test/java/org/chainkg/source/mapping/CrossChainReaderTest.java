package org.chainkg.source.mapping;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curated links between chains, data/mappings/cross-chain.csv, and bad copies of it. */
class CrossChainReaderTest {
    static final Path REAL = Path.of("data/mappings/cross-chain.csv");

    @Test
    void everyRowIsALinkWithItsRationaleAndTheFeedsIntoEdge() {
        var graph = GraphFactory.createDefaultGraph();
        new CrossChainReader().read(List.of(REAL), StreamRDFLib.graph(graph));
        SupplyGraph g = new SupplyGraph(graph);
        assertEquals(12, g.count("?l a ck:ChainLink ; ck:linkFrom ?f ; ck:linkTo ?t ; ck:rationale ?r ; ck:linkConfidence ?c . ?f ck:feedsInto ?t"));
        assertEquals(1, g.count("?l ck:linkFrom <https://w3id.org/chainkg/id/pv/nrel-pv-ice/item/polysilicon> ; "
                                + "ck:linkTo <https://w3id.org/chainkg/id/eto/eto-chip-explorer/item/N26> ; ck:proxy ?p"));
    }

    @Test
    void badRowsAreRefusedNamingLineAndColumn(@TempDir Path tmp) throws IOException {
        String good = Files.readString(REAL);
        Path f = tmp.resolve("cross-chain.csv");
        Files.writeString(f, good.replace("usgs/usgs-mcs,galli,", "usgs-mcs,galli,"));
        assertRefused(f, "cross-chain.csv [line 3, field from_dataset]: \"usgs-mcs\" is not a dataset (write prefix/key with prefix eto, iea, pv, usgs, e.g. pv/nrel-pv-ice)");
        Files.writeString(f, good.replace(",Electronic gases,high,", ",Electronic gases,certain,"));
        assertRefused(f, "cross-chain.csv [line 8, field confidence]: \"certain\" is not a confidence (use high, medium or low)");
        String[] lines = good.split("\n");
        Files.writeString(f, good + lines[1] + "\n");
        assertRefused(f, "cross-chain.csv [line 14, field to_item]: the same link is listed twice (first at line 2)");
    }

    private static void assertRefused(Path f, String message) {
        var e = assertThrows(SourceDataException.class, () -> new CrossChainReader().read(List.of(f), StreamRDFLib.sinkNull()));
        assertEquals(message, e.getMessage());
    }
}
