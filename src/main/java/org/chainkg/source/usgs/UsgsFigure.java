package org.chainkg.source.usgs;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import org.chainkg.source.csv.CsvRecord;

/**
 * One figure cell of a USGS MCS table. Numbers may carry thousands separators ({@code "1,100,000"}), trailing
 * and non-breaking spaces and a leading {@code e} (estimated: {@code e5000}). Placeholders make the figure unknown, never 0:
 * {@code W} (withheld to avoid disclosing company data), {@code NA}, {@code XX} (not applicable), empty, a lower
 * bound ({@code >130,000,000}), "Less than ½ unit." and "included with …" (reported under another row). Anything
 * else is refused, naming the file, line and column.
 */
record UsgsFigure(BigDecimal value, boolean estimated, String text) {
    private static final Pattern NUMBER = Pattern.compile("(e)?(\\d+(?:\\.\\d+)?)");

    boolean known() { return value != null; }

    static UsgsFigure parse(CsvRecord r, String column) {
        String text = r.get(column);
        String plain = text.replace(",", "").replace('\u00A0', ' ').strip();
        var m = NUMBER.matcher(plain);
        if (m.matches()) return new UsgsFigure(new BigDecimal(m.group(2)), m.group(1) != null, text);
        String lower = plain.toLowerCase(Locale.ROOT);
        if (plain.isEmpty() || plain.equals("W") || plain.equals("NA") || plain.equals("XX") || plain.startsWith(">")
            || lower.startsWith("less than") || lower.startsWith("included with"))
            return new UsgsFigure(null, false, text);
        throw r.error(column, "\"" + text + "\" is not a figure (expected a number, e.g. 1,230 or e5000 for an "
                              + "estimate, or W, NA, XX, empty)");
    }
}
