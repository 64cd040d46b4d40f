package org.chainkg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.chainkg.rdf.CK;

/**
 * Releases of one dataset as versions. A source graph may name its dataset ({@code ck:datasetKey}) and release date
 * ({@code ck:release}); of the graphs of one format and dataset, the newest release is <em>current</em> and the older
 * ones are <em>superseded</em>. Superseded graphs stay in the store (the named queries that compare
 * releases, read them), but are hidden from every other query (default graph, {@code GRAPH ?g} and {@code GRAPH <g>}) by a TDB2 quad filter
 * ({@link SystemTDB#symTupleFilter}) set in the dataset's context: the named queries, the SPARQL endpoint and the
 * derivations all see the newest release of each dataset only. A query that compares releases
 * ({@code # Releases: all} in its header) runs with {@link #showAll(Context)}.
 * <p>
 * The set is recomputed when the store opens and after every load ({@link #refresh}); with no superseded graph no
 * filter is installed at all.
 */
public final class Releases {
    /** YYYY, YYYY-MM or YYYY-MM-DD. */
    public static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** The filter that hides nothing, for queries that compare releases. */
    static final Predicate<Tuple<NodeId>> SHOW_ALL = t -> true;

    /** One release-bearing source graph. */
    public record Release(Node graph, String format, String dataset, String date) {}

    /** The datatype of a release date by its form: xsd:gYear, xsd:gYearMonth or xsd:date. */
    public static XSDDatatype datatype(String date) {
        if (!DATE.matcher(date).matches())
            throw new IllegalArgumentException("\"" + date + "\" is not a release date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-09)");
        return switch (date.length()) {
            case 4 -> XSDDatatype.XSDgYear;
            case 7 -> XSDDatatype.XSDgYearMonth;
            default -> XSDDatatype.XSDdate;
        };
    }

    /** Every source graph with a ck:datasetKey, read directly (no filter), grouped by format and dataset, oldest first. */
    public static Map<String, List<Release>> all(DatasetGraph dsg) {
        Map<Node, String[]> found = new LinkedHashMap<>();
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, CK.datasetKey, Node.ANY);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                if (!q.getGraph().equals(q.getSubject())) continue;
                found.put(q.getGraph(), new String[] {format(dsg, q.getGraph()), q.getObject().getLiteralLexicalForm(), null});
            }
        } finally {
            Iter.close(it);
        }
        Map<String, List<Release>> out = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
            String date = literal(dsg, e.getKey(), CK.release);
            out.computeIfAbsent(e.getValue()[0] + "/" + e.getValue()[1], k -> new ArrayList<>())
               .add(new Release(e.getKey(), e.getValue()[0], e.getValue()[1], date));
        }
        return sorted(out);
    }

    /** Sorts each dataset's releases oldest first (undated first, then by graph IRI). */
    public static Map<String, List<Release>> sorted(Map<String, List<Release>> byDataset) {
        for (List<Release> l : byDataset.values())
            l.sort(Comparator.comparing((Release r) -> r.date() == null ? "" : r.date()).thenComparing(r -> r.graph().getURI()));
        return byDataset;
    }

    /** The graphs hidden from queries: every release of a dataset but its newest. */
    public static Set<Node> superseded(DatasetGraph dsg) {
        return superseded(all(dsg));
    }

    /** Of releases grouped by dataset, oldest first ({@link #all}), every one but the newest of each dataset. */
    public static Set<Node> superseded(Map<String, List<Release>> byDataset) {
        Set<Node> hidden = new HashSet<>();
        for (List<Release> l : byDataset.values())
            for (int i = 0; i < l.size() - 1; i++) hidden.add(l.get(i).graph());
        return hidden;
    }

    /** The newest release of this format and dataset older than {@code date}, if any. */
    public static Optional<Release> previous(DatasetGraph dsg, String format, String dataset, String date) {
        List<Release> l = all(dsg).getOrDefault(format + "/" + dataset, List.of());
        Release best = null;
        for (Release r : l)
            if (r.date() != null && r.date().compareTo(date) < 0) best = r;
        return Optional.ofNullable(best);
    }

    /**
     * Recomputes the superseded graphs and installs (or removes) the quad filter in the dataset's context. Call it
     * outside a transaction.
     */
    public static void refresh(DatasetGraph dsg) {
        DatasetGraph base = dsg;
        while (base instanceof org.apache.jena.sparql.core.DatasetGraphWrapper w) base = w.getWrapped();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(base);
        if (tdb == null) return;
        Set<Node> hiddenGraphs = new HashSet<>();
        Predicate<Tuple<NodeId>> filter = Txn.calculateRead(dsg, () -> {
            Set<Node> hidden = superseded(dsg);
            hiddenGraphs.addAll(hidden);
            if (hidden.isEmpty()) return null;
            var nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
            Set<NodeId> ids = new HashSet<>();
            for (Node g : hidden) {
                NodeId id = nodes.getNodeIdForNode(g);
                if (id != null && !NodeId.isDoesNotExist(id)) ids.add(id);
            }
            return t -> !(t.len() == 4 && ids.contains(t.get(0)));
        });
        if (filter == null) dsg.getContext().remove(SystemTDB.symTupleFilter);
        else dsg.getContext().set(SystemTDB.symTupleFilter, filter);
        // property paths read the union graph's find, which the tuple filter does not reach (ReleasePaths)
        dsg.getContext().set(ReleasePaths.HIDDEN, Set.copyOf(hiddenGraphs));
        org.apache.jena.sparql.engine.main.QC.setFactory(dsg.getContext(), ReleasePaths.FACTORY);
    }

    /** Lets one query execution see every release (its own context overrides the dataset's filter). */
    public static org.apache.jena.sparql.exec.QueryExecBuilder showAll(org.apache.jena.sparql.exec.QueryExecBuilder query) {
        return query.set(SystemTDB.symTupleFilter, SHOW_ALL);
    }

    private static String format(DatasetGraph dsg, Node g) {
        String f = literal(dsg, g, CK.sourceFormat);
        return f == null ? "" : f;
    }

    private static String literal(DatasetGraph dsg, Node g, Node p) {
        Iterator<Quad> it = dsg.find(g, g, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            Iter.close(it);
        }
    }

    private Releases() {}
}
