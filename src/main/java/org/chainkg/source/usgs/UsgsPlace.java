package org.chainkg.source.usgs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chainkg.source.CountryNames;
import org.chainkg.source.csv.CsvRecord;

/**
 * The Country cell of a USGS MCS row, as USGS writes it: a country name from the curated table
 * ({@link CountryNames}), the residue "Other countries", or a "World total" row; with footnote digits glued on
 * ({@code Other countries4}, {@code World total (rounded)10}), an {@code e} marker glued on (estimated:
 * {@code Japane}, stripped only when the rest is a known name, so Ukraine stays Ukraine), and a qualifier after a
 * comma or in parentheses ({@code Argentina, crude ore}; kept as {@code ck:basis}). A name that is in no table is
 * an error naming file, line and column.
 */
record UsgsPlace(Kind kind, String alpha3, String name, String basis, boolean estimated) {
    enum Kind { COUNTRY, RESIDUE, WORLD_TOTAL }

    private static final Pattern FOOTNOTE = Pattern.compile("^(.*?\\D)\\d+$");
    private static final Pattern QUALIFIED = Pattern.compile("^(.+?)(?:,\\s*(.+)|\\s*\\((.+)\\))$");

    static UsgsPlace parse(CsvRecord r, String column) {
        String cell = r.get(column).replace('\u00A0', ' ').trim();
        Matcher f = FOOTNOTE.matcher(cell);
        String name = f.matches() ? f.group(1).trim() : cell;
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("world total"))
            return new UsgsPlace(Kind.WORLD_TOTAL, null, name, null, false);
        Optional<UsgsPlace> p = known(name, null, false);
        if (p.isEmpty() && name.endsWith("e")) p = known(name.substring(0, name.length() - 1), null, true);
        if (p.isEmpty()) {
            Matcher q = QUALIFIED.matcher(name);
            if (q.matches()) {
                String basis = q.group(2) != null ? q.group(2).trim() : q.group(3).trim();
                String base = q.group(1).trim();
                p = known(base, basis, false);
                if (p.isEmpty() && base.endsWith("e")) p = known(base.substring(0, base.length() - 1), basis, true);
            }
        }
        return p.orElseThrow(() -> r.error(column, CountryNames.notInTable(cell, "\"Other countries\" or \"World total\"")));
    }

    private static Optional<UsgsPlace> known(String name, String basis, boolean estimated) {
        return CountryNames.lookup(name).map(e -> e.isCountry()
            ? new UsgsPlace(Kind.COUNTRY, e.alpha3(), e.name(), basis, estimated)
            : new UsgsPlace(Kind.RESIDUE, null, e.name(), basis, estimated));
    }
}
