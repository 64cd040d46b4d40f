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
 * Two clusters that each hold a ROR id, and no ROR id in common, are never joined by a name (only by a shared
 * identifier): ROR gives national subsidiaries records of their own (Nvidia (United States), (United Kingdom),
 * (Italy)), and a name without a country (a patent assignee's) would otherwise chain them into one organisation.
 */
final class Clusters {
    record Link(String method, BigDecimal confidence) {}

    private static final Link SELF = new Link("singleton", BigDecimal.ONE);
    private final Map<Node, Node> parent = new HashMap<>();
    private final Map<Node, Link> best = new HashMap<>();

    /** ROR ids per cluster root. */
    private final Map<Node, java.util.Set<String>> rorIds = new HashMap<>();

    Clusters(Collection<Node> nodes) {
        for (Node n : nodes) parent.put(n, n);
    }

    /** Clusters with the ROR ids of their nodes, for the rule above. */
    Clusters(Collection<Node> nodes, java.util.function.Function<Node, Collection<String>> rorIdsOf) {
        this(nodes);
        for (Node n : nodes) {
            Collection<String> ids = rorIdsOf.apply(n);
            if (!ids.isEmpty()) rorIds.put(n, new java.util.HashSet<>(ids));
        }
    }

    /** True when the clusters of a and b hold different ROR ids and none in common. */
    boolean differentRorRecords(Node a, Node b) {
        java.util.Set<String> ia = rorIds.get(find(a)), ib = rorIds.get(find(b));
        return ia != null && ib != null && java.util.Collections.disjoint(ia, ib);
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
        if (!method.startsWith("identifier:") && differentRorRecords(a, b)) return;
        Link link = new Link(method, confidence);
        for (Node n : List.of(a, b)) {
            Link old = best.get(n);
            if (old == null || old.confidence().compareTo(confidence) < 0) best.put(n, link);
        }
        Node ra = find(a), rb = find(b);
        if (ra.equals(rb)) return;
        parent.put(ra, rb);
        java.util.Set<String> moved = rorIds.remove(ra);
        if (moved != null) rorIds.computeIfAbsent(rb, k -> new java.util.HashSet<>()).addAll(moved);
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
