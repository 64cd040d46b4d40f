package org.chainkg.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;

/** Builds the explanation of a ranked candidate (only the top k get one: shared terms cost an analysis each). */
final class Explanations {
    private final OrganisationProfiles profiles;
    private final ProfileTextIndex text;
    private final int top;
    private final double home;

    Explanations(OrganisationProfiles profiles, ProfileTextIndex text, MatchWeights w) {
        this.profiles = profiles;
        this.text = text;
        this.top = w.integer("explain.top");
        this.home = w.get("chain.home");
    }

    MatchResult forPair(int rank, Profile query, Profile c, Matcher.Mode mode, Features f, double score, String country, Matcher m) {
        Profile lab = mode == Matcher.Mode.LAB ? query : c, firm = mode == Matcher.Mode.LAB ? c : query;
        List<String> items = new ArrayList<>();
        Set<Node> needed = m.needed(firm, country, home);
        needed.stream().sorted(Comparator.comparing((Node i) -> lab.researched.containsKey(i) ? 0 : 1)
                                         .thenComparing(i -> profiles.item(i).id))
              .limit(top).forEach(i -> items.add(item(i, country)
                  + (firm.supplied.contains(i) ? ", supplied by the firm" : ", used by the firm")
                  + (lab.researched.containsKey(i) ? ", researched by the lab" : "")));
        List<String> partners = query.partners.stream()
            .filter(z -> z != c && z != query && c.partners.contains(z))
            .sorted(Comparator.comparingInt((Profile z) -> z.partners.size()).thenComparing(Profile::key))
            .limit(top).map(Explanations::name).toList();
        return new MatchResult(rank, c, score, f, text.sharedTerms(text.terms(query), text.terms(c), top),
                               sharedCodes(query.codes, c.codes), items, partners, query.shared(c).size());
    }

    MatchResult forItem(int rank, Profile c, Features f, double score, OrganisationProfiles.Item item, String country) {
        List<String> partners = c.partners.stream().filter(p -> p.supplied.contains(item.iri))
            .sorted(Comparator.comparing(Profile::key)).limit(top).map(p -> name(p) + ", supplies " + item.id).toList();
        int outputs = c.researched.getOrDefault(item.iri, 0);
        String evidence = outputs == 0 ? "" : ": " + String.join("; ", c.evidence.getOrDefault(item.iri, Set.of()).stream().limit(top).toList())
            + (outputs > top ? "; …" : "");
        List<String> items = List.of(item(item.iri, country) + (outputs > 0 ? ", " + outputs + " linked output(s)" + evidence : ""));
        return new MatchResult(rank, c, score, f, text.sharedTerms(text.terms(item.queryText()), text.terms(c), top),
                               sharedCodes(item.codes, c.codes), items, partners, 0);
    }

    private List<String> sharedCodes(Map<String, Double> a, Map<String, Double> b) {
        return a.keySet().stream().filter(b::containsKey)
            .sorted(Comparator.comparingDouble((String k) -> -(a.get(k) * b.get(k))).thenComparing(k -> k))
            .limit(top).toList();
    }

    private String item(Node iri, String country) {
        OrganisationProfiles.Item it = profiles.item(iri);
        return it.id + " " + it.label + " (" + (country == null ? "no country" : country + " " + it.status(country, home)) + ")";
    }

    private static String name(Profile p) {
        return p.label() + " [" + p.key() + "]";
    }
}
