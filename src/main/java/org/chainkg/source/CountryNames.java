package org.chainkg.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The country names the production-statistics sources write (USGS, IEA, NREL PV_ICE) and the one non-ISO code of the
 * 2022 ETO release, mapped to ISO 3166-1 alpha-3 codes: the curated table
 * {@code org/chainkg/source/country-names.csv} (columns name, alpha3, kind, used_by, note). {@code kind} is
 * {@code country}, {@code residue} ("Other countries", "Rest of world": counts in the world total, never a supplier)
 * or {@code group} (a combined row of several countries, treated as residue). Every name a reader meets must be in
 * the table: one that is not is an error naming the file, line and field, never a silent skip.
 */
public final class CountryNames {
    /** What a name stands for. */
    public record Entry(String name, String alpha3, String kind, String note) {
        public boolean isCountry() { return kind.equals("country"); }
    }

    private static final Map<String, Entry> BY_KEY = load();

    /** The entry of a name (case, spacing and non-breaking spaces ignored), if the table has it. */
    public static Optional<Entry> lookup(String name) {
        return Optional.ofNullable(BY_KEY.get(key(name)));
    }

    /** The refusal of a name that is in no table, for a reader's error ({@code others}: what else the cell may hold). */
    public static String notInTable(String name, String others) {
        return "\"" + name + "\" is not a country name in the country-name table (src/main/resources/org/chainkg/source/country-names.csv)"
            + (others == null ? "" : ", nor " + others);
    }

    /** Every entry, in table order. */
    public static java.util.Collection<Entry> all() { return BY_KEY.values(); }

    static String key(String name) {
        return name.replace('\u00A0', ' ').trim().replaceAll("\\s+", " ").replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (InputStream in = CountryNames.class.getResourceAsStream("country-names.csv")) {
            if (in == null) throw new IllegalStateException("country-names.csv missing from the classpath");
            MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                Entry e = new Entry(r.get("name"), r.get("alpha3"), r.get("kind"), r.get("note"));
                if (e.isCountry() && !org.chainkg.rdf.CountryCodes.isAlpha3(e.alpha3()))
                    throw new IllegalStateException("country-names.csv: " + e.alpha3() + " (for " + e.name() + ") is not an ISO alpha-3 code");
                if (out.put(key(e.name()), e) != null)
                    throw new IllegalStateException("country-names.csv: duplicate name " + e.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private CountryNames() {}
}
