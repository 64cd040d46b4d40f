package org.chainkg.analytics;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
import org.chainkg.rdf.Vocab;

/**
 * One {@code ck:SeriesMeasure} per chain element and point of its supply series, with the figures of
 * {@link ConcentrationFigures}, for the concentration-trend and release-changes queries. The series, read from every
 * release of every dataset (superseded releases included):
 * <ul>
 * <li>{@code release}: the provisions of a source graph that has a release date; period = that date (ETO 2022-09 and
 * 2026-08, USGS 2024, IEA 2024);</li>
 * <li>{@code observed}: the provisions of an undated source graph, by their year, and the historical figures of a
 * time series (NREL PV_ICE 2004-2022), by their year;</li>
 * <li>{@code scenario}: the projections ({@code ck:ScenarioFigure}, IEA base case 2030, 2035, 2040), by their year.</li>
 * </ul>
 * Each measure names its source graph ({@code prov:wasDerivedFrom}). A release measure also names the segments its
 * element is a resource for in that release ({@code ck:resourceFor}: {@code ck:subtypeOf*}/{@code ck:feedsInto}, every
 * edge from the same graph), read as one-step edges graph by graph and closed here, so that release-changes needs no
 * property path inside {@code GRAPH ?g} (Virtuoso 7 evaluates one over the edges of every graph).
 */
public final class ConcentrationSeries implements Derivation {
    private static final String ROWS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?el ?g ?series ?period ?f ?prov ?kind ?code ?s WHERE {
          {
            GRAPH ?g { ?f a ck:Provision ; ck:item ?el ; ck:provider ?prov .
                       OPTIONAL { ?f ck:sharePercent ?s } OPTIONAL { ?f ck:year ?y } OPTIONAL { ?g ck:release ?rel } }
            BIND(IF(BOUND(?rel), "release", "observed") AS ?series)
            BIND(COALESCE(STR(?rel), STR(?y), "") AS ?period)
          } UNION {
            GRAPH ?g { ?f a ck:HistoricalFigure ; ck:figureItem ?el ; ck:figureProvider ?prov ; ck:year ?y .
                       OPTIONAL { ?f ck:sharePercent ?s } }
            BIND("observed" AS ?series) BIND(STR(?y) AS ?period)
          } UNION {
            GRAPH ?g { ?f a ck:ScenarioFigure ; ck:figureItem ?el ; ck:figureProvider ?prov ; ck:year ?y .
                       OPTIONAL { ?f ck:sharePercent ?s } }
            BIND("scenario" AS ?series) BIND(STR(?y) AS ?period)
          }
          { ?prov a ck:Country BIND("country" AS ?kind) OPTIONAL { ?prov skos:notation ?code } }
          UNION { ?prov a org:Organization BIND("firm" AS ?kind) }
        }""";

    /** A release's own sequence: its subtype and feeds-into edges, one step each, read graph by graph. */
    private static final String SEQUENCE = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?g ?a ?p ?b WHERE {
          GRAPH ?g { ?g ck:release ?rel . { ?a ck:subtypeOf ?b BIND("sub" AS ?p) } UNION { ?a ck:feedsInto ?b BIND("feeds" AS ?p) } }
        }""";

    /** Reads provisions, historical and scenario figures, with their providers in the same graph. */
    @Override public Set<Node> reads() {
        return Set.of(CK.Provision, CK.HistoricalFigure, CK.ScenarioFigure, CK.sharePercent, CK.subtypeOf, CK.feedsInto);
    }

    @Override public String name() { return "concentration-series"; }
    @Override public String version() { return "1.1.0"; }
    @Override public boolean readsAllReleases() { return true; }
    @Override public String description() {
        return "One ck:SeriesMeasure per chain element and release, observed year or scenario year, from every release of every "
               + "dataset: HHI of the known country shares, top country and share, supplier countries and firms; on a release measure, "
               + "the segments the element is a resource for in that release (ck:subtypeOf*/ck:feedsInto within its graph).";
    }

    /** One graph's subtype and feeds-into edges. */
    private static final class Sequence {
        final Map<Node, Set<Node>> parents = new HashMap<>(), feeds = new HashMap<>();

        /** The segments that el, or an element it is a subtype of (zero or more steps), feeds into. */
        Set<Node> segments(Node el) {
            Set<Node> seen = new HashSet<>(), out = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(List.of(el));
            while (!todo.isEmpty()) {
                Node x = todo.pop();
                if (!seen.add(x)) continue;
                out.addAll(feeds.getOrDefault(x, Set.of()));
                todo.addAll(parents.getOrDefault(x, Set.of()));
            }
            return out;
        }
    }

    private record Key(Node el, Node graph, String series, String period) {}

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<Key, ConcentrationFigures> points = new LinkedHashMap<>();
        in.selectAllReleases(ROWS, b -> {
            String period = b.get("period").getLiteralLexicalForm();
            Key k = new Key(b.get("el"), b.get("g"), b.get("series").getLiteralLexicalForm(), period.isEmpty() ? "undated" : period);
            ConcentrationFigures f = points.computeIfAbsent(k, x -> new ConcentrationFigures());
            BigDecimal share = b.contains("s") ? new BigDecimal(b.get("s").getLiteralLexicalForm()) : null;
            if (b.get("kind").getLiteralLexicalForm().equals("country"))
                f.country(b.get("f"), b.get("prov"), b.contains("code") ? b.get("code").getLiteralLexicalForm() : null, share);
            else
                f.firm(b.get("f"), share);
        });
        Map<Node, Sequence> sequences = new HashMap<>();
        in.selectAllReleases(SEQUENCE, b -> {
            Sequence q = sequences.computeIfAbsent(b.get("g"), x -> new Sequence());
            (b.get("p").getLiteralLexicalForm().equals("sub") ? q.parents : q.feeds)
                .computeIfAbsent(b.get("a"), x -> new LinkedHashSet<>()).add(b.get("b"));
        });
        long n = 0;
        for (var e : points.entrySet()) {
            Key k = e.getKey();
            if (!e.getValue().hasCountries()) continue;
            Node m = Iris.derived("concentration-series", List.of(k.el().getURI(), k.graph().getURI(), k.series(), k.period()).toArray(String[]::new));
            out.type(m, CK.SeriesMeasure);
            out.add(m, CK.assessedElement, k.el());
            out.text(m, CK.series, k.series());
            out.text(m, CK.period, k.period());
            e.getValue().write(out, m);
            out.add(m, Vocab.provWasDerivedFrom, k.graph());
            if (k.series().equals("release") && sequences.containsKey(k.graph()))
                for (Node seg : sequences.get(k.graph()).segments(k.el())) out.add(m, CK.resourceFor, seg);
            n++;
        }
        return n;
    }
}
