package org.chainkg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * An independent, plain-Java implementation of the chokepoint and broken-segment definitions, computed
 * straight from the ETO CSV files (no RDF, no SPARQL). Tests compare the named queries against it.
 */
public final class EtoReference {
    record Row(String code, BigDecimal share) {}
    public record Metrics(BigDecimal hhi, String topCountry, BigDecimal topShare, int countries, int firms) {}

    private final Map<String, List<Row>> countryRows = new HashMap<>();
    private final Map<String, List<BigDecimal>> firmShares = new HashMap<>();
    private final List<String[]> goesInto = new ArrayList<>();
    private final Map<String, Set<String>> subtypes = new HashMap<>();

    public EtoReference(Path dir) {
        Map<String, Map<String, String>> providers = new HashMap<>();
        for (Map<String, String> r : read(dir.resolve("providers.csv")))
            providers.putIfAbsent(r.get("provider_id"), r);
        for (Map<String, String> r : read(dir.resolve("provision.csv"))) {
            Map<String, String> p = providers.get(r.get("provider_id"));
            String name = p.get("provider_name");
            if (name.equals("Various countries") || name.equals("Various companies")) continue;
            BigDecimal share = r.get("share_provided").isEmpty() ? null : new BigDecimal(r.get("share_provided"));
            String item = r.get("provided_id");
            if (p.get("provider_type").equals("country")) {
                String code = name.matches("[A-Z]{3}") ? name : p.get("country");
                countryRows.computeIfAbsent(item, k -> new ArrayList<>()).add(new Row(code, share));
            } else {
                firmShares.computeIfAbsent(item, k -> new ArrayList<>()).add(share);
            }
        }
        for (Map<String, String> r : read(dir.resolve("sequence.csv"))) {
            if (!r.get("goes_into_id").isEmpty()) goesInto.add(new String[] {r.get("input_id"), r.get("goes_into_id")});
            if (!r.get("is_type_of_id").isEmpty())
                subtypes.computeIfAbsent(r.get("is_type_of_id"), k -> new HashSet<>()).add(r.get("input_id"));
        }
    }

    private static List<Map<String, String>> read(Path file) {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Metrics metrics(String item) {
        List<Row> rows = countryRows.getOrDefault(item, List.of());
        BigDecimal hhi = null, top = null;
        String topCountry = null;
        for (Row r : rows) {
            if (r.share() == null) continue;
            hhi = (hhi == null ? BigDecimal.ZERO : hhi).add(r.share().multiply(r.share()));
            int cmp = top == null ? 1 : r.share().compareTo(top);
            if (cmp > 0 || cmp == 0 && r.code().compareTo(topCountry) < 0) { top = r.share(); topCountry = r.code(); }
        }
        if (top == null && rows.size() == 1) topCountry = rows.get(0).code();
        int countries = (int) rows.stream().filter(r -> r.share() == null || r.share().signum() > 0).count();
        int firms = (int) firmShares.getOrDefault(item, List.of()).stream().filter(s -> s == null || s.signum() > 0).count();
        return new Metrics(hhi, topCountry, top, countries, firms);
    }

    public String status(String item, String country, BigDecimal home) {
        for (Row r : countryRows.getOrDefault(item, List.of()))
            if (r.code().equals(country))
                return r.share() != null && r.share().compareTo(home) >= 0 ? "held" : "negligible";
        return "absent";
    }

    /** item id -> metrics, for the chokepoints of a country. */
    public Map<String, Metrics> chokepoints(String c, BigDecimal home, BigDecimal hhiMin, BigDecimal topMin) {
        Map<String, Metrics> out = new TreeMap<>();
        for (String item : countryRows.keySet()) {
            Metrics m = metrics(item);
            boolean concentrated = m.hhi() != null && m.hhi().compareTo(hhiMin) >= 0
                || m.topShare() != null && m.topShare().compareTo(topMin) >= 0 || m.countries() == 1;
            if (concentrated && !c.equals(m.topCountry()) && !status(item, c, home).equals("held"))
                out.put(item, m);
        }
        return out;
    }

    /** "segment resource status" lines of the broken segments of a country. */
    public Set<String> brokenSegments(String c, BigDecimal home) {
        Set<String> out = new TreeSet<>();
        for (String[] edge : goesInto) {
            Deque<String> todo = new ArrayDeque<>(List.of(edge[0]));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String r = todo.pop();
                if (!seen.add(r)) continue;
                todo.addAll(subtypes.getOrDefault(r, Set.of()));
                if (countryRows.containsKey(r)) {
                    String st = status(r, c, home);
                    if (!st.equals("held")) out.add(edge[1] + " " + r + " " + st);
                }
            }
        }
        return out;
    }
}
