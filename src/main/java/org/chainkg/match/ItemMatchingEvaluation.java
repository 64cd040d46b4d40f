package org.chainkg.match;

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

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Held-out evaluation of item matching ("which organisations could work on this chain item?") on the store's real
 * patents and papers. The outputs of one year ({@code ck:outputYear}) are hidden: the profiles are built without them
 * (no codes, text, partners or item links from them). The truth of an item is the set of canonical organisations
 * holding a hidden output that bears on it ({@code ck:bearsOn}: curated CPC mapping, concordance, or text link). For
 * every item with a truth, every candidate is ranked by each method:
 * <ul>
 * <li>{@code chainkg}: the item match as the product runs it (all features, the configured weights; organisations with
 *     outputs on the item first);</li>
 * <li>{@code prior-outputs}: the organisation's (visible) outputs on the item, most first: "who worked on it before";</li>
 * <li>{@code technology-only}: the cosine of technology codes (exact and broad) alone;</li>
 * <li>{@code text-only}: the BM25 text feature alone;</li>
 * <li>{@code popularity}: most projects and outputs first;</li>
 * <li>{@code random}: a random order (fixed seed);</li>
 * </ul>
 * (ties: more projects and outputs, then key) and scored by Recall@k, reciprocal rank and nDCG@k (binary gains),
 * averaged over the items of a stratum: {@code all}, and {@code new} (only the truth organisations with no visible
 * output on the item, over the items that have such: the organisations prior outputs cannot find).
 */
public final class ItemMatchingEvaluation {
    public static final List<String> METHODS = List.of("chainkg", "prior-outputs", "technology-only", "text-only", "popularity", "random");
    public static final List<String> STRATA = List.of("all", "new");
    public static final String HEADER = "method,stratum,k,recall,mrr,ndcg,items";

