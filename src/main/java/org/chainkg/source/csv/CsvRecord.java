package org.chainkg.source.csv;

import java.util.List;
import java.util.Map;

import org.chainkg.source.SourceDataException;

/** One CSV record: values by column name, and the physical line where the record starts. */
public final class CsvRecord {
    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final List<String> values;

    CsvRecord(String file, long line, Map<String, Integer> columns, List<String> values) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.values = values;
    }

    public long line() { return line; }

    /** The trimmed value of a column of the header; "" when empty, and also when the column is absent. */
    public String get(String column) {
        Integer i = columns.get(column);
        return i == null ? "" : values.get(i).trim();
    }

    /** The value of the i-th column (0-based), trimmed: for a column without a name in the header. */
    public String get(int i) {
        return i < values.size() ? values.get(i).trim() : "";
    }

    /** The value, which must not be empty. */
    public String require(String column) {
        String v = get(column);
        if (v.isEmpty())
            throw error(column, "is empty but required");
        return v;
    }

    /** An error about one field of this record, in the fixed file/line/field style. */
    public SourceDataException error(String column, String problem) {
        return new SourceDataException(file, line, column, problem);
    }
}
