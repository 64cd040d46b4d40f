package org.chainkg.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Ranks firms for a research organisation, research organisations for a firm, or research organisations for a
 * chain item, by a weighted sum of features ({@link Features}; weights in {@link MatchWeights}), and explains each
 * result: shared terms, shared technology codes, the chain items of the need, the shared partners.
 * <pre>
 * try (Matcher m = Matcher.build(store.dataset(), MatchWeights.defaults())) {
 *     List&lt;MatchResult&gt; firms = m.match(MatchRequest.lab("999901318", null, 20, false));
 * }
 * </pre>
 * Built once per store state: it reads every organisation's profile and indexes their text in memory.
 */
public final class Matcher implements AutoCloseable {
    public enum Mode { LAB, FIRM, ITEM }

    /** What to match: the query organisation or item, the country of interest (null: the organisation's), top k. */
    public record MatchRequest(Mode mode, String id, String country, int k, boolean newOnly) {
        public static MatchRequest lab(String id, String country, int k, boolean newOnly) { return new MatchRequest(Mode.LAB, id, country, k, newOnly); }
        public static MatchRequest firm(String id, String country, int k, boolean newOnly) { return new MatchRequest(Mode.FIRM, id, country, k, newOnly); }
        public static MatchRequest item(String id, String country, int k) { return new MatchRequest(Mode.ITEM, id, country, k, false); }
    }

    private final OrganisationProfiles profiles;
    private final MatchWeights weights;
    private final ProfileTextIndex text;
    private final List<Profile> firms;
    private final List<Profile> labs;
    /** Technology-code vectors of each organisation, exact and broad, weighted by inverse organisation frequency. */
    private final Map<Profile, Map<String, Double>> codes = new HashMap<>(), broadCodes = new HashMap<>();

    public Matcher(OrganisationProfiles profiles, MatchWeights weights) {
        this.profiles = profiles;
        this.weights = weights;
        this.text = new ProfileTextIndex(profiles.all(), weights.integer("text.query-terms"));
        this.firms = profiles.firms();
        this.labs = profiles.researchOrganisations();
        boolean idf = weights.get("technology.idf") > 0;
        weigh(profiles, p -> p.codes, codes, idf);
        weigh(profiles, p -> p.broadCodes, broadCodes, idf);
    }

    /**
     * Each organisation's code counts times log(organisations / organisations with the code) when {@code idf}: a code
     * that many organisations share (a broad call, a common CPC group) says less about a pair than a rare one.
     */
    private static void weigh(OrganisationProfiles profiles, java.util.function.Function<Profile, Map<String, Double>> vector,
                              Map<Profile, Map<String, Double>> out, boolean idf) {
        Map<String, Integer> df = new HashMap<>();
        for (Profile p : profiles.all()) for (String c : vector.apply(p).keySet()) df.merge(c, 1, Integer::sum);
        double n = Math.max(profiles.all().size(), 1);
        for (Profile p : profiles.all()) {
            Map<String, Double> v = new HashMap<>();
            vector.apply(p).forEach((c, count) -> v.put(c, idf ? count * Math.log(1 + n / df.get(c)) : count));
            out.put(p, v);
        }
    }

    public static Matcher build(DatasetGraph dsg, MatchWeights weights) {
        return new Matcher(OrganisationProfiles.read(dsg), weights);
    }

    /** needed() per "country|home", per firm: the profiles do not change after the matcher is built. */
    private final Map<String, Map<Profile, Set<Node>>> neededCache = new java.util.concurrent.ConcurrentHashMap<>();

    public OrganisationProfiles profiles() { return profiles; }
    public MatchWeights weights() { return weights; }

    /** The top {@code k} candidates with their features and explanations. */
    public List<MatchResult> match(MatchRequest r) {
        if (r.k() < 1) throw new MatchException("k must be at least 1 (got " + r.k() + ")");
        if (r.mode() == Mode.ITEM) {
            if (r.country() == null || r.country().isBlank())
                throw new MatchException("matching for a chain item needs the country of interest (--country, e.g. DEU)");
            return top(itemScores(profiles.item(r.id()), r.country()), r, null);
        }
        Profile query = profiles.resolve(r.id());
        if (r.mode() == Mode.LAB && !query.isResearch())
            throw new MatchException(query.key() + " (" + query.label() + ") is not a research organisation; use --firm for firms");
        if (r.mode() == Mode.FIRM && !query.isFirm())
            throw new MatchException(query.key() + " (" + query.label() + ") is not a firm; use --lab for research organisations");
        String country = r.country() == null || r.country().isBlank() ? query.country() : r.country();
        return top(pairScores(query, r.mode(), country, weights), r, query);
    }

    /** Features of every candidate for a research organisation (LAB) or a firm (FIRM); the query itself left out. */
    public Map<Profile, Features> pairScores(Profile query, Mode mode, String country, MatchWeights w) {
        boolean forLab = mode == Mode.LAB;
        List<Profile> candidates = forLab ? firms : labs;
        Map<Profile, Double> textScores = text.scores(query.document(), forLab ? "firm" : "research");
        double maxActivity = maxActivity(candidates);
        double home = w.get("chain.home"), capPartners = w.get("cap.partners"), capHistory = w.get("cap.history");
        double eu = w.get("geography.eu");
        Map<Profile, Features> out = new HashMap<>();
        for (Profile c : candidates) {
            if (c == query) continue;
            Profile lab = forLab ? query : c, firm = forLab ? c : query;
            out.put(c, new Features(
                textScores.getOrDefault(c, 0.0),
                Features.cosine(codes.get(query), codes.get(c)),
                Features.cosine(broadCodes.get(query), broadCodes.get(c)),
                need(lab, firm, country, home),
                Math.min(adamicAdar(query, c), capPartners) / capPartners,
                Math.min(query.shared(c).size(), capHistory) / capHistory,
                Features.geography(query.country(), c.country(), eu),
                Math.log1p(c.activity()) / Math.log1p(maxActivity),
                0));
        }
        return out;
    }

