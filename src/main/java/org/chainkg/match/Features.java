package org.chainkg.match;

import java.util.Map;
import java.util.Set;

/**
 * The features of one candidate pair, each between 0 and 1, and the weighted score. The names are the weight keys'
 * ({@code weight.NAME} in {@code match-weights.properties}) and the result columns'.
 */
public record Features(double text, double technology, double technologyBroad, double need, double partners,
                       double history, double geography, double popularity, double itemOutputs) {

    public double score(MatchWeights w) {
        return w.get("weight.text") * text
            + w.get("weight.technology.exact") * technology
            + w.get("weight.technology.broad") * technologyBroad
            + w.get("weight.need") * need
            + w.get("weight.network.partners") * partners
            + w.get("weight.network.history") * history
            + w.get("weight.geography") * geography
            + w.get("weight.popularity") * popularity
            + w.get("weight.item.outputs") * itemOutputs;
    }

    /** EU member states (ISO 3166-1 alpha-3), for the geography feature. */
    static final Set<String> EU = Set.of("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU",
        "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE");

    /** 1 for the same country, {@code eu} when both are EU member states, else 0 (also when a country is unknown). */
    static double geography(String a, String b, double eu) {
        if (a == null || b == null) return 0;
        if (a.equals(b)) return 1;
        return EU.contains(a) && EU.contains(b) ? eu : 0;
    }

    /** Cosine of two sparse count vectors (0 when either is empty). */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Map<String, Double> small = a.size() <= b.size() ? a : b, large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double v = large.get(e.getKey());
            if (v != null) dot += e.getValue() * v;
        }
        if (dot == 0) return 0;
        return dot / Math.sqrt(norm2(a) * norm2(b));
    }

    private static double norm2(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) s += x * x;
        return s;
    }
}
