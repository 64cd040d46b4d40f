package org.chainkg.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;

/**
 * The named graphs chainkg wrote into a remote SPARQL store (those with a completion marker, {@code ck:tripleCount}:
 * an incomplete graph and data chainkg did not write are not part of its answers) and which of them queries see: as
 * on the embedded store
 * ({@link Releases}), every release of a dataset but the newest is superseded. A remote engine has no quad filter, so
 * a query is given the visible graphs as its dataset ({@link #restrict}: {@code FROM} and {@code FROM NAMED} for
 * each), standard SPARQL 1.1 that Fuseki and Virtuoso both honour.
 */
public record RemoteGraphs(List<Node> all, Set<Node> superseded) {
    private static final String LIST = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?g ?format ?dataset ?release WHERE {
          GRAPH ?g { ?g ck:tripleCount ?n
                     OPTIONAL { ?g ck:datasetKey ?dataset ; ck:sourceFormat ?format OPTIONAL { ?g ck:release ?release } } }
        } ORDER BY ?g""";

    /** Reads the graph list and release records of the store at {@code sparql} (its query endpoint). */
    public static RemoteGraphs of(String sparql) {
        List<Node> all = new ArrayList<>();
        Map<String, List<Releases.Release>> releases = new LinkedHashMap<>();
        try (QueryExecHTTP q = QueryExecHTTP.service(sparql).sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).query(LIST).build()) {
            q.select().forEachRemaining(b -> {
                Node g = b.get("g");
                if (!g.isURI() || all.contains(g)) return;
                all.add(g);
                if (b.contains("dataset"))
                    releases.computeIfAbsent(b.get("format").getLiteralLexicalForm() + "/" + b.get("dataset").getLiteralLexicalForm(),
                                             k -> new ArrayList<>())
                        .add(new Releases.Release(g, b.get("format").getLiteralLexicalForm(), b.get("dataset").getLiteralLexicalForm(),
                                                  b.contains("release") ? b.get("release").getLiteralLexicalForm() : null));
            });
        }
        return new RemoteGraphs(all, Releases.superseded(Releases.sorted(releases)));
    }

    /** The graphs queries see. */
    public List<Node> visible() {
        return all.stream().filter(g -> !superseded.contains(g)).toList();
    }

    /**
     * The query with the visible graphs (or, with {@code allReleases}, every graph) as its dataset: {@code FROM} each
     * (the default graph is their merge, as the embedded store's union default graph) and {@code FROM NAMED} each.
     * A query that names its own dataset is left as it is.
     */
    public Query restrict(Query query, boolean allReleases) {
        if (query.hasDatasetDescription()) return query;
        Query q = query.cloneQuery();
        for (Node g : allReleases ? all : visible()) {
            q.addGraphURI(g.getURI());
            q.addNamedGraphURI(g.getURI());
        }
        return q;
    }

    /** As {@link #restrict(Query, boolean)}, for query text. */
    public Query restrict(String query, boolean allReleases) {
        return restrict(QueryFactory.create(query), allReleases);
    }
}