    private static final String HIDDEN = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT DISTINCT ?o ?el ?canon WHERE {
          ?o ck:outputYear ?y FILTER(?y = %d)
          OPTIONAL { ?o ck:bearsOn ?el . ?el a ck:ChainItem . ?o ck:heldBy ?canon }
        }""";

    /** How the hold-out met the store. */
    public record Coverage(int year, int hiddenOutputs, int items, int pairs, int newPairs, int candidates) {}

    public record Result(List<MatchingEvaluation.Row> rows, Coverage coverage) {}

    /** Hides the outputs of {@code year}, builds the matcher without them, and ranks the candidates of every item. */
    public static Result run(DatasetGraph dsg, MatchWeights weights, int year, String country, Matcher.Candidates kind, int k, long seed) {
        Set<Node> hidden = new LinkedHashSet<>();
        Map<Node, Set<Node>> truthIris = new LinkedHashMap<>();   // item -> canonical organisations
        Txn.executeRead(dsg, () -> {
            try (QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(String.format(HIDDEN, year))).build()) {
                q.select().forEachRemaining(b -> {
                    hidden.add(b.get("o"));
                    if (b.contains("el") && b.contains("canon")) truthIris.computeIfAbsent(b.get("el"), x -> new LinkedHashSet<>()).add(b.get("canon"));
                });
            }
        });
        if (hidden.isEmpty()) throw new MatchException("no output of the store has the year " + year + " (ck:outputYear)");
        OrganisationProfiles profiles = OrganisationProfiles.read(dsg, hidden);
        Map<Node, Profile> byIri = new HashMap<>();
        for (Profile p : profiles.all()) byIri.put(p.iri, p);
        try (Matcher matcher = new Matcher(profiles, weights)) {
            List<Profile> candidates = new ArrayList<>(matcher.candidates(kind));
            candidates.sort(Comparator.comparing(Profile::key));
            Set<Profile> allowed = new java.util.HashSet<>(candidates);
            MatchWeights textOnly = MatchingEvaluation.onlyText(weights);
            MatchWeights techOnly = onlyTechnology(weights);
            Map<String, double[][]> sums = new HashMap<>();
            for (String m : METHODS) sums.put(m, new double[STRATA.size()][4]);
            int items = 0, pairs = 0, newPairs = 0;
            for (Map.Entry<Node, Set<Node>> e : truthIris.entrySet()) {
                OrganisationProfiles.Item item = profiles.item(e.getKey());
                if (item == null) continue;
                Set<Profile> relevant = new LinkedHashSet<>(), fresh = new LinkedHashSet<>();
                for (Node c : e.getValue()) {
                    Profile p = byIri.get(c);
                    if (p == null || !allowed.contains(p)) continue;
                    relevant.add(p);
                    if (p.researched.getOrDefault(item.iri, 0) == 0) fresh.add(p);
                }
                if (relevant.isEmpty()) continue;
                items++;
                pairs += relevant.size();
                newPairs += fresh.size();
                for (String method : METHODS) {
                    List<Profile> ranking = rank(method, matcher, item, country, candidates, weights, textOnly, techOnly, seed + items);
                    add(sums.get(method)[0], MatchingEvaluation.metrics(ranking, relevant, k));
                    if (!fresh.isEmpty()) {
                        // The "new" stratum ranks without the organisations already known to work on the item (they are
                        // neither relevant nor in the way): what is left to find is who starts on it.
                        List<Profile> rest = ranking.stream().filter(p -> p.researched.getOrDefault(item.iri, 0) == 0).toList();
                        add(sums.get(method)[1], MatchingEvaluation.metrics(rest, fresh, k));
                    }
                }
            }
            List<MatchingEvaluation.Row> rows = new ArrayList<>();
            for (String method : METHODS)
                for (int s = 0; s < STRATA.size(); s++) {
                    double[] acc = sums.get(method)[s];
                    double n = Math.max(acc[3], 1);
                    rows.add(new MatchingEvaluation.Row(method, STRATA.get(s), k, acc[0] / n, acc[1] / n, acc[2] / n, (int) acc[3]));
                }
            return new Result(rows, new Coverage(year, hidden.size(), items, pairs, newPairs, candidates.size()));
        }
    }

    private static void add(double[] acc, double[] m) {
        for (int i = 0; i < 3; i++) acc[i] += m[i];
        acc[3]++;
    }

    static List<Profile> rank(String method, Matcher matcher, OrganisationProfiles.Item item, String country, List<Profile> candidates,
                              MatchWeights weights, MatchWeights textOnly, MatchWeights techOnly, long seed) {
        Map<Profile, Double> scores = new HashMap<>();
        switch (method) {
            case "chainkg" -> {
                matcher.itemScores(item, country, candidates, weights).forEach((p, f) -> scores.put(p, f.score(weights)));
                return Matcher.rankedForItem(scores, item.iri, Integer.MAX_VALUE);
            }
            case "prior-outputs" -> candidates.forEach(p -> scores.put(p, (double) p.researched.getOrDefault(item.iri, 0)));
            case "technology-only" -> matcher.itemScores(item, country, candidates, techOnly).forEach((p, f) -> scores.put(p, f.score(techOnly)));
            case "text-only" -> matcher.itemScores(item, country, candidates, textOnly).forEach((p, f) -> scores.put(p, f.score(textOnly)));
            case "popularity" -> candidates.forEach(p -> scores.put(p, (double) p.activity()));
            case "random" -> {
                List<Profile> shuffled = new ArrayList<>(candidates);
                Collections.shuffle(shuffled, new Random(seed));
                return shuffled;
            }
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        return Matcher.ranked(scores);
    }

    /** The configured weights with every weight but the two technology weights set to 0. */
    static MatchWeights onlyTechnology(MatchWeights w) {
        MatchWeights out = w;
        for (String key : List.of("weight.text", "weight.need", "weight.network.partners", "weight.network.history",
                                  "weight.geography", "weight.popularity", "weight.item.outputs"))
            out = out.with(key, 0);
        return out;
    }

    private ItemMatchingEvaluation() {}
}
