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

    /** Which organisations an item match ranks: research organisations (the default), firms, or all organisations. */
    public enum Candidates {
        RESEARCH("research"), FIRM("firm"), ALL("all");
        public final String word;
        Candidates(String word) { this.word = word; }
        /** The candidates named by a word (research, firm, all). */
        public static Candidates of(String word) {
            for (Candidates c : values()) if (c.word.equals(word)) return c;
            throw new MatchException("'" + word + "' is not a candidate kind (use research, firm or all)");
        }
    }

    /**
     * What to match: the query organisation or item, the country of interest (null: the organisation's), top k, and
     * (item matches) which organisations are candidates.
     */
    public record MatchRequest(Mode mode, String id, String country, int k, boolean newOnly, Candidates candidates) {
        public static MatchRequest lab(String id, String country, int k, boolean newOnly) { return new MatchRequest(Mode.LAB, id, country, k, newOnly, Candidates.FIRM); }
        public static MatchRequest firm(String id, String country, int k, boolean newOnly) { return new MatchRequest(Mode.FIRM, id, country, k, newOnly, Candidates.RESEARCH); }
        public static MatchRequest item(String id, String country, int k) { return item(id, country, k, Candidates.RESEARCH); }
        public static MatchRequest item(String id, String country, int k, Candidates candidates) { return new MatchRequest(Mode.ITEM, id, country, k, false, candidates); }
    }

    private final OrganisationProfiles profiles;
    private final MatchWeights weights;
    private final ProfileTextIndex text;
    private final List<Profile> firms;
    private final List<Profile> labs;
    /** Firms, research organisations and any other organisation holding outputs or projects. */
    private final List<Profile> all;
    /** Technology-code vectors of each organisation, exact and broad, weighted by inverse organisation frequency. */
    private final Map<Profile, Map<String, Double>> codes = new HashMap<>(), broadCodes = new HashMap<>();

    public Matcher(OrganisationProfiles profiles, MatchWeights weights) {
        this.profiles = profiles;
        this.weights = weights;
        this.text = new ProfileTextIndex(profiles.all(), weights.integer("text.query-terms"));
        this.firms = profiles.firms();
        this.labs = profiles.researchOrganisations();
        this.all = profiles.all().stream().filter(p -> p.isFirm() || p.isResearch() || !p.things.isEmpty()).toList();
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
            OrganisationProfiles.Item item = profiles.item(r.id());
            return top(itemScores(item, r.country(), candidates(r.candidates())), r, null);
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

    /**
     * For an item match, how many candidates have outputs bearing on the item (they are ranked first), in words; for
     * other matches, empty. When none has, the ranking rests on text, technology codes, partners and activity only,
     * and the note says so.
     */
    public java.util.Optional<String> note(MatchRequest r) {
        if (r.mode() != Mode.ITEM) return java.util.Optional.empty();
        OrganisationProfiles.Item item = profiles.item(r.id());
        List<Profile> cands = candidates(r.candidates());
        long with = cands.stream().filter(p -> p.researched.getOrDefault(item.iri, 0) > 0).count();
        String who = switch (r.candidates()) {
            case RESEARCH -> "research organisations";
            case FIRM -> "firms";
            case ALL -> "organisations";
        };
        String what = item.id + " (" + item.label + ")";
        return java.util.Optional.of(with == 0
            ? "none of the " + cands.size() + " " + who + " has outputs bearing on " + what
              + ": they are ranked by text, technology codes, partners and activity only"
            : with + " of the " + cands.size() + " " + who + " have outputs bearing on " + what + ": they are ranked first");
    }

    /** The candidate organisations of an item match. */
    public List<Profile> candidates(Candidates kind) {
        return switch (kind) {
            case RESEARCH -> labs;
            case FIRM -> firms;
            case ALL -> all;
        };
    }

    /** Features of every candidate organisation for a chain item and a country of interest (configured weights). */
    public Map<Profile, Features> itemScores(OrganisationProfiles.Item item, String country, List<Profile> candidates) {
        return itemScores(item, country, candidates, weights);
    }

    /**
     * Features of every candidate for a chain item: the text query is the item's name, its description and the titles
     * of the technology codes mapped to it; technology is the cosine of the item's codes (curated CPC mapping, CPC
     * concordance) and the candidate's; item_outputs counts its outputs bearing on the item.
     */
    public Map<Profile, Features> itemScores(OrganisationProfiles.Item item, String country, List<Profile> candidates, MatchWeights w) {
        Set<Profile> allowed = new java.util.HashSet<>(candidates);
        Map<Profile, Double> textScores = text.scores(item.queryText(), null);
        double maxActivity = maxActivity(candidates);
        double capOutputs = w.get("cap.item-outputs"), capPartners = w.get("cap.partners");
        double eu = w.get("geography.eu");
        Map<Profile, Features> out = new HashMap<>();
        for (Profile c : allowed) {
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

    /**
     * The ranking of an item match: organisations with outputs bearing on the item first (by score), then the others
     * (by score); ties as in {@link #ranked(Map)}. So an organisation that has patented or published on the item is
     * never ranked below one that has not, whatever its text or popularity.
     */
    public static List<Profile> rankedForItem(Map<Profile, Double> scores, Node item, int k) {
        List<Profile> list = new ArrayList<>(scores.keySet());
        list.sort(Comparator.comparingInt((Profile p) -> p.researched.getOrDefault(item, 0) > 0 ? 0 : 1).thenComparing(order(scores)));
        return list.size() > k ? new ArrayList<>(list.subList(0, k)) : list;
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
        List<Profile> best = r.mode() == Mode.ITEM ? rankedForItem(scores, profiles.item(r.id()).iri, r.k()) : ranked(scores, r.k());
        for (Profile p : best) {
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
