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
 *   <li>3 of those CEA patents are co-owned by Soitec, a French firm by two curated rows (organisation-aliases.csv, key
 *       soitec): N26 is not an island of France; the CEA's two dicing-tool patents (N71) are, with min_outputs=1;</li>
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
            assertEquals(16, ServeCommand.loadMissingBundled(s));
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
    void theCeaWaferPatentsAreTakenUpBySoitec() {
        // 3 of the CEA's 18 wafer patents are co-owned by Soitec (S.O.I. Tec Silicon On Insulator Technologies), which holds
        // 2 more on wafers; a firm of FRA by the curated rows of organisation-aliases.csv: uptake (2), so N26 is not an
        // island of France.
        Cli.Result islands = query("technology-islands", "country=FRA");
        assertEquals(1, islands.out().lines().count(), islands.out());
        assertTrue(islands.err().contains("note: no islands: the loaded data has 80 research organisation(s) of FRA, holding 18 "
                                          + "output(s) on chain items in the window"), islands.err());
        // With one output enough: the CEA's two dicing-tool patents (US7713369B2, 2010; US8389379B2, 2013) are not co-owned.
        List<String> rows = query("technology-islands", "country=FRA", "min_outputs=1").out().lines().toList();
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("item,N71,Dicing tools,1,2,2,0,2010,2013,absent,island,\"2 outputs by 1 "
                                                            + "research organisation(s) of FRA in the years up to ")), String.join("\n", rows));
        assertTrue(rows.stream().noneMatch(l -> l.startsWith("item,N26,")), String.join("\n", rows));
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
    void collaborationsOfOneOrganisation() {
        // The CEA and Soitec co-own 3 Smart Cut patents (Patent Public Search records, worked out in the golden README).
        List<String> rows = query("collaborations", "org=https://w3id.org/chainkg/id/org/pic-999992401").out().lines().toList();
        assertTrue(rows.contains("COMMISSARIAT A L ENERGIE ATOMIQUE ET AUX ENERGIES ALTERNATIVES,FRA,S.O.I. Tec Silicon On Insulator "
                                 + "Technologies,FRA,co-assignment,3,US7615463B2 US7670930B2 US7772087B2"), String.join("\n", rows));
        assertTrue(rows.stream().skip(1).allMatch(l -> l.startsWith("COMMISSARIAT A L ENERGIE ATOMIQUE")), "only the CEA's pairs");
    }

    @Test
    void chainMapNamesEachStageOnceInEnglish() {
        // Stages carry an English and a Chinese label (eto-items-zh.csv): the chain map gives the English one, once.
        List<String> rows = query("chain-map").out().lines().toList();
        assertTrue(rows.contains("N0,Chip design,Process,S1,Design,false,,N13 N5 N6 N7,N35"), String.join("\n", rows.subList(0, 5)));
    }

    @Test
    void chokepointCapacityAnswersForEveryCountryAsked() {
        for (String c : List.of("CHN", "USA", "FRA", "JPN", "DEU"))
            assertTrue(query("chokepoint-capacity", "country=" + c).out().lines().count() > 1, c);
    }
    static List<java.util.Map<String, String>> csv(String text) {
        try (com.fasterxml.jackson.databind.MappingIterator<java.util.Map<String, String>> it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                 .readerFor(java.util.Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Cli.Result run(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    @Test
    void euvToolsMatchTheFirmsThatPatentOnThemFirstWithTheirEvidence() {
        // N20 EUV lithography tools: ASML (4 patents with G03F 7/70xxx groups mapped to N20), Canon (3), Tokyo Electron
        // (1: US11555691B2, G03F 7/70608) are the only organisations with outputs bearing on N20; they come first.
        Cli.Result r = run("match", "--db", db, "--item", "N20", "--country", "USA", "--kind", "all", "--k", "5", "--format", "csv");
        List<String> rows = r.out().lines().toList();
        assertTrue(rows.get(1).startsWith("1,ror-01vxknj13,ASML (Netherlands),firm,NLD,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,ror-05gg0gh87,Canon (Japan),firm,JPN,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("3,ror-05gd76j39,Tokyo Electron (Japan),firm,JPN,"), rows.get(3));
        assertTrue(rows.get(3).contains("N20 EUV lithography tools (USA absent), 1 linked output(s): US11555691B2 (G03F 7/70608)"), rows.get(3));
        assertTrue(r.err().contains("note: 3 of the "), r.err());
        // Generic words never explain a match, numbers neither.
        List<String> generic = org.chainkg.match.GenericWords.words();
        for (java.util.Map<String, String> row : csv(r.out()))
            for (String t : row.get("shared_terms").split("; "))
                assertTrue(!generic.contains(t) && !t.matches("\\d+"), "generic shared term '" + t + "' in " + row);
        // Research organisations only: none has outputs on N20, and the note says so.
        Cli.Result labs = run("match", "--db", db, "--item", "N20", "--country", "USA", "--format", "csv");
        assertTrue(labs.err().contains("note: none of the "), labs.err());
        assertTrue(labs.err().contains(" research organisations has outputs bearing on N20 (EUV lithography tools)"), labs.err());
    }

    @Test
    void waferMatchForFranceRanksTheCeaFirst() {
        Cli.Result r = run("match", "--db", db, "--item", "N26", "--country", "FRA", "--k", "3", "--format", "csv");
        List<String> rows = r.out().lines().toList();
        assertTrue(rows.get(1).startsWith("1,pic-999992401,COMMISSARIAT A L ENERGIE ATOMIQUE ET AUX ENERGIES ALTERNATIVES,"), rows.get(1));
        assertTrue(rows.get(1).contains("N26 Wafer (FRA absent), 18 linked output(s): "), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,pic-998096827,MASSACHUSETTS INSTITUTE OF TECHNOLOGY,"), rows.get(2));
    }

    @Test
    void itemMatchingBeatsItsBaselinesOnAHeldOutYear() {
        // 2023: the Patent Public Search year; its holders' patents are hidden, and they are the truth.
        Cli.Result r = run("eval", "item-matching", "--db", db, "--year", "2023", "--format", "csv");
        java.util.Map<String, Double> recall = new java.util.HashMap<>();
        for (String l : r.out().lines().skip(1).toList()) {
            String[] f = l.split(",");
            recall.put(f[0] + "/" + f[1], Double.parseDouble(f[3]));
        }
        assertTrue(r.err().contains("hold-out 2023: "), r.err());
        for (String baseline : List.of("prior-outputs", "technology-only", "text-only", "popularity", "random"))
            assertTrue(recall.get("chainkg/all") > recall.get(baseline + "/all"),
                       "chainkg " + recall.get("chainkg/all") + " vs " + baseline + " " + recall.get(baseline + "/all") + "\n" + r.out());
    }

    // Across chains, tiers and releases, on the bundled real data (issue: supply gaps across chains, tiers and time).

    @Test
    void galliumIsAChokepointForTheUnitedStatesOnTheUsgsChain() {
        List<String> rows = query("chokepoints", "country=USA", "chain=https://w3id.org/chainkg/id/usgs/usgs-mcs/chain").out().lines().toList();
        // USGS MCS 2024: China 600,000 kg of a world total of 610,000 kg (2023, estimated)
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("galli,Gallium,") && l.contains(",CHN,98.3607,0.0,")), String.join("\n", rows));
        for (String chain : List.of("iea/iea-critical-minerals", "pv/nrel-pv-ice", "eto/eto-chip-explorer"))
            assertTrue(query("chokepoints", "country=USA", "chain=https://w3id.org/chainkg/id/" + chain + "/chain").out().lines().count() > 1, chain);
    }

    @Test
    void upstreamRiskOfTheEtoWaferReachesMgSiThroughPolysilicon() {
        List<String> rows = query("upstream-risk", "item=N26", "country=USA").out().lines().toList();
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("polysilicon,Polysilicon (solar grade),https://w3id.org/chainkg/id/pv/nrel-pv-ice/chain,1,held,")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("mgsi,Metallurgical-grade silicon (MG-Si),https://w3id.org/chainkg/id/pv/nrel-pv-ice/chain,2,negligible,")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("galli,Gallium,https://w3id.org/chainkg/id/usgs/usgs-mcs/chain,1,")), String.join("\n", rows));
    }

    @Test
    void chinaWithoutTheNetherlandsAndJapanIsCutOffFromEuvAndArfImmersion() {
        List<String> rows = query("what-if", "country=CHN", "without=NLD,JPN").out().lines().toList();
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("item,N20,EUV lithography tools,100.0,0.0,0.0,0,yes,")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("item,N22,ArF immersion (DUV) lithography tools,") && l.contains(",yes,")), String.join("\n", rows));
        assertEquals(1, query("what-if", "country=CHN").out().lines().count(), "without=none cuts nothing off");
    }

    @Test
    void releaseChangesFrom2022To2026AgreeWithTheLoadSummary() {
        List<String> rows = query("release-changes", "country=CHN").out().lines().toList();
        // ReleaseSummary (plain Java over the two graphs) counts items 129 (+48, -1) between 2022-09 and 2026-08
        assertEquals(48, rows.stream().filter(l -> l.startsWith("item-added,")).count());
        assertEquals(1, rows.stream().filter(l -> l.startsWith("item-removed,")).count());
        assertTrue(rows.stream().allMatch(l -> l.startsWith("change,") || l.endsWith(",2022-09,2026-08")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("chokepoint-added,")), String.join("\n", rows));
        try (ChainStore s = ChainStore.open(Path.of(db))) {
            var summary = org.chainkg.store.ReleaseSummary.of(s.dataset(),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/chainkg/graph/eto/eto-chip-explorer/2026-08")).orElseThrow();
            assertTrue(summary.contains("items 129 (+48, -1)"), summary);
        }
    }

    @Test
    void theBundledStoreWithTwoReleasesAndFourChainsConformsToTheShapes() {
        Cli.Result r = Cli.run("validate", "--db", db);
        assertEquals(0, r.exit(), r.out() + r.err());
    }
}
