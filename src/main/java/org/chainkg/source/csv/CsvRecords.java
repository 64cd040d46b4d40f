package org.chainkg.source.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.chainkg.source.SourceDataException;

/**
 * Streams the records of an RFC 4180 CSV file with a header line, using Jackson's CSV parser, one record at a
 * time (quoted fields may span lines). Each record knows the physical line where it starts, so errors can name
 * it. Required columns are checked against the header before any record is read.
 * <pre>
 * try (CsvRecords rows = CsvRecords.open(path, List.of("input_id", "input_name"))) {
 *     for (CsvRecord r : rows) { String id = r.get("input_id"); ... }
 * }
 * </pre>
 */
public final class CsvRecords implements Iterable<CsvRecord>, AutoCloseable {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private final String file;
    private final CsvParser parser;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    /** Columns up to the last named one: spreadsheet exports pad the header with empty names (USGS MCS). */
    private final int namedWidth;
    private long records;
    /** Physical line where the record being read starts (for errors the parser reports at another place). */
    private long recordLine;

    private CsvRecords(String file, CsvParser parser, List<String> header) {
        this.file = file;
        this.parser = parser;
        this.header = header;
        int width = header.size();
        while (width > 1 && header.get(width - 1).isEmpty()) width--;
        this.namedWidth = width;
        for (int i = 0; i < header.size(); i++)
            if (!header.get(i).isEmpty()) columns.put(header.get(i), i);
    }

    /**
     * Opens a UTF-8 CSV file, reads its header and checks the required columns.
     * @throws SourceDataException naming the missing column, a duplicate column, or an empty file
     */
    public static CsvRecords open(Path path, List<String> required) {
        String file = path.getFileName().toString();
        Reader reader = TextFields.reader(path);
        try {
            CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(reader);
            if (parser.nextToken() != JsonToken.START_ARRAY)
                throw new SourceDataException(file, 0, null, "the file is empty (expected a header line)");
            String[] header = readRow(file, parser);
            if (header == null)
                throw new SourceDataException(file, 0, null, "the file is empty (expected a header line)");
            TextFields.checkControls(file, 1, null, Arrays.asList(header));
            CsvRecords rows = new CsvRecords(file, parser, trimmed(header));
            rows.checkHeader(required);
            return rows;
        } catch (IOException e) {
            throw parseError(file, e);
        }
    }

    private static List<String> trimmed(String[] header) {
        return Arrays.stream(header).map(String::trim).toList();
    }

    private void checkHeader(List<String> required) {
        for (int i = 0; i < header.size(); i++)
            if (!header.get(i).isEmpty() && header.indexOf(header.get(i)) != i)
                throw new SourceDataException(file, 1, header.get(i), "column appears twice in the header");
        List<String> missing = new ArrayList<>();
        for (String col : required)
            if (!columns.containsKey(col)) missing.add(col);
        if (!missing.isEmpty())
            throw new SourceDataException(file, 1, missing.get(0),
                "required column is missing from the header (header has: " + String.join(", ", header) + ")");
    }

    /** Reads one row as strings, or null at the end; the parser is positioned before the row's START_ARRAY. */
    private static String[] readRow(String file, CsvParser parser) throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null || t == JsonToken.END_ARRAY)
            return null;
        if (t != JsonToken.START_ARRAY)
            throw new SourceDataException(file, line(parser.currentTokenLocation()), null, "unexpected CSV structure");
        List<String> values = new ArrayList<>();
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null)
                throw new SourceDataException(file, line(parser.currentLocation()), null, "the file ends inside a record");
            values.add(parser.getText());
        }
        return values.toArray(String[]::new);
    }

    private static long line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static SourceDataException parseError(String file, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            long line = line(jpe.getLocation());
            return new SourceDataException(file, line, null, "malformed CSV: " + jpe.getOriginalMessage(), e);
        }
        return new SourceDataException(file, 0, null, "cannot read: " + e.getMessage(), e);
    }

    public String file() { return file; }
    public List<String> header() { return header; }
    /** Records returned so far. */
    public long count() { return records; }

    @Override
    public Iterator<CsvRecord> iterator() {
        return new Iterator<>() {
            private CsvRecord next = advance();

            private CsvRecord advance() {
                try {
                    while (true) {
                        JsonToken t = parser.nextToken();
                        if (t == null || t == JsonToken.END_ARRAY) return null;
                        // The row's START_ARRAY is reported where the previous row ended; the first value's
                        // token location is the physical line where this record starts.
                        long line = line(parser.currentTokenLocation()) + 1;
                        List<String> values = new ArrayList<>(header.size());
                        boolean first = true;
                        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null)
                                throw new SourceDataException(file, line, null, "the file ends inside a quoted field");
                            if (first) {
                                line = line(parser.currentTokenLocation());
                                recordLine = line;
                                first = false;
                            }
                            values.add(parser.getText());
                        }
                        if (values.stream().allMatch(v -> v.trim().isEmpty()))
                            continue; // blank line, or a row of empty fields (",,,,")
                        if (namedWidth < header.size() && values.size() >= namedWidth
                            && values.subList(namedWidth, values.size()).stream().allMatch(String::isEmpty)) {
                            // padding columns without a name: ignored when empty, however many the row has
                            values = new ArrayList<>(values.subList(0, namedWidth));
                            while (values.size() < header.size()) values.add("");
                        }
                        if (values.size() != header.size())
                            throw new SourceDataException(file, line, null, "the record has " + values.size()
                                + " fields but the header has " + header.size()
                                + " (check for an unquoted comma or a missing quote)");
                        TextFields.checkControls(file, line, header, values);
                        records++;
                        return new CsvRecord(file, line, columns, values);
                    }
                } catch (IOException e) {
                    if (recordLine > 0 && e instanceof JsonProcessingException jpe
                        && jpe.getOriginalMessage().contains("closing quote"))
                        throw new SourceDataException(file, recordLine, null, "malformed CSV: a quoted field in this record "
                            + "is never closed (missing \" before the end of the file)", e);
                    throw parseError(file, e);
                }
            }

            @Override
            public boolean hasNext() { return next != null; }

            @Override
            public CsvRecord next() {
                if (next == null) throw new NoSuchElementException();
                CsvRecord r = next;
                next = advance();
                return r;
            }
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
