package org.chainkg.source.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chainkg.source.SourceDataException;

/**
 * What every delimited-text table (CSV, PatentsView TSV) checks the same way: the file is opened as UTF-8 with an
 * optional byte-order mark skipped, and no field holds a control character (a NUL byte or another C0 control other
 * than tab and line breaks), which no real table value contains and which would otherwise be stored, or make a
 * value such as a URL silently unusable.
 */
public final class TextFields {
    private TextFields() {}

    /** A buffered reader of the file in the load's encoding ({@link org.chainkg.source.TextEncoding}, UTF-8 by default), past a byte-order mark if there is one. */
    public static Reader reader(Path path) {
        try {
            Reader reader = new BufferedReader(Files.newBufferedReader(path, org.chainkg.source.TextEncoding.current()), 1 << 16);
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses the first value that holds a control character, naming its column.
     * @param columns the header (for a header line itself, null: the field is then named by its position)
     */
    public static void checkControls(String file, long line, List<String> columns, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            for (int at = 0; at < v.length(); at++) {
                char c = v.charAt(at);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    String field = columns != null && i < columns.size() ? columns.get(i) : "#" + (i + 1);
                    throw new SourceDataException(file, line, field, "the value holds " + name(c) + " at character "
                        + (at + 1) + " (control characters are not allowed in a field; remove it, or if every other byte "
                        + "is NUL, convert the file from UTF-16 to UTF-8)");
                }
            }
        }
    }

    private static String name(char c) {
        return c == 0 ? "a NUL byte (U+0000)" : String.format("the control character U+%04X", (int) c);
    }
}
