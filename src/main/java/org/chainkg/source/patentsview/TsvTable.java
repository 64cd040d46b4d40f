package org.chainkg.source.patentsview;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.chainkg.source.SourceDataException;
import org.chainkg.source.csv.TextFields;

/**
 * Streams the rows of a PatentsView bulk table: tab-separated, a header row, fields optionally in double quotes
 * (a quoted field may hold tabs, line breaks and doubled quotes). Jackson's CSV parser with a tab separator, one
 * row at a time; each row knows the physical line where it starts.
 * <pre>
 * try (TsvTable t = TsvTable.open(path, List.of("patent_id", "patent_date"))) {
 *     for (TsvTable.Row r : t) { String id = r.require("patent_id"); ... }
 * }
 * </pre>
 */
final class TsvTable implements Iterable<TsvTable.Row>, AutoCloseable {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final CsvSchema TSV = CsvSchema.emptySchema().withColumnSeparator('\t').withQuoteChar('"');

    private final String file;
    private final CsvParser parser;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private long rows;

    /** One row: values by column name (trimmed; "" when empty) and the physical line where it starts. */
    final class Row {
        private final long line;
        private final List<String> values;

        Row(long line, List<String> values) {
            this.line = line;
            this.values = values;
        }

        long line() { return line; }

        String get(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : values.get(i).trim();
        }

        String require(String column) {
            String v = get(column);
            if (v.isEmpty()) throw error(column, "is empty but required");
            return v;
        }

        SourceDataException error(String column, String problem) {
            return new SourceDataException(file, line, column, problem);
        }
    }

    private TsvTable(String file, CsvParser parser, List<String> header) {
        this.file = file;
        this.parser = parser;
        this.header = header;
        for (int i = 0; i < header.size(); i++) columns.put(header.get(i), i);
    }

    /** Opens a UTF-8 table and checks that the header has the required columns. */
    static TsvTable open(Path path, List<String> required) {
        String file = path.getFileName().toString();
        try {
            Reader reader = TextFields.reader(path);
            CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(reader);
            parser.setSchema(TSV);
            List<String> header = parser.nextToken() == JsonToken.START_ARRAY ? readHeader(file, parser) : List.of();
            if (header.isEmpty())
                throw new SourceDataException(file, 0, null, "the file is empty (expected a header row)");
            TsvTable t = new TsvTable(file, parser, header);
            for (String col : required)
                if (!t.columns.containsKey(col))
                    throw new SourceDataException(file, 1, col, "required column is missing from the header (header has: "
                        + String.join(", ", header) + "; is the file tab-separated?)");
            return t;
        } catch (IOException e) {
            throw parseError(file, e);
        }
    }

    private static List<String> readHeader(String file, CsvParser parser) throws IOException {
        List<String> names = new ArrayList<>();
        if (parser.nextToken() != JsonToken.START_ARRAY) return names;
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null)
            names.add(parser.getText());
        TextFields.checkControls(file, 1, null, names);
        names.replaceAll(String::trim);
        for (int i = 0; i < names.size(); i++)
            if (names.indexOf(names.get(i)) != i)
                throw new SourceDataException(file, 1, names.get(i), "column appears twice in the header");
        return names;
    }

    /** Rows returned so far. */
    long count() { return rows; }

    String file() { return file; }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row next = advance();

            @Override public boolean hasNext() { return next != null; }

            @Override
            public Row next() {
                if (next == null) throw new NoSuchElementException();
                Row r = next;
                next = advance();
                return r;
            }
        };
    }

    private Row advance() {
        long line = 0;
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null || t == JsonToken.END_ARRAY) return null;
                // START_ARRAY is reported where the previous row ended; the first value gives the row's own line.
                line = lineOf(parser.currentTokenLocation()) + 1;
                List<String> values = new ArrayList<>(header.size());
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) throw new SourceDataException(file, line, null, "the file ends inside a quoted field");
                    if (values.isEmpty()) line = lineOf(parser.currentTokenLocation());
                    values.add(parser.getText());
                }
                if (values.size() == 1 && values.get(0).isEmpty()) continue; // blank line
                if (values.size() != header.size()) {
                    String field = values.size() < header.size() ? header.get(values.size()) : null;
                    throw new SourceDataException(file, line, field, "the row has " + values.size() + " fields but the header has "
                        + header.size() + " (a tab is missing or extra, or a quote is not closed)");
                }
                TextFields.checkControls(file, line, header, values);
                rows++;
                return new Row(line, values);
            }
        } catch (IOException e) {
            if (line > 0 && e instanceof JsonProcessingException jpe && jpe.getOriginalMessage().contains("closing quote"))
                throw new SourceDataException(file, line, null, "a quoted field in this row is never closed "
                    + "(missing \" before the end of the file)", e);
            throw parseError(file, e);
        }
    }

    private static long lineOf(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static final java.util.regex.Pattern AFTER_QUOTE =
        java.util.regex.Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\): Expected column separator.*");

    private static RuntimeException parseError(String file, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            java.util.regex.Matcher m = AFTER_QUOTE.matcher(jpe.getOriginalMessage());
            String problem = m.matches()
                ? "'" + m.group(1) + "' follows a quoted field where a tab or the end of the line should be (is the file "
                  + "tab-separated, and are quotes inside quoted fields doubled?)"
                : jpe.getOriginalMessage();
            return new SourceDataException(file, lineOf(jpe.getLocation()), null, "malformed TSV: " + problem, e);
        }
        return new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
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
