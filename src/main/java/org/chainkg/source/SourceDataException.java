package org.chainkg.source;

/**
 * A source file cannot be read as the format it claims to be. The message names the file, the physical line
 * where the bad record starts (as an editor shows it), and the field, in one fixed style:
 * <pre>provision.csv [line 57, field share_provided]: "12,5" is not a number (use a dot as decimal mark)</pre>
 */
public class SourceDataException extends RuntimeException {
    private final String file;
    private final long line;
    private final String field;

    public SourceDataException(String file, long line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public SourceDataException(String file, long line, String field, String problem, Throwable cause) {
        this(file, line, field, problem);
        initCause(cause);
    }

    /** A message that names no single file (e.g. a folder that holds no file of the format). */
    private SourceDataException(String file, String message) {
        super(message);
        this.file = file;
        this.line = 0;
        this.field = null;
    }

    /**
     * A folder given to {@code load} holds no file of the format: {@code no openalex file in DIR (expected ...)}.
     * Said instead of reading, and complaining about, an unrelated file that happens to lie there.
     */
    public static SourceDataException noFile(String format, java.nio.file.Path dir, String expected) {
        return new SourceDataException(dir.toString(), "no " + format + " file in " + dir + " (expected " + expected + ")");
    }

    private static String format(String file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0 || field != null) {
            sb.append(" [");
            if (line > 0) sb.append("line ").append(line);
            if (line > 0 && field != null) sb.append(", ");
            if (field != null) sb.append("field ").append(field);
            sb.append(']');
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() { return file; }
    public long line() { return line; }
    public String field() { return field; }
}
