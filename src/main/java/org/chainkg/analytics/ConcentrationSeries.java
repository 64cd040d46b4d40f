package org.chainkg.analytics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Each measure names its source graph ({@code prov:wasDerivedFrom}).
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

    /** Reads provisions, historical and scenario figures, with their providers in the same graph. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.Provision, CK.HistoricalFigure, CK.ScenarioFigure, CK.sharePercent); }

    @Override public String name() { return "concentration-series"; }
    @Override public String version() { return "1.0.0"; }
    @Override public boolean readsAllReleases() { return true; }
    @Override public String description() {
        return "One ck:SeriesMeasure per chain element and release, observed year or scenario year, from every release of every "
               + "dataset: HHI of the known country shares, top country and share, supplier countries and firms.";
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
            n++;
        }
        return n;
    }
}
