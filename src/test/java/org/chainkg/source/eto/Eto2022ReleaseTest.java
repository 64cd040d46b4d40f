package org.chainkg.source.eto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SupplyGraph;
import org.chainkg.source.TextEncoding;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real September 2022 ETO release (data/eto-chip-explorer-releases/2022-09): its older schema and encoding. */
class Eto2022ReleaseTest {
    static final Path RELEASE = Path.of("data/eto-chip-explorer-releases/2022-09");
    static SupplyGraph g;

    @BeforeAll
    static void read() {
        var graph = GraphFactory.createDefaultGraph();
        try (var enc = TextEncoding.use(Charset.forName("x-MacRoman"))) {
            new EtoChainReader().read(List.of(RELEASE), StreamRDFLib.graph(graph));
        }
        g = new SupplyGraph(graph);
    }

    @Test
    void percentSharesTheNegligibleFlagMalaysiaAndVarious() {
        // provision.csv line 2: USA,P1,Design,S1,61%,
        assertEquals(1, g.count("?p ck:item [ dcterms:identifier \"S1\" ] ; ck:provider [ skos:notation \"USA\" ] ; ck:sharePercent 61.0 ; ck:shareText \"61%\""));
        // 73 rows flagged "negligible": listed, with the flag; those without a figure have their share unknown
        assertEquals(73, g.count("?p ck:flaggedNegligible true"));
        assertEquals(0, g.count("?p ck:flaggedNegligible true ; ck:shareKnown true FILTER NOT EXISTS { ?p ck:sharePercent ?s }"));
        // MAL (line 44 of providers.csv) is Malaysia
        assertEquals(1, g.count("?p ck:item [ dcterms:identifier \"N70\" ] ; ck:provider [ skos:notation \"MYS\" ] ; ck:sharePercent 1.0"));
        assertEquals(0, g.count("?c skos:notation \"MAL\""));
        // "Various" is residue, never a country
        assertEquals(1, g.count("?v a ck:UnattributedProvider ; dcterms:identifier \"P5\""));
        // 660 provision rows, one of them (line 60) an exact repeat of line 54: 659 supply records
        assertEquals(659, g.count("?p a ck:Provision"));
    }

    @Test
    void withoutTheEncodingTheLoadIsRefusedWithTheLikelyEncodingAndLosesNothing(@TempDir Path tmp) {
        try (ChainStore store = ChainStore.open(tmp.resolve("db"))) {
            long before = Txn.calculateRead(store.dataset(), () -> (Long) store.dataset().stream().count());
            var e = assertThrows(SourceDataException.class,
                () -> new SourceLoader(store.dataset()).load(new EtoChainReader(), List.of(RELEASE), null));
            assertTrue(e.getMessage().startsWith("inputs.csv [line 2]: the file is not UTF-8 (byte 0xD2"), e.getMessage());
            assertTrue(e.getMessage().contains("its bytes look like Mac OS Roman: load it with --encoding x-MacRoman, "
                                               + "or save it as UTF-8, e.g. iconv -f MACINTOSH -t UTF-8"), e.getMessage());
            assertEquals(before, Txn.calculateRead(store.dataset(), () -> (Long) store.dataset().stream().count()));
        }
    }

    @Test
    void aDatasetIsEitherReleasedOrNotAndOlderReleasesStayOutOfTheAnswers(@TempDir Path tmp) {
        try (ChainStore store = ChainStore.open(tmp.resolve("db"))) {
            SourceLoader loader = new SourceLoader(store.dataset());
            loader.load(new EtoChainReader(), List.of(RELEASE), null, "2022-09", Charset.forName("x-MacRoman"));
            var e = assertThrows(IllegalArgumentException.class,
                () -> loader.load(new EtoChainReader(), List.of(Path.of("data/eto-chip-explorer")), null, null));
            assertTrue(e.getMessage().startsWith("dataset eto-chip-explorer (eto) has release 2022-09"), e.getMessage());
            loader.load(new EtoChainReader(), List.of(Path.of("data/eto-chip-explorer")), null, "2026-08");
            // the 2026 release is current: USA's 2022 "61%" on S1 is not seen, the 2026 figure is
            String q = "PREFIX ck: <https://w3id.org/chainkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?s WHERE { ?p ck:item [ dcterms:identifier \"S1\" ] ; "
                + "ck:provider [ skos:notation \"USA\" ] ; ck:sharePercent ?s }";
            var rows = new org.chainkg.query.QueryRunner(store.dataset(), 0).selectAll(org.apache.jena.query.QueryFactory.create(q), null);
            List<String> shares = new java.util.ArrayList<>();
            rows.forEachRemaining(b -> shares.add(b.get("s").getLiteralLexicalForm()));
            assertEquals(List.of("51.0"), shares);   // provision.csv of 2026-08, line 1012: USA,P1,Design,S1,51.0
        }
    }
}
