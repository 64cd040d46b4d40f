package org.chainkg.source.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chainkg.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-2026 H01L groups reach chain items through the curated concordance (data/mappings/cpc-concordance.csv), on
 * the real Patent Public Search records. Golden rows worked out by hand from data/uspto-ppubs/patents_biblio.jsonl:
 * <ul>
 *   <li>US 9,875,922 B2 (Intevac, "Substrate processing system and method") carries H01L21/26506 in cpc_inventive;
 *       row H01L 21/265 → H10P 30/00 of the concordance; H10P 30/00 is mapped to N16 (Ion implantation);</li>
 *   <li>US 11,444,221 B2 (Silicon Genesis, "Layer transfer of films utilizing controlled shear region") carries
 *       H01L21/76254; row H01L 21/7625 → H10P 10/00; H10P 10/00 is mapped to N26 (Wafer).</li>
 * </ul>
 */
class CpcConcordanceTest {
    @TempDir static Path tmp;
    static String db;

    @BeforeAll
    static void load() {
        db = tmp.resolve("db").toString();
        assertEquals(0, Cli.run("load", "--db", db, "--no-derive", "--format", "eto", "data/eto-chip-explorer").exit());
        assertEquals(0, Cli.run("load", "--db", db, "--no-derive", "data/mappings").exit());
        Cli.Result r = Cli.run("load", "--db", db, "data/uspto-ppubs");
        assertEquals(0, r.exit(), r.err());
    }

    private static List<String> rows(String item) {
        Cli.Result r = Cli.run("query", "outputs-for-item", "--db", db, "--param", "item=" + item, "--format", "csv", "--quiet");
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().toList();
    }

    @Test
    void anIonImplantationPatentReachesItsItemThroughTheConcordance() {
        assertTrue(rows("N16").contains("US9875922B2,Substrate processing system and method,patent,2018,curated-cpc,"
                                        + "H01L 21/26506 → H10P 30/00 (CPC concordance),Intevac,USA,"
                                        + "https://w3id.org/chainkg/graph/uspto-ppubs/uspto-ppubs"), String.join("\n", rows("N16")));
    }

    @Test
    void aSmartCutPatentReachesWafersThroughThePrefixRow() {
        assertTrue(rows("N26").stream().anyMatch(l -> l.startsWith("US11444221B2,Layer transfer of films utilizing controlled shear region,patent,2022,curated-cpc,"
                                                               + "H01L 21/76254 → H10P 10/00 (CPC concordance),Silicon Genesis Corporation,")),
                   String.join("\n", rows("N26")));
    }

    @Test
    void everyRowNamesItsBasisAndSource() {
        Cli.Result r = Cli.run("query", "--db", db, "--format", "csv", "--quiet", "--sparql", """
            PREFIX ck: <https://w3id.org/chainkg/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT (COUNT(?e) AS ?n) (COUNT(?src) AS ?sourced) (SUM(IF(?b = "documented", 1, 0)) AS ?documented)
            WHERE { ?e a ck:CpcConcordanceEntry ; ck:concordanceBasis ?b ; ck:formerGroup/dcterms:isReplacedBy ?new .
                    ?e ck:successorGroup ?new . OPTIONAL { ?e dcterms:source ?src } }""");
        assertEquals(0, r.exit(), r.err());
        assertEquals("25,25,13", r.out().lines().toList().get(1));
    }
}
