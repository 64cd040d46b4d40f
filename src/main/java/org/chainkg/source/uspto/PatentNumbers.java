package org.chainkg.source.uspto;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.chainkg.rdf.Iris;

/**
 * Patent document identifiers as chainkg writes them: country code + number without leading zeros + kind code,
 * e.g. {@code US8926509B2}, {@code USD680087S1}, {@code US20050004974A1}, and the patent IRI built from it
 * ({@code .../id/patent/US8926509B2}). Every patent reader builds IRIs here, so the same patent read from USPTO XML
 * and from PatentsView is one node.
 * <pre>
 *   PatentNumbers.id("US", "08926509", "B2")      -> "US8926509B2"
 *   PatentNumbers.id("US", "2001/0003163", "A1")  -> "US20010003163A1"
 *   PatentNumbers.id("WO", "WO-01/19949", "")     -> "WO119949"
 * </pre>
 */
public final class PatentNumbers {
    /** An optional letter prefix (D design, RE reissue, PP plant, H, T ...) and the digits after it. */
    private static final Pattern PREFIXED = Pattern.compile("([A-Z]*)(\\d+)([A-Z0-9]*)");

    /**
     * The number without separators, without a repeated country prefix and without leading zeros; empty when
     * nothing of a number is left.
     */
    public static Optional<String> number(String country, String raw) {
        if (raw == null) return Optional.empty();
        String n = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String cc = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        if (!cc.isEmpty() && n.startsWith(cc) && n.length() > cc.length() && Character.isDigit(n.charAt(cc.length())))
            n = n.substring(cc.length());
        Matcher m = PREFIXED.matcher(n);
        if (m.matches()) {
            String digits = m.group(2).replaceFirst("^0+(?=\\d)", "");
            n = m.group(1) + digits + m.group(3);
        }
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    /** "US" + number + kind; the kind may be empty (citations without kind). */
    public static Optional<String> id(String country, String rawNumber, String kind) {
        String cc = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        String k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        return number(cc, rawNumber).map(n -> cc + n + k);
    }

    /** The patent node of an id made by {@link #id}. */
    public static Node iri(String id) {
        return Iris.instance("patent", id);
    }

    private PatentNumbers() {}
}
