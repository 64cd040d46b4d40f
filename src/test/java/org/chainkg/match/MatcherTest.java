package org.chainkg.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chainkg.Cli;
import org.chainkg.IslandsFixture;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching on the synthetic islands fixture (src/test/golden/islands/README.md): RO1 (Kyoto Institute of Photonics,
 * JPN) already shares project ISLOPT with FX (Rotterdam Optics, NLD); RO2 has worked with both FX and F2.
 */
class MatcherTest {
    @TempDir static Path tmp;
    static Path db;
    static Matcher matcher;

    @BeforeAll
    static void build() {
        db = tmp.resolve("db");
        try (ChainStore s = IslandsFixture.store(db)) {
            matcher = Matcher.build(s.dataset(), MatchWeights.defaults());
        }
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    static List<String> keys(List<MatchResult> results) {
        return results.stream().map(r -> r.candidate().key()).toList();
    }

    @Test
    void firmsForALabComeWithTheirExplanations() {
        List<MatchResult> firms = matcher.match(Matcher.MatchRequest.lab(IslandsFixture.RO1, null, 20, false));
        // every firm of the store but none of the research organisations
        assertEquals(8, firms.size(), keys(firms).toString());
        assertTrue(firms.stream().allMatch(r -> r.candidate().isFirm()));
        MatchResult fx = firms.stream().filter(r -> r.candidate().key().equals("pic-" + IslandsFixture.FX)).findFirst().orElseThrow();
        assertEquals(1, fx.collaborated(), "RO1 and FX share project ISLOPT");
        assertEquals(List.of("NMBP-OPT-2016"), fx.sharedCodes());
        assertTrue(fx.sharedTerms().contains("optical"), fx.sharedTerms().toString());
        assertEquals(List.of("Osaka University of Materials [pic-990000102]"), fx.sharedPartners());
        MatchResult f2 = firms.stream().filter(r -> r.candidate().key().equals("pic-" + IslandsFixture.F2)).findFirst().orElseThrow();
        assertEquals(0, f2.collaborated());
        assertEquals(2, f2.sharedPartners().size(), "RO2 and FX worked with both: " + f2.sharedPartners());
        // ASML supplies N3 (JPN absent) which RO1's patents bear on: the chain need, with the item named
        MatchResult asml = firms.stream().filter(r -> r.candidate().key().equals("asml-nld")).findFirst().orElseThrow();
        assertEquals(1.0, asml.features().need());
        assertTrue(asml.chainItems().get(0).startsWith("N3 EUV scanners (JPN absent), supplied by the firm, researched by the lab"),
                   asml.chainItems().toString());
        for (int i = 1; i < firms.size(); i++)
            assertTrue(firms.get(i - 1).score() >= firms.get(i).score(), "ranked by score");
        assertTrue(firms.stream().limit(3).allMatch(r -> !r.sharedTerms().isEmpty() || !r.sharedPartners().isEmpty()
                                                        || !r.chainItems().isEmpty()), "the top results say why");
    }

    @Test
    void newOnlyDropsPairsThatAlreadyCollaborated() {
        List<String> all = keys(matcher.match(Matcher.MatchRequest.lab(IslandsFixture.RO1, null, 20, false)));
        List<String> fresh = keys(matcher.match(Matcher.MatchRequest.lab(IslandsFixture.RO1, null, 20, true)));
        assertTrue(all.contains("pic-" + IslandsFixture.FX));
        assertFalse(fresh.contains("pic-" + IslandsFixture.FX));
        assertEquals(all.stream().filter(k -> !k.equals("pic-" + IslandsFixture.FX)).toList(), fresh);
        // RO3 co-owns patent 9 with F1 and shares project ISLEDA with it
        assertFalse(keys(matcher.match(Matcher.MatchRequest.lab(IslandsFixture.RO3, null, 20, true))).contains("pic-" + IslandsFixture.F1));
    }

    @Test
    void labsForAFirmAndResearchOrganisationsForAnItem() {
        List<MatchResult> labs = matcher.match(Matcher.MatchRequest.firm(IslandsFixture.F2, null, 2, false));
        assertEquals(2, labs.size());
        assertTrue(labs.stream().allMatch(r -> r.candidate().isResearch()));
        assertEquals("pic-" + IslandsFixture.RO2, labs.get(0).candidate().key(), "F2's partner in ISLCHIP comes first");
        assertEquals(List.of("ICT-CHIP-2015"), labs.get(0).sharedCodes());

        List<MatchResult> forN3 = matcher.match(Matcher.MatchRequest.item("N3", "JPN", 3));
        assertEquals(List.of("pic-990000101", "pic-990000103", "pic-990000102"), keys(forN3), "by outputs bearing on N3: 2, 1, 0");
        assertEquals(List.of("N3 EUV scanners (JPN absent), 2 linked output(s): US99100004B1 (H05G 2/00); US99100005B1 (H05G 2/00)"),
                     forN3.get(0).chainItems());
        assertEquals(List.of("H05G 2/00"), forN3.get(0).sharedCodes());
        assertEquals("2 of the 3 research organisations have outputs bearing on N3 (EUV scanners): they are ranked first",
                     matcher.note(Matcher.MatchRequest.item("N3", "JPN", 3)).orElseThrow());
    }

    @Test
    void anItemMatchRanksOrganisationsWithOutputsOnTheItemFirst() {
        // Weights that make popularity everything: the organisation without outputs on N3 still comes last.
        MatchWeights popular = MatchWeights.defaults().with("weight.item.outputs", 0).with("weight.popularity", 100);
        try (Matcher m = new Matcher(matcher.profiles(), popular)) {
            List<MatchResult> forN3 = m.match(Matcher.MatchRequest.item("N3", "JPN", 3));
            assertEquals("pic-990000102", forN3.get(2).candidate().key(), "no output on N3: ranked after those with outputs");
            // ... although it is more active than one of them (so the weights alone would have ranked it higher).
            assertTrue(forN3.get(2).candidate().activity() > Math.min(forN3.get(0).candidate().activity(), forN3.get(1).candidate().activity()),
                       forN3.stream().map(r -> r.candidate().key() + " " + r.candidate().activity()).toList().toString());
        }
        // Candidate kinds: firms only, all organisations; an unknown kind is refused.
        List<MatchResult> firms = matcher.match(Matcher.MatchRequest.item("N3", "JPN", 10, Matcher.Candidates.FIRM));
        assertTrue(!firms.isEmpty() && firms.stream().allMatch(r -> r.candidate().isFirm()));
        assertTrue(matcher.match(Matcher.MatchRequest.item("N3", "JPN", 50, Matcher.Candidates.ALL)).size() > firms.size());
        MatchException bad = assertThrows(MatchException.class, () -> Matcher.Candidates.of("labs"));
        assertEquals("'labs' is not a candidate kind (use research, firm or all)", bad.getMessage());
    }

    @Test
    void organisationsAreNamedByIriKeyOrSourceIdentifier() {
        List<String> byPic = keys(matcher.match(Matcher.MatchRequest.lab(IslandsFixture.RO1, null, 5, false)));
        assertEquals(byPic, keys(matcher.match(Matcher.MatchRequest.lab("pic-990000101", null, 5, false))));
        assertEquals(byPic, keys(matcher.match(Matcher.MatchRequest.lab("https://w3id.org/chainkg/id/org/pic-990000101", null, 5, false))));
        assertEquals(byPic, keys(matcher.match(Matcher.MatchRequest.lab(
            "https://w3id.org/chainkg/id/uspto/assignee/kyoto-institute-of-photonics", null, 5, false))));
        MatchException unknown = assertThrows(MatchException.class, () -> matcher.match(Matcher.MatchRequest.lab("123", null, 5, false)));
        assertTrue(unknown.getMessage().contains("no organisation has the identifier '123'"), unknown.getMessage());
        MatchException kind = assertThrows(MatchException.class, () -> matcher.match(Matcher.MatchRequest.lab(IslandsFixture.F1, null, 5, false)));
        assertTrue(kind.getMessage().contains("is not a research organisation"), kind.getMessage());
        assertThrows(MatchException.class, () -> matcher.match(Matcher.MatchRequest.item("N99", "JPN", 5)));
    }

    @Test
    void weightsComeFromConfiguration(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "weight.text=0\nweight.popularity=3\n");
        MatchWeights w = MatchWeights.load(file);
        assertEquals(0.0, w.get("weight.text"));
        assertEquals(3.0, w.get("weight.popularity"));
        assertEquals(MatchWeights.defaults().get("weight.need"), w.get("weight.need"));
        Files.writeString(file, "weight.txet=1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatchWeights.load(file));
        assertTrue(e.getMessage().contains("unknown key 'weight.txet'"), e.getMessage());
    }

    @Test
    void matchCommand() {
        Cli.Result r = Cli.run("match", "--db", db.toString(), "--lab", IslandsFixture.RO1, "--new-only", "--k", "3", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.join(",", MatchTable.COLUMNS), lines.get(0));
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.stream().skip(1).noneMatch(l -> l.split(",")[1].equals("pic-" + IslandsFixture.FX)), r.out());
        Cli.Result usage = Cli.run("match", "--db", db.toString(), "--item", "N3");
        assertEquals(2, usage.exit(), "--item without --country is a usage error");
        Cli.Result unknown = Cli.run("match", "--db", db.toString(), "--lab", "nope");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no organisation has the identifier 'nope'"), unknown.err());
    }

