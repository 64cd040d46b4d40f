package org.chainkg.analytics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;

/**
 * Materialises one {@code ck:ConcentrationMeasure} per chain element that has at least one supply record attributed
 * to a country, so that the chokepoint, broken-segment, country-profile and chokepoint-capacity queries read the
 * figures instead of recomputing them per query. The definitions are those of the queries' headers (shares are
 * percents; "Various countries/companies" residue rows never count):
 * <ul>
 * <li>{@code ck:hhi}: sum of the squared known country shares; absent when no country share is known;</li>
 * <li>{@code ck:topShare}: the highest known country share; absent when none is known;</li>
 * <li>{@code ck:topCountry}: the country with the highest known share (ties: the smaller code), or, when no share
 * is known and exactly one country is listed, that country;</li>
 * <li>{@code ck:countryCount}: country rows whose share is unknown or above 0; {@code ck:firmCount}: the same for
 * organisation rows;</li>
 * <li>{@code ck:year}: the latest reference year of any supply record of the element.</li>
 * </ul>
 * Each measure names the source graphs of the supply records it was computed from ({@code prov:wasDerivedFrom}).
 */
public final class SupplyConcentration implements Derivation, InEngine {
    private static final String ROWS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?el ?p ?kind ?code ?country ?s WHERE {
          ?p ck:item ?el ; ck:provider ?prov .
          OPTIONAL { ?p ck:sharePercent ?s }
          { ?prov a ck:Country BIND("country" AS ?kind) BIND(?prov AS ?country) OPTIONAL { ?prov skos:notation ?code } }
          UNION { ?prov a org:Organization BIND("firm" AS ?kind) }
        }""";
    private static final String YEARS_AND_GRAPHS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?el ?g ?y WHERE { GRAPH ?g { ?p ck:item ?el . OPTIONAL { ?p ck:year ?y } } }""";

    /** Reads supply records (ck:item, ck:provider); their providers' types and country codes are in the same graph. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.item, CK.provider, CK.sharePercent); }

    @Override public String name() { return "concentration"; }
    @Override public String version() { return "1.0.0"; }
    @Override public String description() {
        return "One ck:ConcentrationMeasure per chain element with a supply record attributed to a country: HHI of the known "
               + "country shares, top country and share, supplier countries and firms (share unknown or above 0), latest year.";
    }

    /** The supply rows of one element, as read. */
    private static final class Element {
        final ConcentrationFigures figures = new ConcentrationFigures();
        final Set<Node> graphs = new java.util.LinkedHashSet<>();
        Node year;
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<Node, Element> elements = new LinkedHashMap<>();
        in.select(ROWS, b -> {
            Element e = elements.computeIfAbsent(b.get("el"), k -> new Element());
            BigDecimal share = b.contains("s") ? new BigDecimal(b.get("s").getLiteralLexicalForm()) : null;
            if (b.get("kind").getLiteralLexicalForm().equals("country"))
                e.figures.country(b.get("p"), b.get("country"), b.contains("code") ? b.get("code").getLiteralLexicalForm() : null, share);
            else
                e.figures.firm(b.get("p"), share);
        });
        in.select(YEARS_AND_GRAPHS, b -> {
            Element e = elements.get(b.get("el"));
            if (e == null) return;
            e.graphs.add(b.get("g"));
            Node y = b.get("y");
            if (y != null && (e.year == null || y.getLiteralLexicalForm().compareTo(e.year.getLiteralLexicalForm()) > 0)) e.year = y;
        });
        long n = 0;
        for (Map.Entry<Node, Element> entry : elements.entrySet()) {
            Element e = entry.getValue();
            if (!e.figures.hasCountries()) continue;
            Node m = Iris.derived("concentration", entry.getKey().getURI());
            out.type(m, CK.ConcentrationMeasure);
            out.add(m, CK.assessedElement, entry.getKey());
            e.figures.write(out, m);
            if (e.year != null) out.add(m, CK.year, e.year);
            for (Node g : e.graphs) out.add(m, Vocab.provWasDerivedFrom, g);
            n++;
        }
        return n;
    }

    /** The elements with a supply record attributed to a country, each with the IRI of its measure as ?m. */
    private static final String ELEMENTS = """
          { SELECT DISTINCT ?el WHERE { ?p ck:item ?el ; ck:provider ?c . ?c a ck:Country } }
        """ + Iris.derivedSparql("concentration", "STR(?el)", "m");

