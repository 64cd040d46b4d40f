package org.chainkg.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;

/**
 * One {@code ck:UpstreamRelation} per pair of chain elements where one lies upstream of the other, across chains, with
 * its tier: the shortest number of steps, where a step goes from an element (or a subtype of it, at any depth) to
 * the element it feeds into ({@code ck:subtypeOf* / ck:feedsInto}, the broken-segments definition of a segment's
 * resources). Cross-chain links (data/mappings/cross-chain.csv) are steps like any other. For the upstream-risk and
 * what-if queries.
 */
public final class UpstreamTiers implements Derivation {
    private static final String STEPS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT DISTINCT ?up ?down WHERE { ?up ck:subtypeOf*/ck:feedsInto ?down }""";

    /** Reads the chain links. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.feedsInto, CK.subtypeOf); }

    @Override public String name() { return "upstream"; }
    @Override public String version() { return "1.0.0"; }
    @Override public String description() {
        return "One ck:UpstreamRelation per (downstream, upstream) pair of chain elements along ck:subtypeOf*/ck:feedsInto, "
               + "across chains, with the tier (shortest number of steps).";
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<Node, Set<Node>> into = new LinkedHashMap<>();   // downstream -> its direct upstream steps
        in.select(STEPS, b -> {
            if (!b.get("up").equals(b.get("down")))
                into.computeIfAbsent(b.get("down"), k -> new LinkedHashSet<>()).add(b.get("up"));
        });
        long n = 0;
        for (Node down : into.keySet()) {
            Map<Node, Integer> tier = new HashMap<>();
            ArrayDeque<Node> queue = new ArrayDeque<>();
            tier.put(down, 0);
            queue.add(down);
            List<Node> order = new ArrayList<>();
            while (!queue.isEmpty()) {
                Node x = queue.poll();
                for (Node up : into.getOrDefault(x, Set.of())) {
                    if (tier.containsKey(up)) continue;
                    tier.put(up, tier.get(x) + 1);
                    order.add(up);
                    queue.add(up);
                }
            }
            for (Node up : order) {
                Node r = Iris.derived("upstream", down.getURI(), up.getURI());
                out.type(r, CK.UpstreamRelation);
                out.add(r, CK.downstreamElement, down);
                out.add(r, CK.upstreamElement, up);
                out.integer(r, CK.tier, tier.get(up));
                n++;
            }
        }
        return n;
    }
}
