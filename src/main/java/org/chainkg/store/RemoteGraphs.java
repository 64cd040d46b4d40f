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
 * each; or, once {@link #merge} has built it, {@code FROM} the merged graph), standard SPARQL 1.1 that Fuseki and
 * Virtuoso both honour.
 */
public record RemoteGraphs(List<Node> all, Set<Node> superseded, boolean merged) {
    /** The RDF merge of the graphs queries see, kept in the remote store by {@link #merge}. */
    public static final Node MERGED_VISIBLE = org.apache.jena.graph.NodeFactory.createURI("urn:x-chainkg:merged:visible");
    /** The RDF merge of every graph (with the superseded releases); absent when no release is superseded. */
    public static final Node MERGED_ALL = org.apache.jena.graph.NodeFactory.createURI("urn:x-chainkg:merged:all");

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
        boolean merged;
        try (QueryExecHTTP q = QueryExecHTTP.service(sparql).query("ASK { GRAPH <" + MERGED_VISIBLE.getURI() + "> { ?s ?p ?o } }").build()) {
            merged = q.ask();
        }
        return new RemoteGraphs(all, Releases.superseded(Releases.sorted(releases)), merged);
    }

    /**
     * Rebuilds, inside the remote engine, the merged graphs that queries read as their default graph: one INSERT
     * ... USING each graph ... WHERE { ?s ?p ?o } per merged graph. An engine may give a query's default graph bag
     * semantics over its FROM graphs (Virtuoso does: a country written by eight sources matches eight times), where
     * SPARQL's dataset is their RDF merge (Jena's union default graph): a graph is a set, so the merged graph is that
     * merge. Costs a second copy of the visible triples in the remote store (a third with superseded releases); an
     * engine whose FROM graphs are merged already (Fuseki) gets none ({@link #bagSemantics}).
     */
    public static RemoteGraphs merge(String sparql) {
        RemoteGraphs now = of(sparql);
        if (!bagSemantics(sparql)) {
            // the engine merges FROM graphs itself (Fuseki): no second copy (it would also double a text index)
            if (now.merged()) {
                update(sparql, "DROP SILENT GRAPH <" + MERGED_VISIBLE.getURI() + ">", "dropping the merged graphs");
                update(sparql, "DROP SILENT GRAPH <" + MERGED_ALL.getURI() + ">", "dropping the merged graphs");
            }
            return new RemoteGraphs(now.all(), now.superseded(), false);
        }
        StringBuilder u = new StringBuilder();
        u.append(rebuild(MERGED_VISIBLE, now.visible()));
        if (now.superseded().isEmpty()) u.append(" ;\nDROP SILENT GRAPH <").append(MERGED_ALL.getURI()).append(">");
        else u.append(" ;\n").append(rebuild(MERGED_ALL, now.all()));
        update(sparql, u.toString(), "rebuilding the merged graphs");
        return new RemoteGraphs(now.all(), now.superseded(), true);
    }

    /** Sends one SPARQL Update request; a refusal names what was being done and what the engine said. */
    public static void update(String sparql, String update, String what) {
        try {
            org.apache.jena.sparql.exec.http.UpdateExecHTTP.service(sparql)
                .sendMode(org.apache.jena.sparql.exec.http.UpdateSendMode.asPostForm).update(update).execute();
        } catch (org.apache.jena.atlas.web.HttpException e) {
            throw refused(sparql, "the update " + what, e.getStatusCode(), e.getResponse(), e);
        }
    }

    /** A remote engine's refusal: what was asked, the HTTP status and what the engine said (its first 600 characters). */
    public static IllegalStateException refused(String sparql, String what, int status, String response, Exception cause) {
        String said = response == null ? "" : response.strip();
        if (said.length() > 600) said = said.substring(0, 600) + " ...";
        return new IllegalStateException(sparql + " refused " + what + " (HTTP " + status + "): " + said, cause);
    }

    /**
     * True when the engine gives a query's default graph of two FROM graphs bag semantics (Virtuoso): one triple
     * written into two probe graphs matches twice. The probe graphs (IRIs only, nothing for a text index) are dropped.
     */
    static boolean bagSemantics(String sparql) {
        // an engine's semantics do not change while chainkg runs: probed once per endpoint
        return BAG.computeIfAbsent(sparql, RemoteGraphs::probe);
    }

    private static final java.util.Map<String, Boolean> BAG = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean probe(String sparql) {
        String t = "<urn:x-chainkg:probe> <urn:x-chainkg:probe> <urn:x-chainkg:probe>";
        update(sparql, "INSERT DATA { GRAPH <urn:x-chainkg:probe:1> { " + t + " } GRAPH <urn:x-chainkg:probe:2> { " + t + " } }",
               "probing the engine");
        try (QueryExecHTTP q = QueryExecHTTP.service(sparql).query("SELECT (COUNT(*) AS ?n) FROM <urn:x-chainkg:probe:1> "
                 + "FROM <urn:x-chainkg:probe:2> WHERE { ?s <urn:x-chainkg:probe> ?o }").build()) {
            return Long.parseLong(q.select().next().get("n").getLiteralLexicalForm()) > 1;
        } finally {
            update(sparql, "DROP SILENT GRAPH <urn:x-chainkg:probe:1>", "probing the engine");
            update(sparql, "DROP SILENT GRAPH <urn:x-chainkg:probe:2>", "probing the engine");
        }
    }

    private static String rebuild(Node merged, List<Node> graphs) {
        StringBuilder u = new StringBuilder("DROP SILENT GRAPH <").append(merged.getURI()).append("> ;\n");
        if (graphs.isEmpty()) return u.append("CREATE SILENT GRAPH <").append(merged.getURI()).append(">").toString();
        u.append("INSERT { GRAPH <").append(merged.getURI()).append("> { ?s ?p ?o } }\n");
        for (Node g : graphs) u.append("USING <").append(g.getURI()).append(">\n");
        return u.append("WHERE { ?s ?p ?o }").toString();
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
        List<Node> graphs = allReleases ? all : visible();
        if (merged) q.addGraphURI((allReleases && !superseded.isEmpty() ? MERGED_ALL : MERGED_VISIBLE).getURI());
        for (Node g : graphs) {
            if (!merged) q.addGraphURI(g.getURI());
            q.addNamedGraphURI(g.getURI());
        }
        return q;
    }

    /** As {@link #restrict(Query, boolean)}, for query text. */
    public Query restrict(String query, boolean allReleases) {
        return restrict(QueryFactory.create(query), allReleases);
    }
}
