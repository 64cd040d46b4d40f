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
 */
final class Clusters {
    record Link(String method, BigDecimal confidence) {}

    private static final Link SELF = new Link("singleton", BigDecimal.ONE);
    private final Map<Node, Node> parent = new HashMap<>();
    private final Map<Node, Link> best = new HashMap<>();

    Clusters(Collection<Node> nodes) {
        for (Node n : nodes) parent.put(n, n);
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
        Link link = new Link(method, confidence);
        for (Node n : List.of(a, b)) {
            Link old = best.get(n);
            if (old == null || old.confidence().compareTo(confidence) < 0) best.put(n, link);
        }
        Node ra = find(a), rb = find(b);
        if (!ra.equals(rb)) parent.put(ra, rb);
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
