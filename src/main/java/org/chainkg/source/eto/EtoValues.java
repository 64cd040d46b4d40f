package org.chainkg.source.eto;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chainkg.source.csv.CsvRecord;

/** Parsing and checking of ETO field values, with errors in the analyst's words. */
final class EtoValues {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An id such as N20, S1 or P312: the kind's letter followed by digits. */
    static String id(CsvRecord r, String column, String letter) {
        String id = r.require(column);
        if (!id.matches(letter + "\\d+"))
            throw r.error(column, "\"" + id + "\" is not an ETO id (expected " + letter + " followed by digits, e.g. "
                                  + letter + "20)");
        return id;
    }

    /** "Various countries" / "Various companies" (2022 release: "Various"): unattributed residue, never a supplier. */
    static boolean isResidue(String name) {
        return name.equalsIgnoreCase("Various countries") || name.equalsIgnoreCase("Various companies")
               || name.equalsIgnoreCase("Various");
    }

    /** The 2022 release's {@code negligible_market_share} flag: "negligible" or empty. */
    static boolean negligible(CsvRecord r, String column) {
        String text = r.get(column);
        if (text.isEmpty()) return false;
        if (text.equalsIgnoreCase("negligible")) return true;
        throw r.error(column, "\"" + text + "\" is not a negligible-share flag (expected \"negligible\" or empty)");
    }

    /** A share in percent (0–100); empty means "supplies, figure unknown". */
    static Optional<BigDecimal> share(CsvRecord r, String column) {
        String text = r.get(column);
        // The 2022 release writes "61%".
        if (text.endsWith("%")) text = text.substring(0, text.length() - 1).trim();
        if (text.isEmpty())
            return Optional.empty();
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            String hint = text.contains(",") ? " (use a dot as decimal mark)"
                        : " (a share is a percent such as 12.5, or empty when unknown)";
            throw r.error(column, "\"" + text + "\" is not a number" + hint);
        }
        if (v.signum() < 0)
            throw r.error(column, "share " + text + " is negative (shares are percents from 0 to 100)");
        if (v.compareTo(HUNDRED) > 0)
            throw r.error(column, "share " + text + " is above 100 (shares are percents from 0 to 100)");
        return Optional.of(v);
    }

    static Optional<String> year(CsvRecord r, String column) {
        String text = r.get(column);
        if (text.isEmpty())
            return Optional.empty();
        if (!YEAR.matcher(text).matches())
            throw r.error(column, "\"" + text + "\" is not a year (expected four digits, e.g. 2025)");
        return Optional.of(text);
    }

    private EtoValues() {}
}
