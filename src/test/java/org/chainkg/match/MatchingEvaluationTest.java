package org.chainkg.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.chainkg.Cli;
import org.chainkg.IslandsFixture;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recall@k, MRR and nDCG@k checked against values worked out by hand. */
class MatchingEvaluationTest {
    @TempDir static Path tmp;
    static Path db;

    @BeforeAll
    static void build() {
        db = tmp.resolve("db");
        IslandsFixture.store(db).close();
    }

    static List<Profile> profiles(String... keys) {
        List<Profile> out = new ArrayList<>();
        for (String k : keys) out.add(new Profile(NodeFactory.createURI("https://w3id.org/chainkg/id/org/" + k)));
        return out;
    }

    @Test
    void metricsOfOneRanking() {
        List<Profile> ranking = profiles("a", "b", "c", "d", "e");
        // relevant b (rank 2) and e (rank 5), k = 3: one of two found; first relevant at rank 2;
        // DCG = 1/log2(3) = 0.63093, IDCG = 1 + 1/log2(3) = 1.63093, nDCG = 0.38685
        double[] m = MatchingEvaluation.metrics(ranking, Set.of(ranking.get(1), ranking.get(4)), 3);
        assertArrayEquals(new double[] {0.5, 0.5, 0.386853}, m, 1e-6);
        // relevant a (rank 1) only, k = 3: everything perfect
        assertArrayEquals(new double[] {1, 1, 1}, MatchingEvaluation.metrics(ranking, Set.of(ranking.get(0)), 3), 1e-9);
        // relevant d (rank 4), k = 3: not found in the top 3, reciprocal rank 1/4
        assertArrayEquals(new double[] {0, 0.25, 0}, MatchingEvaluation.metrics(ranking, Set.of(ranking.get(3)), 3), 1e-9);
        // relevant c and d (ranks 3, 4), k = 5: both found; DCG = 1/log2(4) + 1/log2(5) = 0.5 + 0.43068 = 0.93068,
        // IDCG = 1 + 0.63093 = 1.63093, nDCG = 0.57064; reciprocal rank 1/3
        assertArrayEquals(new double[] {1, 1.0 / 3, 0.570642},
                          MatchingEvaluation.metrics(ranking, Set.of(ranking.get(2), ranking.get(3)), 5), 1e-6);
    }

    /**
     * Popularity on the islands fixture, worked out by hand: projects FX 2, F1 1, F2 1, the five eto-mini firms 0;
     * ties by projects and outputs (F1: project + patent 9 = 2, F2: project + patent 11 = 2: equal) then key. Order:
     * FX, F1, F2, asml, jsr, nikon, smee, synopsys. Truth: RO1 -> F2 (rank 3), RO3 -> F1 (rank 2), an unknown lab
     * (skipped). k = 2: recall (0 + 1) / 2 = 0.5; MRR (1/3 + 1/2) / 2 = 0.416667; nDCG (0 + 1/log2(3)) / 2 = 0.315465.
     * No lab has a single participation (all hold patents too): the cold-start stratum has 0 labs.
     */
    @Test
    void evalMatchingCommandOnAHandMadeTruthFile() throws IOException {
        Path truth = tmp.resolve("truth.csv");
        Files.writeString(truth, "lab_id,firm_id\n" + IslandsFixture.RO1 + "," + IslandsFixture.F2 + "\n"
                                 + IslandsFixture.RO3 + "," + IslandsFixture.F1 + "\n" + "555,990000111\n");
        Cli.Result r = Cli.run("eval", "matching", "--db", db.toString(), "--truth", truth.toString(), "--k", "2", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("method,stratum,k,recall,mrr,ndcg,labs", lines.get(0));
        assertEquals(9, lines.size(), r.out());
        assertEquals(List.of("chainkg,all", "chainkg,cold-start", "random,all", "random,cold-start", "popularity,all",
                             "popularity,cold-start", "text-only,all", "text-only,cold-start"),
                     lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList());
        assertTrue(lines.contains("popularity,all,2,0.5000,0.4167,0.3155,2"), r.out());
        assertTrue(lines.contains("popularity,cold-start,2,0.0000,0.0000,0.0000,0"), r.out());
        assertTrue(r.err().contains("labs not in the store: 1"), r.err());
        // chainkg ranks RO1's F2 and RO3's F1 first or second (shared partners; co-ownership and a shared project)
        String chainkg = lines.stream().filter(l -> l.startsWith("chainkg,all,")).findFirst().orElseThrow();
        assertEquals("chainkg,all,2,1.0000", chainkg.substring(0, chainkg.indexOf(',', chainkg.indexOf("1.0000"))));
    }

    @Test
    void truthFileErrorsNameTheLine() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "lab_id,firm_id\n1,2\n3\n");
        MatchException e = assertThrows(MatchException.class, () -> MatchingEvaluation.readTruth(bad));
        assertTrue(e.getMessage().endsWith("[line 3]: expected lab_id,firm_id, got \"3\""), e.getMessage());
        Files.writeString(bad, "lab,firm\n1,2\n");
        assertThrows(MatchException.class, () -> MatchingEvaluation.readTruth(bad));
    }

    @Test
    void holdoutSplitIsReproducibleAndGivesTheHiddenProjectsLabFirmPairs() throws IOException {
        Path a = tmp.resolve("split-a"), b = tmp.resolve("split-b");
        Cli.Result r = Cli.run("eval", "split", "--seed", "3", "--holdout", "0.34", IslandsFixture.DIR.resolve("cordis").toString(), a.toString());
        assertEquals(0, r.exit(), r.err());
        CordisHoldout.split(IslandsFixture.DIR.resolve("cordis"), b, 3, 0.34);
        assertEquals(Files.readString(a.resolve("truth.csv")), Files.readString(b.resolve("truth.csv")));
        List<String> train = Files.readAllLines(a.resolve("train/organizations.csv"));
        List<String> hidden = Files.readAllLines(a.resolve("hidden/organizations.csv"));
        assertEquals(9 + 1, train.size() + hidden.size(), "8 rows and both headers");
        assertEquals(4, hidden.size(), "one project of three (round(0.34 x 3) = 1) hidden, with its 3 rows");
        String project = hidden.get(1).substring(1, 7);
        List<String> truth = Files.readAllLines(a.resolve("truth.csv"));
        List<String> expected = switch (project) {
            case "990101" -> List.of("lab_id,firm_id", "990000102,990000112", "990000102,990000113");
            case "990102" -> List.of("lab_id,firm_id", "990000101,990000113", "990000102,990000113");
            default -> List.of("lab_id,firm_id", "990000103,990000111");
        };
        assertEquals(expected, truth);
        assertTrue(train.stream().skip(1).noneMatch(l -> l.startsWith("\"" + project + "\"")));
        // the training extract loads with the CORDIS reader
        Cli.Result load = Cli.run("load", "--db", tmp.resolve("split-db").toString(), "--quiet", "--no-derive", a.resolve("train").toString());
        assertEquals(0, load.exit(), load.err());
    }
}
