package org.chainkg.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a delimited table as the real sources do: RFC 4180 CSV (every field quoted, quotes doubled, CRLF as in
 * the ETO and CORDIS files) or PatentsView-style TSV (every field quoted, LF). The last column of every generated
 * table is {@value #NOTICE_COLUMN}, holding "SYNTHETIC" on every row, so that no row can be mistaken for real data.
 */
final class Table implements AutoCloseable {
    static final String NOTICE_COLUMN = "data_notice";
    static final String NOTICE = "SYNTHETIC";

    private final BufferedWriter out;
    private final char separator;
    private final String eol;
    private long rows;

    private Table(Path file, char separator, String eol, List<String> header) {
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        this.separator = separator;
        this.eol = eol;
        String[] h = header.toArray(new String[header.size() + 1]);
        h[header.size()] = NOTICE_COLUMN;
        write(h);
        rows = 0;
    }

    static Table csv(Path file, List<String> header) { return new Table(file, ',', "\r\n", header); }

    static Table tsv(Path file, List<String> header) { return new Table(file, '\t', "\n", header); }

    /** One row; values are written as given ("" for empty), followed by the notice column. */
    void row(Object... values) {
        Object[] v = java.util.Arrays.copyOf(values, values.length + 1);
        v[values.length] = NOTICE;
        write(v);
    }

    long rows() { return rows; }

    private void write(Object[] values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) out.write(separator);
                String s = values[i] == null ? "" : values[i].toString();
                out.write('"');
                out.write(s.indexOf('"') >= 0 ? s.replace("\"", "\"\"") : s);
                out.write('"');
            }
            out.write(eol);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
