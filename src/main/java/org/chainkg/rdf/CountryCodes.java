package org.chainkg.rdf;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 alpha-2 to alpha-3 country codes (from the JDK's locale data), with the EU's own two-letter codes
 * that CORDIS uses (UK for GBR, EL for GRC) and WIPO region codes left out.
 */
public final class CountryCodes {
    private static final Map<String, String> ALPHA2 = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();
    static {
        for (String a2 : Locale.getISOCountries()) {
            try {
                Locale l = new Locale("", a2);
                ALPHA2.put(a2, l.getISO3Country());
                NAMES.put(l.getISO3Country(), l.getDisplayCountry(Locale.ENGLISH));
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 for this code: leave it out
            }
        }
        ALPHA2.put("UK", "GBR");
        ALPHA2.put("EL", "GRC");
    }

    /** The alpha-3 code for a two-letter code (ISO or EU), or empty when unknown. */
    public static Optional<String> alpha3(String alpha2) {
        if (alpha2 == null) return Optional.empty();
        return Optional.ofNullable(ALPHA2.get(alpha2.trim().toUpperCase(Locale.ROOT)));
    }

    /** The English name of an alpha-3 code from the JDK's ISO data ("NLD" -> "Netherlands"); the code when unknown. */
    public static String englishName(String alpha3) {
        return NAMES.getOrDefault(alpha3, alpha3);
    }

    /** Whether a code is an ISO 3166-1 alpha-3 country code (upper case). */
    public static boolean isAlpha3(String code) {
        return NAMES.containsKey(code);
    }

    /** Every ISO 3166-1 alpha-3 code the JDK knows. */
    public static java.util.Set<String> alpha3Codes() {
        return java.util.Collections.unmodifiableSet(NAMES.keySet());
    }

    private CountryCodes() {}
}
