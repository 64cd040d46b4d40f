package org.chainkg.rdf;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Country nodes as the research-output readers write them: the EU country authority IRI typed {@code ck:Country},
 * with its alpha-3 {@code skos:notation} and English name, written once per load.
 */
public final class CountryNodes {
    private final TripleWriter out;
    private final Set<String> written = new HashSet<>();

    public CountryNodes(TripleWriter out) {
        this.out = out;
    }

    /** The node for an ISO 3166-1 alpha-3 code, writing its description the first time. */
    public Node node(String alpha3) {
        Node c = Iris.country(alpha3);
        if (written.add(alpha3)) {
            out.type(c, CK.Country);
            out.text(c, SKOS.notation.asNode(), alpha3);
            out.text(c, RDFS.label.asNode(), CountryCodes.englishName(alpha3), "en");
        }
        return c;
    }
}