    /** Features of every research organisation for a chain item and a country of interest. */
    public Map<Profile, Features> itemScores(OrganisationProfiles.Item item, String country) {
        Map<Profile, Double> textScores = text.scores(item.label + "\n" + item.description, "research");
        double maxActivity = maxActivity(labs);
        double capOutputs = weights.get("cap.item-outputs"), capPartners = weights.get("cap.partners");
        double eu = weights.get("geography.eu");
        Map<Profile, Features> out = new HashMap<>();
        for (Profile c : labs) {
            long suppliers = c.partners.stream().filter(p -> p.supplied.contains(item.iri)).count();
            out.put(c, new Features(
                textScores.getOrDefault(c, 0.0),
                Features.cosine(item.codes, codes.get(c)),
                Features.cosine(item.broadCodes, broadCodes.get(c)),
                0,
                Math.min(suppliers, capPartners) / capPartners,
                0,
                Features.geography(country, c.country(), eu),
                Math.log1p(c.activity()) / Math.log1p(maxActivity),
                Math.min(c.researched.getOrDefault(item.iri, 0), capOutputs) / capOutputs));
        }
        return out;
    }

    /** Candidates by score, then popularity (projects and outputs), then key: the order every method uses. */
    public static List<Profile> ranked(Map<Profile, Double> scores) {
        List<Profile> list = new ArrayList<>(scores.keySet());
        list.sort(order(scores));
        return list;
    }

    private static Comparator<Profile> order(Map<Profile, Double> scores) {
        return Comparator.comparingDouble((Profile p) -> -scores.get(p))
                         .thenComparingInt(p -> -p.activity()).thenComparing(Profile::key);
    }

    /** The first {@code k} of {@link #ranked(Map)}, by a bounded heap instead of sorting every candidate. */
    static List<Profile> ranked(Map<Profile, Double> scores, int k) {
        Comparator<Profile> order = order(scores);
        java.util.PriorityQueue<Profile> worstFirst = new java.util.PriorityQueue<>(k + 1, order.reversed());
        for (Profile p : scores.keySet()) {
            worstFirst.add(p);
            if (worstFirst.size() > k) worstFirst.poll();
        }
        List<Profile> best = new ArrayList<>(worstFirst);
        best.sort(order);
        return best;
    }

    /** Items the firm supplies or uses that the country does not hold (worked out once per firm, country and home). */
    Set<Node> needed(Profile firm, String country, double home) {
        if (country == null) return new LinkedHashSet<>();
        return neededCache.computeIfAbsent(country + "|" + home, k -> new java.util.concurrent.ConcurrentHashMap<>())
                          .computeIfAbsent(firm, f -> neededNow(f, country, home));
    }

    private Set<Node> neededNow(Profile firm, String country, double home) {
        Set<Node> out = new LinkedHashSet<>();
        for (Set<Node> items : List.of(firm.supplied, firm.used))
            for (Node i : items)
                if (!profiles.item(i).status(country, home).equals("held")) out.add(i);
        return out;
    }

    private double need(Profile lab, Profile firm, String country, double home) {
        Set<Node> needed = needed(firm, country, home);
        if (needed.isEmpty()) return 0;
        for (Node i : needed) if (lab.researched.containsKey(i)) return 1;
        return 0.5;
    }

    static double adamicAdar(Profile a, Profile b) {
        Set<Profile> small = a.partners.size() <= b.partners.size() ? a.partners : b.partners;
        Set<Profile> large = small == a.partners ? b.partners : a.partners;
        double s = 0;
        for (Profile z : small)
            if (z != a && z != b && large.contains(z)) s += 1 / Math.log1p(z.partners.size());
        return s;
    }

    private static double maxActivity(List<Profile> candidates) {
        int max = 1;
        for (Profile c : candidates) max = Math.max(max, c.activity());
        return max;
    }

    private List<MatchResult> top(Map<Profile, Features> features, MatchRequest r, Profile query) {
        Map<Profile, Double> scores = new HashMap<>();
        features.forEach((p, f) -> {
            if (r.newOnly() && query != null && !query.shared(p).isEmpty()) return;
            scores.put(p, f.score(weights));
        });
        List<MatchResult> out = new ArrayList<>();
        Explanations explain = new Explanations(profiles, text, weights);
        for (Profile p : ranked(scores, r.k())) {
            out.add(query == null
                ? explain.forItem(out.size() + 1, p, features.get(p), scores.get(p), profiles.item(r.id()), r.country())
                : explain.forPair(out.size() + 1, query, p, r.mode(), features.get(p), scores.get(p),
                                  r.country() == null || r.country().isBlank() ? query.country() : r.country(), this));
        }
        return out;
    }

    @Override
    public void close() {
        text.close();
    }

    ProfileTextIndex text() { return text; }
}
