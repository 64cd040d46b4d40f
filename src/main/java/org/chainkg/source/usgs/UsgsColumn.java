package org.chainkg.source.usgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A figure column of a USGS MCS table, from its name: {@code Prod_kt_est_2023} is production in thousand metric
 * tons, estimated, for 2023; {@code Cap_kg_2023} capacity in kilograms; {@code Prod_Sponge_t_Est_2022} production
 * of titanium sponge. Columns without a year (notes, reserves) are not figure columns.
 */
record UsgsColumn(String name, boolean production, String unit, String qualifier, boolean estimated, int year) {
    /** The unit abbreviations USGS uses in column names, spelled out. */
    static final Map<String, String> UNITS = Map.of(
        "t", "metric tons", "kt", "thousand metric tons", "kg", "kilograms", "mmt", "million metric tons",
        "mct", "million carats", "kct", "thousand carats", "mcm", "million cubic meters");

    String unitName() { return unit == null ? null : UNITS.get(unit); }

    /** The figure columns of a header, in header order. */
    static List<UsgsColumn> of(List<String> header) {
        List<UsgsColumn> out = new ArrayList<>();
        for (String h : header) {
            String[] t = h.split("_");
            if (t.length < 2 || !(t[0].equals("Prod") || t[0].equals("Cap")) || !t[t.length - 1].matches("\\d{4}")) continue;
            String unit = null, qualifier = null;
            boolean est = false;
            for (int i = 1; i < t.length - 1; i++) {
                String lower = t[i].toLowerCase(Locale.ROOT);
                if (lower.equals("est")) est = true;
                else if (UNITS.containsKey(lower)) unit = lower;
                else qualifier = qualifier == null ? t[i] : qualifier + " " + t[i];
            }
            out.add(new UsgsColumn(h, t[0].equals("Prod"), unit, qualifier, est, Integer.parseInt(t[t.length - 1])));
        }
        return out;
    }
}
