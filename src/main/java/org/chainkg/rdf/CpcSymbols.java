package org.chainkg.rdf;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.SKOS;

/**
 * Cooperative Patent Classification symbols as SKOS concepts ({@code ck:Technology}) with their broader chain
 * derived from the symbol itself: {@code H01L 21/027 -> H01L 21/00 -> H01L -> H01 -> H}.
 * <pre>
 *   CpcSymbols cpc = new CpcSymbols(writer);
 *   Node group = cpc.concept("H01L21/027").orElseThrow();   // writes the concept and its broader chain once
 * </pre>
 * Symbols are accepted in the forms patent offices print: "H01L 21/027", "H01L21/027", "H01L  21/0274",
 * or split into fields (section, class, subclass, main group, subgroup) via {@link #of}.
 */
public final class CpcSymbols {
    /** The concept scheme of CPC concepts. */
    public static final Node SCHEME = Iris.instance("cpc");
    private static final Pattern SYMBOL = Pattern.compile("^\\s*([A-HY])\\s*(\\d{2})\\s*([A-Z])\\s*(?:(\\d{1,4})\\s*/\\s*(\\d{2,6}))?\\s*$");

    private final TripleWriter out;
    private final Set<String> written = new HashSet<>();

    public CpcSymbols(TripleWriter out) {
        this.out = out;
    }

    /** Normalised notation "H01L 21/027" (or "H01L" for a subclass), or empty when the text is not a CPC symbol. */
    public static Optional<String> normalise(String text) {
        if (text == null) return Optional.empty();
        Matcher m = SYMBOL.matcher(text);
        if (!m.matches()) return Optional.empty();
        String subclass = m.group(1) + m.group(2) + m.group(3);
        if (m.group(4) == null) return Optional.of(subclass);
        return Optional.of(subclass + " " + Integer.parseInt(m.group(4)) + "/" + m.group(5));
    }

    /** The notation from split fields, as in USPTO and EPO XML (section H, class 01, subclass L, 21, 027). */
    public static Optional<String> of(String section, String cls, String subclass, String mainGroup, String subgroup) {
        return normalise(section + cls + subclass + " " + mainGroup + "/" + subgroup);
    }

    /** IRI of a CPC concept from its normalised notation: {@code .../id/cpc/H01L21-027}. */
    public static Node iri(String notation) {
        return Iris.instance("cpc", notation.replace(" ", "").replace('/', '-'));
    }

    /** Writes the concept for a symbol (and its broader chain) once per writer; empty when not a CPC symbol. */
    public Optional<Node> concept(String symbol) {
        return normalise(symbol).map(n -> { write(n); return iri(n); });
    }

    private void write(String notation) {
        if (!written.add(notation)) return;
        Node c = iri(notation);
        out.type(c, org.chainkg.rdf.CK.Technology, SKOS.Concept.asNode());
        out.text(c, SKOS.notation.asNode(), notation);
        out.text(c, SKOS.prefLabel.asNode(), "CPC " + notation, "en");
        out.add(c, SKOS.inScheme.asNode(), SCHEME);
        broader(notation).ifPresent(b -> {
            write(b);
            out.add(c, SKOS.broader.asNode(), iri(b));
        });
        if (notation.length() == 1) {
            out.type(SCHEME, CK.TechnologyScheme, SKOS.ConceptScheme.asNode());
            out.text(SCHEME, SKOS.prefLabel.asNode(), "Cooperative Patent Classification (CPC)", "en");
            out.add(c, SKOS.topConceptOf.asNode(), SCHEME);
        }
    }

    /** H01L 21/027 -> H01L 21/00 -> H01L -> H01 -> H; nothing above the section. */
    static Optional<String> broader(String notation) {
        int slash = notation.indexOf('/');
        if (slash > 0) {
            String group = notation.substring(slash + 1);
            if (!group.equals("00")) return Optional.of(notation.substring(0, slash) + "/00");
            return Optional.of(notation.substring(0, 4));
        }
        if (notation.length() == 4) return Optional.of(notation.substring(0, 3));
        if (notation.length() == 3) return Optional.of(notation.substring(0, 1));
        return Optional.empty();
    }

}
