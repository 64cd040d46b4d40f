package org.chainkg.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The parent lookup finds exactly the mapped groups that a scan of all of them with {@code under} finds. */
class TechnologyReachTest {
    @Test
    void parentLookupAgreesWithAScanOfEveryMappedGroup() throws IOException {
        Set<String> mapped = new LinkedHashSet<>();
        // the cpc column of every curated row
        var csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        try (var rows = csv.readerFor(Map.class).with(csv.schemaWithHeader())
                           .<Map<String, String>>readValues(Path.of("data/mappings/eto-cpc.csv").toFile())) {
            while (rows.hasNext()) mapped.add(rows.next().get("cpc"));
        }
        assertTrue(mapped.size() > 150, "curated CPC groups: " + mapped.size());
        mapped.addAll(List.of("H", "H01", "H01L", "H01L 21", "H01L 21/", "G03F 7/00", "G03F 7/0", "G03F 7/004"));
        List<String> groups = new ArrayList<>(mapped);
        groups.addAll(List.of("H01L 21/0271", "G03F 7/0045", "G03F 7/20", "G03F 7/2004", "H10P 14/6322", "B82Y 10/00",
                              "H01L", "C23C 16/455", "C23C 16/45525", "G06F 30/392", "Y02P 80/30"));
        int pairs = 0;
        for (String g : groups) {
            Set<String> scan = new LinkedHashSet<>();
            for (String p : mapped) if (!p.equals(g) && TechnologyReach.under(g, p)) scan.add(p);
            Set<String> lookup = new LinkedHashSet<>();
            for (String p : TechnologyReach.parents(g)) if (mapped.contains(p) && TechnologyReach.under(g, p)) lookup.add(p);
            assertEquals(scan, lookup, g);
            pairs += scan.size();
        }
        assertTrue(pairs > 20, "pairs under a mapped group: " + pairs);
    }
}
