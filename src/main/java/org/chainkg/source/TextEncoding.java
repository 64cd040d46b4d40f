package org.chainkg.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * The character encoding of the text files of one load ({@code load --encoding NAME}; UTF-8 by default). Set for the
 * loading thread around a reader's run; {@link FileScan#scanText} checks the bytes against it and the text readers
 * ({@link org.chainkg.source.csv.TextFields#reader}) decode with it. Only encodings in which a line break is the single
 * byte 0x0A are accepted (UTF-8, ISO-8859-x, Windows-125x, Mac OS Roman, GB18030, Shift_JIS, ...), since the scan
 * counts lines on the raw bytes; for UTF-16 convert the file first.
 * <pre>
 * try (TextEncoding.Scope s = TextEncoding.use(TextEncoding.forName("x-MacRoman"))) { reader.read(paths, out); }
 * </pre>
 */
public final class TextEncoding {
    private static final ThreadLocal<Charset> CURRENT = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8);
    private static final ThreadLocal<Boolean> SELECTABLE = ThreadLocal.withInitial(() -> false);

    /** True when the current load's reader takes {@code load --encoding} (delimited text; not JSON or XML). */
    public static boolean selectable() { return SELECTABLE.get(); }

    /** The encoding of the current load's text files. */
    public static Charset current() { return CURRENT.get(); }

    /** Restores the previous encoding when closed. */
    public interface Scope extends AutoCloseable { @Override void close(); }

    /** Uses {@code charset} for text files read on this thread until the scope closes. */
    public static Scope use(Charset charset) {
        return use(charset, true);
    }

    /** As {@link #use(Charset)}; {@code selectable}: whether the reader takes {@code --encoding} (for the not-UTF-8 advice). */
    public static Scope use(Charset charset, boolean selectable) {
        Charset before = CURRENT.get();
        boolean wasSelectable = SELECTABLE.get();
        CURRENT.set(charset);
        SELECTABLE.set(selectable);
        return () -> { CURRENT.set(before); SELECTABLE.set(wasSelectable); };
    }

    /**
     * The charset of a Java charset name or alias (case-insensitive: {@code UTF-8}, {@code windows-1252},
     * {@code x-MacRoman}, {@code MacRoman}, {@code GB18030}).
     * @throws IllegalArgumentException naming the problem, for an unknown name or an encoding this scan cannot read
     */
    public static Charset forName(String name) {
        Charset cs;
        try {
            cs = Charset.forName(name.equalsIgnoreCase("MacRoman") || name.equalsIgnoreCase("Mac OS Roman") ? "x-MacRoman" : name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding: \"" + name + "\" is not a character encoding this Java knows "
                + "(e.g. UTF-8, windows-1252, x-MacRoman, ISO-8859-1, GB18030)");
        }
        if (!Arrays.equals("\n".getBytes(cs), new byte[] {'\n'}) || !Arrays.equals("a,\"".getBytes(cs), new byte[] {'a', ',', '"'}))
            throw new IllegalArgumentException("--encoding: " + cs.name() + " is not read directly (its line breaks or "
                + "ASCII characters are not single bytes); convert the file to UTF-8 first, e.g. iconv -f " + cs.name() + " -t UTF-8");
        return cs;
    }

    private TextEncoding() {}
}
