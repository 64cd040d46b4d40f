package org.chainkg.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * Union-find over organisation nodes that remembers, for each node, the strongest link that joined it to its
 * cluster (method and confidence).
 * <p>
 * <b>Cannot-link.</b> Two clusters are never joined by a name (only by a shared identifier) when both hold ROR ids and
 * none in common, or both hold countries and none in common. ROR gives national subsidiaries records of their own
 * (Nvidia (United States), (United Kingdom), (Italy)), sources list national subsidiaries under the parent's name
 * (Honeywell International Inc, USA; Honeywell International s.r.o., CZE), and a name without a country (a patent
 * assignee's) would otherwise chain them into one organisation.
 */
final class Clusters {
    record Link(String method, BigDecimal confidence) {}
    static final Link SELF = new Link("self", BigDecimal.ONE);

    private final Map<Node, Node> parent = new HashMap<>();
    private final Map<Node, Link> best = new HashMap<>();

    /** Per cluster root, its ROR ids ("ror:…") and countries ("country:…"): the keys of the cannot-link rule. */
    private final Map<Node, java.util.Set<String>> keys = new HashMap<>();
    private final Map<Node, Integer> size = new HashMap<>();

    Clusters(Collection<Node> nodes) {
        for (Node n : nodes) parent.put(n, n);
    }

    /** Clusters with the cannot-link keys of their nodes ("ror:ID", "country:ISO3"), for the rule above. */
    Clusters(Collection<Node> nodes, java.util.function.Function<Node, Collection<String>> keysOf) {
        this(nodes);
        for (Node n : nodes) {
            Collection<String> k = keysOf.apply(n);
            if (!k.isEmpty()) keys.put(n, new java.util.HashSet<>(k));
        }
    }

    /** True when the clusters of a and b hold keys of one kind (ROR id, country) and none of that kind in common. */
    boolean cannotLink(Node a, Node b) {
        java.util.Set<String> ka = keys.get(find(a)), kb = keys.get(find(b));
        if (ka == null || kb == null) return false;
        return disjointIn(ka, kb, "ror:") || disjointIn(ka, kb, "country:");
    }

    /** Both sets hold keys of this kind, and none in common. */
    private static boolean disjointIn(java.util.Set<String> ka, java.util.Set<String> kb, String kind) {
        boolean inA = false, inB = false;
        for (String k : ka) if (k.startsWith(kind)) { inA = true; if (kb.contains(k)) return false; }
        if (!inA) return false;
        for (String k : kb) if (k.startsWith(kind)) { inB = true; break; }
        return inB;
    }

    /** How many nodes the cluster of n holds. */
    int size(Node n) {
        return size.getOrDefault(find(n), 1);
    }

    Node find(Node n) {
        Node p = parent.get(n);
        if (p.equals(n)) return n;
        Node root = find(p);
        parent.put(n, root);
        return root;
    }

    void union(Node a, Node b, String method, BigDecimal confidence) {
        if (a.equals(b)) return;
        if (!method.startsWith("identifier:") && cannotLink(a, b)) return;
        Link link = new Link(method, confidence);
        for (Node n : List.of(a, b)) {
            Link old = best.get(n);
            if (old == null || old.confidence().compareTo(confidence) < 0) best.put(n, link);
        }
        Node ra = find(a), rb = find(b);
        if (ra.equals(rb)) return;
        parent.put(ra, rb);
        size.put(rb, size.getOrDefault(rb, 1) + size.getOrDefault(ra, 1));
        size.remove(ra);
        java.util.Set<String> moved = keys.remove(ra);
        if (moved != null) keys.computeIfAbsent(rb, k -> new java.util.HashSet<>()).addAll(moved);
    }

    Link link(Node n) {
        return best.getOrDefault(n, SELF);
    }

    boolean same(Node a, Node b) {
        return find(a).equals(find(b));
    }

    /** The clusters, each as its members in first-seen order. */
    <T> List<List<T>> groups(Map<Node, T> values) {
        Map<Node, List<T>> out = new LinkedHashMap<>();
        for (Map.Entry<Node, T> e : values.entrySet())
            out.computeIfAbsent(find(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
        return new ArrayList<>(out.values());
    }
}