    @Test
    void matchAgainstARemoteStoreGivesTheLocalAnswer() {
        List<List<String>> targets = List.of(List.of("--lab", IslandsFixture.RO1), List.of("--item", "N3", "--country", "JPN"));
        List<String> expected = new java.util.ArrayList<>();
        for (List<String> target : targets) {
            List<String> args = new java.util.ArrayList<>(List.of("match", "--format", "csv", "--k", "5", "--db", db.toString()));
            args.addAll(target);
            Cli.Result l = Cli.run(args.toArray(String[]::new));
            assertEquals(0, l.exit(), l.err());
            assertTrue(l.out().lines().count() > 1, "the local match has results: " + l.out());
            expected.add(l.out());
        }
        // A second chainkg server on a free port serving the same store: match --endpoint reads it over SPARQL.
        try (org.chainkg.store.ChainStore store = org.chainkg.store.ChainStore.open(db)) {
            var server = org.chainkg.server.ChainkgServer.build(store.dataset(), 0, false, 30).start();
            try {
                String endpoint = "http://localhost:" + server.getPort() + org.chainkg.server.ChainkgServer.DATASET + "/sparql";
                for (int i = 0; i < targets.size(); i++) {
                    List<String> args = new java.util.ArrayList<>(List.of("match", "--format", "csv", "--k", "5", "--endpoint", endpoint));
                    args.addAll(targets.get(i));
                    Cli.Result r = Cli.run(args.toArray(String[]::new));
                    assertEquals(0, r.exit(), r.err());
                    assertEquals(expected.get(i), r.out(), "match " + targets.get(i) + " remote vs local");
                }
            } finally {
                server.stop();
            }
        }
    }
}
