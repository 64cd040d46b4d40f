package org.chainkg.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * What a new release of a dataset changes against the release before it, in one line for {@code load}: items added
 * and removed (matched by id) and supply figures added, removed and changed (provider and item id); the named query
 * release-changes gives the details for a country.
 */
public final class ReleaseSummary {
    private static final String ITEMS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id WHERE { GRAPH ?g { ?el a ck:ChainElement ; dcterms:identifier ?id } }""";
    private static final String FIGURES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?prov ?id ?s WHERE { GRAPH ?g { ?p ck:item ?el ; ck:provider ?prov . ?el dcterms:identifier ?id
                                               OPTIONAL { ?p ck:sharePercent ?s } } }""";

    /** The summary for a graph just loaded, when it is a release with an older release of the same dataset. */
    public static Optional<String> of(DatasetGraph dsg, Node graph) {
        return Txn.calculateRead(dsg, () -> {
            for (List<Releases.Release> l : Releases.all(dsg).values()) {
                for (int i = 1; i < l.size(); i++) {
                    if (!l.get(i).graph().equals(graph)) continue;
                    Releases.Release now = l.get(i), before = l.get(i - 1);
                    Set<String> itemsNow = column(dsg, ITEMS, now.graph()), itemsBefore = column(dsg, ITEMS, before.graph());
                    Map<String, String> figNow = figures(dsg, now.graph()), figBefore = figures(dsg, before.graph());
                    long added = itemsNow.stream().filter(x -> !itemsBefore.contains(x)).count();
                    long removed = itemsBefore.stream().filter(x -> !itemsNow.contains(x)).count();
                    long figAdded = figNow.keySet().stream().filter(k -> !figBefore.containsKey(k)).count();
                    long figRemoved = figBefore.keySet().stream().filter(k -> !figNow.containsKey(k)).count();
                    long changed = figNow.entrySet().stream()
                        .filter(e -> figBefore.containsKey(e.getKey()) && !figBefore.get(e.getKey()).equals(e.getValue())).count();
                    return Optional.of(String.format("release %s of %s (after %s): items %,d (+%,d, -%,d); supply rows %,d "
                        + "(+%,d, -%,d, %,d with another share); details per country: chainkg query release-changes -p dataset=%s",
                        now.date(), now.dataset(), before.date(), itemsNow.size(), added, removed, figNow.size(), figAdded,
                        figRemoved, changed, now.dataset()));
                }
            }
            return Optional.<String>empty();
        });
    }

    private static Set<String> column(DatasetGraph dsg, String query, Node g) {
        Set<String> out = new HashSet<>();
        select(dsg, query, g, b -> out.add(b.get("id").getLiteralLexicalForm()));
        return out;
    }

    private static Map<String, String> figures(DatasetGraph dsg, Node g) {
        Map<String, String> out = new HashMap<>();
        select(dsg, FIGURES, g, b -> out.put(b.get("prov").toString() + " " + b.get("id").getLiteralLexicalForm(),
                                             b.contains("s") ? new java.math.BigDecimal(b.get("s").getLiteralLexicalForm()).stripTrailingZeros().toPlainString() : "unknown"));
        return out;
    }

    private static void select(DatasetGraph dsg, String query, Node g,
                               java.util.function.Consumer<org.apache.jena.sparql.engine.binding.Binding> row) {
        try (QueryExec q = Releases.showAll(QueryExec.dataset(dsg).query(QueryFactory.create(query))
                 .substitution(org.apache.jena.sparql.core.Var.alloc("g"), g)).build()) {
            q.select().forEachRemaining(row);
        }
    }

    private ReleaseSummary() {}
}
