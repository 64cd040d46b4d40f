package org.chainkg.query;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What values a named-query parameter accepts, declared in braces after the default in the query header:
 * <ul>
 *   <li>{@code {0..100}}: a number in the closed range (decimal and integer parameters);</li>
 *   <li>{@code {item|technology}}: one of the listed words;</li>
 *   <li>{@code {country}}: an ISO 3166-1 alpha-3 code or a region code the data has (case-folded: chn = CHN);</li>
 *   <li>{@code {countries}}: a comma-separated list of such codes (case-folded, spaces ignored), or {@code none};</li>
 *   <li>{@code {item}}: an item or stage id that a loaded chain has;</li>
 *   <li>{@code {chain}}: the IRI of a loaded {@code ck:IndustrialChain};</li>
 *   <li>{@code {lucene}}: a search in Lucene's classic query syntax.</li>
 * </ul>
 * For {@code country}, {@code item} and {@code chain}, {@code *} ("all") is accepted when it is the default.
 * Store-dependent checks ({@code country} codes of the data, {@code item}, {@code chain}) are made by a
 * {@link ParameterDomain}; the others by the parameter itself.
 */
public sealed interface ParameterConstraint {
    /** A closed numeric range. */
    record Range(BigDecimal min, BigDecimal max) implements ParameterConstraint {
        @Override public String toString() { return min.toPlainString() + ".." + max.toPlainString(); }
    }

    /** An enumeration of accepted words. */
    record OneOf(List<String> values) implements ParameterConstraint {
        @Override public String toString() { return String.join("|", values); }
    }

    /** Values that must exist in the store (or, for countries, in ISO 3166-1). */
    record InStore(Kind kind) implements ParameterConstraint {
        @Override public String toString() { return kind.name().toLowerCase(Locale.ROOT); }
    }

    /** A Lucene classic query-parser search. */
    record LuceneSyntax() implements ParameterConstraint {
        @Override public String toString() { return "lucene"; }
    }

    enum Kind { COUNTRY, COUNTRIES, ITEM, CHAIN }

    /** Parses the text between the braces; {@code where} names the parameter for errors. */
    static ParameterConstraint parse(String text, String where) {
        String t = text.trim();
        int dots = t.indexOf("..");
        if (dots > 0) {
            try {
                BigDecimal min = new BigDecimal(t.substring(0, dots).trim()), max = new BigDecimal(t.substring(dots + 2).trim());
                if (min.compareTo(max) > 0) throw new IllegalArgumentException(where + ": empty range {" + t + "}");
                return new Range(min, max);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": bad range {" + t + "}");
            }
        }
        switch (t) {
            case "country": return new InStore(Kind.COUNTRY);
            case "countries": return new InStore(Kind.COUNTRIES);
            case "item": return new InStore(Kind.ITEM);
            case "chain": return new InStore(Kind.CHAIN);
            case "lucene": return new LuceneSyntax();
            default:
                if (t.contains("|")) return new OneOf(Arrays.stream(t.split("\\|")).map(String::trim).toList());
                throw new IllegalArgumentException(where + ": unknown constraint {" + t + "}");
        }
    }
}