    /**
     * The same measures as SPARQL 1.1 Update operations, one per group of figures; the figures are
     * {@link ConcentrationFigures}' (HHI rounded to 6 decimals, half up), the year the greatest lexical form of the
     * element's supply records' years, with its datatype.
     */
    @Override
    public java.util.List<String> inserts(String graph, String dataset) {
        return java.util.List.of(
            InEngine.insert(graph, dataset, "?m a ck:ConcentrationMeasure ; ck:assessedElement ?el ; ck:countryCount ?countries ; ck:firmCount ?firms .", ELEMENTS + """
                OPTIONAL { SELECT ?el (COUNT(DISTINCT ?p) AS ?listed) WHERE {
                  ?p ck:item ?el ; ck:provider ?c . ?c a ck:Country . OPTIONAL { ?p ck:sharePercent ?s } FILTER(!BOUND(?s) || ?s > 0)
                } GROUP BY ?el }
                OPTIONAL { SELECT ?el (COUNT(DISTINCT ?p) AS ?firmRows) WHERE {
                  ?p ck:item ?el ; ck:provider ?f . ?f a org:Organization . OPTIONAL { ?p ck:sharePercent ?s } FILTER(!BOUND(?s) || ?s > 0)
                } GROUP BY ?el }
                BIND(xsd:integer(COALESCE(?listed, 0)) AS ?countries)
                BIND(xsd:integer(COALESCE(?firmRows, 0)) AS ?firms)"""),
            InEngine.insert(graph, dataset, "?m ck:hhi ?hhi ; ck:topShare ?top .", ELEMENTS + """
                { SELECT ?el (SUM(xsd:decimal(?s) * xsd:decimal(?s)) AS ?squares) (MAX(?s) AS ?top) WHERE {
                  ?p ck:item ?el ; ck:provider ?c ; ck:sharePercent ?s . ?c a ck:Country
                } GROUP BY ?el }
                # xsd:decimal(): Virtuoso 7 refuses ?s * ?s in an aggregate ("non numeric argument")
                BIND(ROUND(?squares * 1000000) / 1000000 AS ?hhi)"""),
            // top country: the smallest code among the countries with the top known share ...
            InEngine.insert(graph, dataset, "?m ck:topCountry ?best .", ELEMENTS + """
                { SELECT ?el (MIN(STR(?code)) AS ?bestCode) WHERE {
                  { SELECT ?el (MAX(?s0) AS ?top) WHERE { ?p0 ck:item ?el ; ck:provider ?c0 ; ck:sharePercent ?s0 . ?c0 a ck:Country } GROUP BY ?el }
                  ?p ck:item ?el ; ck:provider ?c ; ck:sharePercent ?s . ?c a ck:Country ; skos:notation ?code .
                  FILTER(?s = ?top)
                } GROUP BY ?el }
                ?bp ck:item ?el ; ck:provider ?best . ?best a ck:Country ; skos:notation ?bc . FILTER(STR(?bc) = ?bestCode)"""),
            // ... or, when no share is known, the one country listed
            InEngine.insert(graph, dataset, "?m ck:topCountry ?only .", ELEMENTS + """
                { SELECT ?el (SAMPLE(?c) AS ?only) WHERE { ?p ck:item ?el ; ck:provider ?c . ?c a ck:Country }
                  GROUP BY ?el HAVING (COUNT(DISTINCT ?p) = 1) }
                FILTER NOT EXISTS { ?sp ck:item ?el ; ck:provider ?sc ; ck:sharePercent ?ss . ?sc a ck:Country }"""),
            InEngine.insert(graph, dataset, "?m ck:year ?year .", ELEMENTS + """
                { SELECT ?el (MAX(STR(?y)) AS ?latest) (SAMPLE(DATATYPE(?y)) AS ?type) WHERE { GRAPH ?g { ?p ck:item ?el ; ck:year ?y } } GROUP BY ?el }
                BIND(STRDT(?latest, ?type) AS ?year)"""),
            InEngine.insert(graph, dataset, "?m prov:wasDerivedFrom ?g .", ELEMENTS + """
                { SELECT DISTINCT ?el ?g WHERE { GRAPH ?g { ?p ck:item ?el } } }"""));
    }
}
