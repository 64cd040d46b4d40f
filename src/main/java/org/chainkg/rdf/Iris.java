package org.chainkg.rdf;

import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The IRIs chainkg mints for instances and named graphs, and the standard IRIs it reuses for countries.
 * <pre>
 *   Iris.country("NLD")            -> http://publications.europa.eu/resource/authority/country/NLD
 *   Iris.instance("eto", "chip", "item", "N20") -> https://w3id.org/chainkg/id/eto/chip/item/N20
 *   Iris.sourceGraph("eto", "chip") -> https://w3id.org/chainkg/graph/eto/chip
 * </pre>
 */
public final class Iris {
    public static final String BASE = "https://w3id.org/chainkg/";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    /** EU Publications Office country authority (ISO 3166-1 alpha-3 based). */
    public static final String EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/";
    /** Regions that are not countries (e.g. ETO's "Europe", EUR) get a chainkg IRI. */
    public static final String REGION = ID + "region/";

    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._~-]+");

    /** Region codes that appear in sources as providers but are not ISO 3166 countries. */
    private static final java.util.Set<String> REGIONS = java.util.Set.of("EUR");

    public static boolean isCountryCode(String code) {
        return code != null && ALPHA3.matcher(code).matches();
    }

    public static Node country(String alpha3) {
        if (!isCountryCode(alpha3))
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 code: " + alpha3);
        return NodeFactory.createURI((REGIONS.contains(alpha3) ? REGION : EU_COUNTRY) + alpha3);
    }

    public static Node instance(String... segments) {
        return NodeFactory.createURI(ID + String.join("/", escape(segments)));
    }

    public static Node sourceGraph(String... segments) {
        return NodeFactory.createURI(GRAPH + String.join("/", escape(segments)));
    }

    /**
     * An IRI for a derived node named by other IRIs (an identity link, a text link): a name-based UUID of the
     * keys, stable across runs, where a 32-bit hash code could collide.
     */
    public static Node derived(String kind, String... keys) {
        String joined = String.join(" ", keys);
        return instance(kind, java.util.UUID.nameUUIDFromBytes(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    /**
     * The SPARQL 1.1 form of {@link #derived}, for derivations that run inside a SPARQL engine: two BINDs that give
     * {@code var} the IRI {@code derived(kind, key)} names, where {@code keyExpr} is a SPARQL expression of the joined
     * keys (a plain string). The name-based UUID is version 3: MD5 of the UTF-8 key, version nibble 3, variant bits 10.
     */
    public static String derivedSparql(String kind, String keyExpr, String var) {
        String h = "?" + var + "_md5";
        String variant = "SUBSTR(" + h + ", 17, 1)";
        return "BIND(MD5(" + keyExpr + ") AS " + h + ")\n"
            + "BIND(IRI(CONCAT(\"" + ID + String.join("/", escape(new String[] {kind})) + "/\", SUBSTR(" + h + ", 1, 8), \"-\", SUBSTR(" + h + ", 9, 4), \"-3\", SUBSTR(" + h + ", 14, 3), \"-\", "
            + "IF(" + variant + " IN (\"0\", \"4\", \"8\", \"c\"), \"8\", IF(" + variant + " IN (\"1\", \"5\", \"9\", \"d\"), \"9\", IF(" + variant + " IN (\"2\", \"6\", \"a\", \"e\"), \"a\", \"b\"))), "
            + "SUBSTR(" + h + ", 18, 3), \"-\", SUBSTR(" + h + ", 21, 12))) AS ?" + var + ")\n";
    }

    /** A path segment safe for IRIs: keeps letters, digits and {@code ._~-}, folds the rest to '-'. */
    public static String slug(String text) {
        String s = UNSAFE.matcher(text.trim()).replaceAll("-");
        return s.isEmpty() ? "_" : s.toLowerCase(Locale.ROOT);
    }

    private static String[] escape(String[] segments) {
        String[] out = new String[segments.length];
        for (int i = 0; i < segments.length; i++)
            out[i] = UNSAFE.matcher(segments[i]).replaceAll("-");
        return out;
    }

    private Iris() {}
}
