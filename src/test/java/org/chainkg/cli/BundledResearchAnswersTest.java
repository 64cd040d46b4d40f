package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chainkg.Cli;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The research queries on the bundled real data, as the default {@code serve} loads it (ETO chain, curated mappings,
 * CORDIS, ROR, Patent Public Search and PatentsView patents). Golden rows worked out by hand from the source records
 * (see src/test/golden/research/README.md):
 * <ul>
 *   <li>CEA (France): 18 Patent Public Search records assigned to the CEA under its old or new name carry H01L
 *       21/7625x, 21/2007 or 21/304, which the concordance leads to H10P 10/00 or H10P 52/00, both mapped to N26 Wafer;
 *       issued 2004 (US 6,756,286) to 2014 (US 8,664,084, US 8,778,775). The old name reaches the CEA's CORDIS record
 *       (PIC 999992401, a research organisation) through data/mappings/organisation-aliases.csv;</li>
 *   <li>MIT (USA, a CORDIS higher-education participant): 4 records carry H01L 21/76254, 21/76256 or 21/2007 →
 *       H10P 10/00 → N10 Wafer bonding and aligning tools, issued 2005 (US 6,921,914, US 6,940,089) to 2008 (US 7,348,259).</li>
 * </ul>
 */
class BundledResearchAnswersTest {
    @TempDir static Path tmp;
    static String db;

    @BeforeAll
    static void load() {
        Path dir = tmp.resolve("db");
        try (ChainStore s = ChainStore.open(dir)) {
            assertEquals(11, ServeCommand.loadMissingBundled(s));
        }
        db = dir.toString();
    }

    static Cli.Result query(String name, String... params) {
        List<String> args = new java.util.ArrayList<>(List.of("query", name, "--db", db, "--format", "csv"));
        for (String p : params) { args.add("--param"); args.add(p); }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    @Test
    void researchCapacityOfFranceHasTheCea() {
        List<String> rows = query("research-capacity", "country=FRA").out().lines().toList();
        assertTrue(rows.contains("N26,Wafer,FRA,1,18,2004,2014,COMMISSARIAT A L ENERGIE ATOMIQUE ET AUX ENERGIES ALTERNATIVES"),
                   String.join("\n", rows));
    }

    @Test
    void researchCapacityOfTheUnitedStatesHasMit() {
        List<String> rows = query("research-capacity", "country=USA").out().lines().toList();
        assertTrue(rows.contains("N10,Wafer bonding and aligning tools,USA,1,4,2005,2008,MASSACHUSETTS INSTITUTE OF TECHNOLOGY"),
                   String.join("\n", rows));
    }

    @Test
    void theCeaWaferPatentsAreAnIslandOfFrance() {
        // No firm of FRA supplies wafers in the ETO data (FRA status absent), none holds or co-owns the 18 patents,
        // none takes part in a project on wafers with the CEA, and no FRA firm's patent cites them.
        List<String> rows = query("technology-islands", "country=FRA").out().lines().toList();
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("item,N26,Wafer,1,18,18,0,2004,2014,absent,island,\"18 outputs by 1 "
                                                            + "research organisation(s) of FRA in the years up to ")), String.join("\n", rows));
    }

    @Test
    void anEmptyAnswerSaysWhy() {
        Cli.Result r = query("research-capacity", "country=JPN");
        assertEquals(1, r.out().lines().count(), "the header only: " + r.out());
        assertTrue(r.err().contains("note: no rows: the loaded data has 1 research organisation(s) of JPN; they hold 0 research "
                                    + "output(s), 0 of them on a chain item"), r.err());
        Cli.Result islands = query("technology-islands", "country=USA");
        assertTrue(islands.err().contains("note: no islands: the loaded data has "), islands.err());
    }

    @Test
    void chokepointCapacityAnswersForEveryCountryAsked() {
        for (String c : List.of("CHN", "USA", "FRA", "JPN", "DEU"))
            assertTrue(query("chokepoint-capacity", "country=" + c).out().lines().count() > 1, c);
    }
}
