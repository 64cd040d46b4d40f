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
        return of(sparql, 0);
    }

    /** As {@link #of(String)}, its two requests given at most {@code timeoutMillis} together (0: no limit). */
    public static RemoteGraphs of(String sparql, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Node> all = new ArrayList<>();
        Map<String, List<Releases.Release>> releases = new LinkedHashMap<>();
        var list = QueryExecHTTP.service(sparql).sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).query(LIST);
        if (timeoutMillis > 0) list = list.timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (QueryExecHTTP q = list.build()) {
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
        var ask = QueryExecHTTP.service(sparql).query("ASK { GRAPH <" + MERGED_VISIBLE.getURI() + "> { ?s ?p ?o } }");
        if (timeoutMillis > 0) ask = ask.timeout(Math.max(1, deadline - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (QueryExecHTTP q = ask.build()) {
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

    /**
     * The merged graphs as the engine needs them: built ({@link #merge}) when the engine gives FROM graphs bag semantics
     * and they are not there, dropped when it does not; else the store as it is, for {@link #retract} and {@link #add}
     * to keep up to date.
     */
    public static RemoteGraphs merged(String sparql) {
        RemoteGraphs now = of(sparql);
        return now.merged() == bagSemantics(sparql) ? now : merge(sparql);
    }

    /**
     * Incremental maintenance, step one, before graph g is emptied or replaced: takes out of each merged graph that
     * covers g (visible: g is visible; all releases: there is a superseded release) g's triples that no other graph of
     * that merge holds. One request (DELETE ... WHERE { GRAPH g ... FILTER NOT EXISTS { GRAPH h ... } ... }), reading
     * g's triples only, not the merged graph. Nothing to do when nothing is merged or g is not a listed graph.
     * A merged graph is then the merge of the other graphs until {@link #add} puts g's new content in.
     */
    public void retract(String sparql, Node g) {
        if (!merged || !all.contains(g)) return;
        StringBuilder u = new StringBuilder();
        for (var m : covering(g).entrySet()) {
            if (u.length() > 0) u.append(" ;\n");
            u.append("DELETE { GRAPH <").append(m.getKey().getURI()).append("> { ?s ?p ?o } }\nWHERE { GRAPH <").append(g.getURI())
             .append("> { ?s ?p ?o }\n");
            for (Node h : m.getValue())
                if (!h.equals(g)) u.append("  FILTER NOT EXISTS { GRAPH <").append(h.getURI()).append("> { ?s ?p ?o } }\n");
            u.append("}");
        }
        if (u.length() > 0) update(sparql, u.toString(), "taking " + g.getURI() + " out of the merged graphs");
    }

    /**
     * Incremental maintenance, step two, once graph g is written (and listed, with its completion marker): adds its
     * triples to each merged graph that covers it (INSERT ... WHERE { GRAPH g ... }; a triple already there stays one).
     */
    public void add(String sparql, Node g) {
        if (!merged || !all.contains(g)) return;
        StringBuilder u = new StringBuilder();
        for (Node m : covering(g).keySet()) {
            if (u.length() > 0) u.append(" ;\n");
            u.append("INSERT { GRAPH <").append(m.getURI()).append("> { ?s ?p ?o } }\nWHERE { GRAPH <").append(g.getURI()).append("> { ?s ?p ?o } }");
        }
        if (u.length() > 0) update(sparql, u.toString(), "adding " + g.getURI() + " to the merged graphs");
    }

    /**
     * After a load into graph g: the merged graphs kept up to date by adding g when that is exact (no release changed
     * visibility, and g was not there before or was {@code takenOut} of them ({@link #retract}) before it was
     * replaced; {@code before} is the listing taken before the load), else rebuilt.
     */
    public static RemoteGraphs loaded(String sparql, RemoteGraphs before, Node g, boolean takenOut) {
        RemoteGraphs now = of(sparql);
        if (!now.merged() || now.merged() != bagSemantics(sparql) || (before.all().contains(g) && !takenOut)
            || !now.superseded().equals(before.superseded()))
            return merge(sparql);
        now.add(sparql, g);
        return now;
    }

    /** The merged graphs that hold graph g's triples, each with the graphs it is the merge of. */
    private Map<Node, List<Node>> covering(Node g) {
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        if (!superseded.contains(g)) out.put(MERGED_VISIBLE, visible());
        if (!superseded.isEmpty()) out.put(MERGED_ALL, all);
        return out;
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
