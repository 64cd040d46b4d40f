package org.chainkg.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Held-out evaluation of lab → firm matching. For each research organisation of the truth file that is in the store
 * and has at least one truth firm in the store, every firm in the store is ranked by each method:
 * <ul>
 * <li>{@code chainkg}: the matcher's score (all features, the configured weights);</li>
 * <li>{@code random}: a random order (fixed seed);</li>
 * <li>{@code popularity}: firms with most participations (projects) first;</li>
 * <li>{@code text-only}: the BM25 text feature alone;</li>
 * </ul>
 * (ties: more projects and outputs first, then key) and scored by Recall@k, reciprocal rank (MRR is their mean) and
 * nDCG@k with binary gains, averaged over the labs of each stratum: {@code all}, and {@code cold-start} (labs with one
 * participation: one project or output in the store).
 */
public final class MatchingEvaluation {
    public static final List<String> METHODS = List.of("chainkg", "random", "popularity", "text-only");
    public static final List<String> STRATA = List.of("all", "cold-start");
    public static final String HEADER = "method,stratum,k,recall,mrr,ndcg,labs";

    public record Row(String method, String stratum, int k, double recall, double mrr, double ndcg, int labs) {
        public String csv() {
            return String.format(java.util.Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f,%d", method, stratum, k, recall, mrr, ndcg, labs);
        }
    }

    /** How the truth file met the store: pairs read, and what could not be evaluated. */
    public record Coverage(int pairs, int labs, int labsEvaluated, int labsNotInStore, int labsNotResearch,
                           int pairsFirmNotInStore, int pairsEvaluated) {}

    public record Result(List<Row> rows, Coverage coverage) {}

    /** Reads {@code lab_id,firm_id} pairs (header required), in file order, without repeats. */
    public static Map<String, Set<String>> readTruth(Path file) {
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.replace("\uFEFF", "").trim().replace("\"", "").equals("lab_id,firm_id"))
                throw new MatchException(file + " [line 1]: the header must be lab_id,firm_id (got " + header + ")");
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.replace("\"", "").split(",", -1);
                if (f.length != 2 || f[0].isBlank() || f[1].isBlank())
                    throw new MatchException(file + " [line " + n + "]: expected lab_id,firm_id, got \"" + line + "\"");
                truth.computeIfAbsent(f[0].trim(), k -> new LinkedHashSet<>()).add(f[1].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return truth;
    }

    /** Runs every method on every evaluable lab of the truth. */
    public static Result run(Matcher matcher, Map<String, Set<String>> truth, int k, long seed) {
        OrganisationProfiles profiles = matcher.profiles();
        List<Profile> firms = new ArrayList<>(profiles.firms());
        firms.sort(Comparator.comparing(Profile::key));
        MatchWeights textOnly = onlyText(matcher.weights());
        Map<String, double[][]> sums = new HashMap<>();   // method -> stratum -> {recall, rr, ndcg, labs}
        for (String m : METHODS) sums.put(m, new double[STRATA.size()][4]);
        int pairs = 0, notInStore = 0, notResearch = 0, firmMissing = 0, evaluatedPairs = 0, evaluated = 0, index = 0;
        for (Map.Entry<String, Set<String>> e : truth.entrySet()) {
            pairs += e.getValue().size();
            index++;
            Profile lab = profiles.find(e.getKey());
            if (lab == null) { notInStore++; continue; }
            if (!lab.isResearch()) { notResearch++; continue; }
            Set<Profile> relevant = new LinkedHashSet<>();
            for (String f : e.getValue()) {
                Profile firm = profiles.find(f);
                if (firm == null || !firm.isFirm() || firm == lab) firmMissing++;
                else relevant.add(firm);
            }
            if (relevant.isEmpty()) continue;
            evaluated++;
            evaluatedPairs += relevant.size();
            boolean cold = lab.activity() == 1;
            for (String method : METHODS) {
                List<Profile> ranking = rank(method, matcher, lab, firms, textOnly, seed + index);
                double[] m = metrics(ranking, relevant, k);
                for (int s = 0; s < STRATA.size(); s++) {
                    if (s == 1 && !cold) continue;
                    double[] acc = sums.get(method)[s];
                    for (int i = 0; i < 3; i++) acc[i] += m[i];
                    acc[3]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String method : METHODS)
            for (int s = 0; s < STRATA.size(); s++) {
                double[] acc = sums.get(method)[s];
                double n = Math.max(acc[3], 1);
                rows.add(new Row(method, STRATA.get(s), k, acc[0] / n, acc[1] / n, acc[2] / n, (int) acc[3]));
            }
        return new Result(rows, new Coverage(pairs, truth.size(), evaluated, notInStore, notResearch, firmMissing, evaluatedPairs));
    }

    static List<Profile> rank(String method, Matcher matcher, Profile lab, List<Profile> firms, MatchWeights textOnly, long seed) {
        Map<Profile, Double> scores = new HashMap<>();
        switch (method) {
            case "chainkg" -> matcher.pairScores(lab, Matcher.Mode.LAB, lab.country(), matcher.weights())
                                     .forEach((p, f) -> scores.put(p, f.score(matcher.weights())));
            case "text-only" -> matcher.pairScores(lab, Matcher.Mode.LAB, lab.country(), textOnly)
                                       .forEach((p, f) -> scores.put(p, f.score(textOnly)));
            case "popularity" -> firms.forEach(f -> { if (f != lab) scores.put(f, (double) f.projects()); });
            case "random" -> {
                List<Profile> shuffled = new ArrayList<>(firms);
                shuffled.remove(lab);
                Collections.shuffle(shuffled, new Random(seed));
                return shuffled;
            }
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        return Matcher.ranked(scores);
    }

    /** Recall@k, reciprocal rank of the first relevant (0 when none is ranked) and nDCG@k with binary gains. */
    public static double[] metrics(List<Profile> ranking, Set<Profile> relevant, int k) {
        int hits = 0, first = 0;
        double dcg = 0;
        for (int i = 0; i < ranking.size(); i++) {
            if (!relevant.contains(ranking.get(i))) continue;
            if (first == 0) first = i + 1;
            if (i < k) {
                hits++;
                dcg += 1 / log2(i + 2);
            }
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) idcg += 1 / log2(i + 2);
        return new double[] {(double) hits / relevant.size(), first == 0 ? 0 : 1.0 / first, dcg / idcg};
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }

    /** The configured weights with every weight but text's set to 0. */
    static MatchWeights onlyText(MatchWeights w) {
        MatchWeights out = w;
        for (String key : List.of("weight.technology.exact", "weight.technology.broad", "weight.need", "weight.network.partners",
                                  "weight.network.history", "weight.geography", "weight.popularity", "weight.item.outputs"))
            out = out.with(key, 0);
        return out.with("weight.text", 1);
    }

    private MatchingEvaluation() {}
}
