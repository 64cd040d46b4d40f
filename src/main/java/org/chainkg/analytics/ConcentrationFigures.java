package org.chainkg.analytics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.TripleWriter;

/**
 * The concentration figures of one set of supply rows (an element's current provisions, or one release, year or
 * scenario of them), as the chokepoints query defines them: HHI = sum of the squared known country shares (absent when
 * none is known); top country = the highest known share (ties: the smaller code), or, when no share is known and
 * exactly one country is listed, that country; countries and firms = rows whose share is unknown or above 0.
 * Residue rows are never added.
 */
final class ConcentrationFigures {
    /** One country row: the country, its code (may be null) and share (null: unknown). */
    private record CountryRow(Node country, String code, BigDecimal share) {}

    private final Map<Node, CountryRow> countries = new LinkedHashMap<>();   // by supply row
    private final Map<Node, BigDecimal> firms = new LinkedHashMap<>();

    void country(Node row, Node country, String code, BigDecimal share) { countries.put(row, new CountryRow(country, code, share)); }

    void firm(Node row, BigDecimal share) { firms.put(row, share); }

    boolean hasCountries() { return !countries.isEmpty(); }

    /** Writes ck:hhi, ck:topShare, ck:topCountry, ck:countryCount and ck:firmCount on {@code m}. */
    void write(TripleWriter out, Node m) {
        BigDecimal hhi = BigDecimal.ZERO, top = null;
        int listed = 0;
        for (CountryRow c : countries.values()) {
            if (c.share() == null || c.share().signum() > 0) listed++;
            if (c.share() == null) continue;
            hhi = hhi.add(c.share().multiply(c.share()));
            if (top == null || c.share().compareTo(top) > 0) top = c.share();
        }
        Node topCountry = null;
        if (top != null) {
            String best = null;
            for (CountryRow c : countries.values()) {
                if (c.share() == null || c.share().compareTo(top) != 0 || c.code() == null) continue;
                if (best == null || c.code().compareTo(best) < 0) { best = c.code(); topCountry = c.country(); }
            }
            // to 6 decimal places: shares with 8 (PV_ICE, USGS volumes) square to 16, more than a decimal keeps in
            // some engines (Virtuoso: 19 significant digits) and more than any analysis reads
            out.decimal(m, CK.hhi, hhi.scale() > 6 ? hhi.setScale(6, java.math.RoundingMode.HALF_UP) : hhi);
            out.decimal(m, CK.topShare, top);
        } else if (countries.size() == 1) {
            topCountry = countries.values().iterator().next().country();
        }
        if (topCountry != null) out.add(m, CK.topCountry, topCountry);
        out.integer(m, CK.countryCount, listed);
        out.integer(m, CK.firmCount, firms.values().stream().filter(s -> s == null || s.signum() > 0).count());
    }
}
