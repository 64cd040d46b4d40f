package org.chainkg.analytics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.TripleWriter;

/**
 * Materialises the stage of chain items whose source gives none (most ETO inputs): {@code ck:nearestStage} links
 * such an item to the stage(s) of the nearest items downstream that have one, following {@code ck:feedsInto} and
 * {@code ck:subtypeOf} links. "Nearest": a staged item x reached from the item counts unless another staged item
 * reached from the item lies upstream of x (x is reachable from it). Items with a stage of their own get no link:
 * their stage is the source's ({@code ck:inStage}). The chain-map query reads both.
 */
public final class NearestStages implements Derivation, InEngine {
    private static final String EDGES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?a ?b WHERE { ?a ck:feedsInto|ck:subtypeOf ?b }""";
    private static final String STAGES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?el ?st WHERE { ?el ck:inStage ?st }""";
    private static final String ITEMS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT DISTINCT ?el WHERE { ?el a ck:ChainItem FILTER NOT EXISTS { ?el ck:inStage ?any } }""";

    /** Reads the chain links, stages and items. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.feedsInto, CK.subtypeOf, CK.inStage, CK.ChainItem); }

    @Override public String name() { return "nearest-stage"; }
    @Override public String version() { return "1.0.0"; }
    @Override public String description() {
        return "Chain items without a stage in their source get ck:nearestStage: the stages of the nearest staged items "
               + "downstream along ck:feedsInto and ck:subtypeOf.";
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<Node, Set<Node>> next = new HashMap<>();
        in.select(EDGES, r -> next.computeIfAbsent(r.get("a"), k -> new LinkedHashSet<>()).add(r.get("b")));
        Map<Node, Set<Node>> stages = new HashMap<>();
        in.select(STAGES, r -> stages.computeIfAbsent(r.get("el"), k -> new LinkedHashSet<>()).add(r.get("st")));
        Set<Node> unstaged = new LinkedHashSet<>();
        in.select(ITEMS, r -> unstaged.add(r.get("el")));

        Map<Node, Set<Node>> below = new HashMap<>();   // staged item -> items reachable from it in one or more steps
        long n = 0;
        for (Node el : unstaged) {
            Set<Node> staged = new LinkedHashSet<>();
            for (Node x : reach(el, next, false)) if (stages.containsKey(x)) staged.add(x);
            Set<Node> written = new HashSet<>();
            for (Node x : staged) {
                boolean nearest = true;
                for (Node mid : staged)
                    if (below.computeIfAbsent(mid, m -> reach(m, next, true)).contains(x)) { nearest = false; break; }
                if (!nearest) continue;
                for (Node st : stages.get(x)) if (written.add(st)) { out.add(el, CK.nearestStage, st); n++; }
            }
        }
        return n;
    }

    /** Items reachable from {@code start} along the edges (including start itself unless {@code strict}). */
    private static Set<Node> reach(Node start, Map<Node, Set<Node>> next, boolean strict) {
        Set<Node> seen = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        if (strict) todo.addAll(next.getOrDefault(start, Set.of())); else todo.add(start);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (seen.add(n)) todo.addAll(next.getOrDefault(n, Set.of()));
        }
        return seen;
    }


    /** The same links as one SPARQL 1.1 Update: "nearest" as in {@link #derive}, with property paths. */
    @Override
    public java.util.List<String> inserts(String graph, String dataset) {
        return java.util.List.of(InEngine.insert(graph, dataset, "?el ck:nearestStage ?st .", """
              ?el a ck:ChainItem . FILTER NOT EXISTS { ?el ck:inStage ?own }
              ?el (ck:feedsInto|ck:subtypeOf)+ ?x . ?x ck:inStage ?st .
              FILTER NOT EXISTS { ?el (ck:feedsInto|ck:subtypeOf)+ ?mid . ?mid ck:inStage ?midStage . ?mid (ck:feedsInto|ck:subtypeOf)+ ?x }"""));
    }
}
