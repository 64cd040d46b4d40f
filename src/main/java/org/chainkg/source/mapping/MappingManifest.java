package org.chainkg.source.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * The record counts that a folder of curated mapping tables declares in {@value #FILE} ({@code file,records}, one
 * row per table). A table cut short at a record boundary is still valid CSV, and nothing inside it can tell; the
 * declared count can. When the manifest is there, every table read from its folder must be listed and hold
 * exactly the declared number of records; a folder without one (e.g. a user's own mappings) is not checked.
 */
final class MappingManifest {
    static final String FILE = "manifest.csv";

    private final Map<String, Long> records = new HashMap<>();

    private MappingManifest() {}

    /** The manifest beside this table, or null when its folder has none. */
    static MappingManifest besides(Path table) {
        Path dir = table.toAbsolutePath().getParent();
        Path file = dir == null ? null : dir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) return null;
        FileScan.scanText(file);
        MappingManifest m = new MappingManifest();
        try (CsvRecords rows = CsvRecords.open(file, List.of("file", "records"))) {
            for (CsvRecord r : rows) {
                String name = r.require("file");
                long count;
                try {
                    count = Long.parseLong(r.require("records"));
                } catch (NumberFormatException e) {
                    throw r.error("records", "\"" + r.get("records") + "\" is not a whole number of records");
                }
                if (count < 0)
                    throw r.error("records", "\"" + r.get("records") + "\" is not a whole number of records");
                if (m.records.putIfAbsent(name, count) != null)
                    throw r.error("file", name + " is listed twice");
            }
        }
        return m;
    }

    /**
     * Refuses a table whose record count differs from the declared one.
     * @param scan the table's scan (its line count names the line where the missing records would start)
     */
    void check(String table, FileScan scan, long actual) {
        Long declared = records.get(table);
        if (declared == null)
            throw new SourceDataException(table, 0, null, "the table is not listed in " + FILE + " beside it (add a row "
                + table + "," + actual + " once its records are checked)");
        if (declared != actual)
            throw new SourceDataException(table, scan.lines() + 1, null, "the file ends after " + actual + " records, but "
                + FILE + " declares " + declared + (actual < declared
                    ? " (the file was cut short; restore the whole file)"
                    : " (update " + FILE + " when you add records)"));
    }
}
