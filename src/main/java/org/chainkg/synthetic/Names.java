package org.chainkg.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chainkg.analytics.NameNormaliser;

/**
 * Invented organisation and place names (pronounceable syllable words, never a real company on purpose) and the
 * spellings under which each source lists one organisation: ETO's plain name, PatentsView's upper-case legal name,
 * OpenAlex's "Name (Country)", CORDIS's upper-case legal name. All spellings normalise to the same key
 * ({@link NameNormaliser}), so the identity resolver can merge them.
 */
final class Names {
    private static final List<String> ONSETS = List.of("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "z", "br", "kr", "tr", "st", "pl", "gr", "qu", "th", "sh", "x", "dr");
    private static final List<String> VOWELS = List.of("a", "e", "i", "o", "u", "ai", "eo", "y", "ou", "ia");
    private static final List<String> CODAS = List.of("", "", "n", "r", "x", "l", "s", "m", "th", "nd", "rk", "q");
    static final List<String> FIRM_WORDS = List.of("Photonics", "Materials", "Semiconductor", "Instruments", "Systems",
        "Chemical", "Precision", "Microdevices", "Optics", "Vacuum", "Technologies", "Electronics", "Industries",
        "Energy", "Metals", "Machinery", "Devices", "Nanotech", "Ceramics", "Robotics");

    private final Sampler random;
    private final Set<String> used = new HashSet<>();

    Names(Sampler random) {
        this.random = random;
    }

    /** A capitalised invented word of two or three syllables. */
    String word() {
        StringBuilder sb = new StringBuilder();
        int syllables = random.between(2, 3);
        for (int i = 0; i < syllables; i++)
            sb.append(random.pick(ONSETS)).append(random.pick(VOWELS));
        sb.append(random.pick(CODAS));
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** A firm's base name ("Velqor Photonics"), unique by normalised form across everything named so far. */
    String firm() {
        while (true) {
            String name = word() + " " + random.pick(FIRM_WORDS);
            if (used.add(NameNormaliser.normalise(name))) return name;
        }
    }

    /** A research organisation's name: a university, institute or laboratory of an invented place. */
    String lab(int kind) {
        while (true) {
            String place = word();
            String name = switch (kind) {
                case 0 -> "University of " + place;
                case 1 -> place + " Institute of Technology";
                case 2 -> place + " Research Institute for " + random.pick(List.of("Microelectronics", "Advanced Materials",
                    "Energy Systems", "Photonics", "Applied Physics", "Chemical Engineering"));
                default -> place + " National Laboratory";
            };
            if (used.add(NameNormaliser.normalise(name))) return name;
        }
    }

    /** The legal-form suffix a firm of this country usually carries. */
    static String legalForm(String alpha3) {
        return switch (alpha3) {
            case "JPN", "KOR", "CHN", "TWN" -> "Co., Ltd.";
            case "DEU", "AUT", "CHE" -> "GmbH";
            case "NLD", "BEL" -> "B.V.";
            case "FRA" -> "SAS";
            case "GBR", "IRL", "IND", "MYS", "SGP" -> "Ltd";
            case "ITA" -> "S.p.A.";
            case "SWE", "FIN" -> "AB";
            case "ESP" -> "S.A.";
            default -> "Inc.";
        };
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
