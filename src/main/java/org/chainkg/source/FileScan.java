package org.chainkg.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over a source file before it is parsed: SHA-256 and size for provenance, and the checks
 * that no parser reports well — an empty file, UTF-16 text (by its byte-order mark, or a NUL in every other byte of
 * a line), bytes that are not UTF-8, and git merge-conflict markers —
 * each with the line an editor shows.
 */
public final class FileScan {
    private final String name;
    private final long bytes;
    private final String sha256;
    private final long lines;

    private FileScan(String name, long bytes, String sha256, long lines) {
        this.name = name;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.lines = lines;
    }

    /** Told of every file a reader scans on this thread (the loader's progress uses it); null for none. */
    private static final ThreadLocal<java.util.function.Consumer<FileScan>> LISTENER = new ThreadLocal<>();

    /** Sets (or with null clears) the listener for scans on the current thread. */
    public static void onScan(java.util.function.Consumer<FileScan> listener) {
        if (listener == null) LISTENER.remove(); else LISTENER.set(listener);
    }

    private static FileScan told(FileScan scan) {
        java.util.function.Consumer<FileScan> l = LISTENER.get();
        if (l != null) l.accept(scan);
        return scan;
    }

    public String name() { return name; }
    public long bytes() { return bytes; }
    public String sha256() { return sha256; }
    public long lines() { return lines; }

    /**
     * Scans a text file that must be in the load's encoding ({@link TextEncoding#current()}: UTF-8 unless
     * {@code load --encoding} says otherwise; for UTF-8 an optional BOM is allowed).
     */
    public static FileScan scanText(Path path) {
        String name = path.getFileName().toString();
        MessageDigest digest = sha256Digest();
        CharsetDecoder utf8 = TextEncoding.current().newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long size = 0;
        long line = 0;
        // Blocks, not bytes: the digest and the line split work on 64 KB arrays (a per-byte read through
        // DigestInputStream cost about as much as parsing). '\n' never occurs inside a UTF-8 multi-byte sequence,
        // so splitting the raw bytes at it is safe.
        try (InputStream in = Files.newInputStream(path)) {
            ByteArrayOutputStream current = new ByteArrayOutputStream(256);
            byte[] buf = new byte[1 << 16];
            int n;
            boolean first = true;
            while ((n = in.read(buf)) > 0) {
                if (first && utf16Bom(buf, n))
                    throw utf16(name, 1, "it starts with a UTF-16 byte-order mark");
                first = false;
                digest.update(buf, 0, n);
                size += n;
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') continue;
                    line++;
                    if (current.size() == 0) {
                        checkLine(path, line, buf, start, i - start, utf8);
                    } else {
                        current.write(buf, start, i - start);
                        checkLine(path, line, current.toByteArray(), 0, current.size(), utf8);
                        current.reset();
                    }
                    start = i + 1;
                }
                current.write(buf, start, n - start);
            }
            if (current.size() > 0) {
                line++;
                checkLine(path, line, current.toByteArray(), 0, current.size(), utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (size == 0)
            throw new SourceDataException(name, 0, null, "the file is empty (expected a header line and records)");
        return told(new FileScan(name, size, HexFormat.of().formatHex(digest.digest()), line));
    }

    /** SHA-256 and size of any file (binary formats, or where no text checks apply). */
    public static FileScan scanBytes(Path path) {
        MessageDigest digest = sha256Digest();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) size += n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return told(new FileScan(path.getFileName().toString(), size, HexFormat.of().formatHex(digest.digest()), -1));
    }

    private static void checkLine(Path path, long line, byte[] buf, int offset, int length, CharsetDecoder decoder) {
        String name = path.getFileName().toString();
        if (looksLikeUtf16(buf, offset, length))
            throw utf16(name, line, "every other byte of the line is NUL");
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(buf, offset, length)).toString();
        } catch (CharacterCodingException e) {
            byte[] bad = java.util.Arrays.copyOfRange(buf, offset, offset + length);
            if (!decoder.charset().equals(StandardCharsets.UTF_8))
                throw new SourceDataException(name, line, null, "the file is not " + decoder.charset().name() + " (byte "
                    + firstBadByte(bad, decoder.charset()) + " cannot be decoded); give the file's encoding with --encoding");
            throw new SourceDataException(name, line, null, notUtf8(path, bad));
        }
        if (text.startsWith("<<<<<<< ") || text.startsWith(">>>>>>> ") || text.stripTrailing().equals("=======")
            || text.equals("<<<<<<<") || text.equals(">>>>>>>"))
            throw new SourceDataException(name, line, null,
                "git merge-conflict marker '" + text.stripTrailing() + "'; resolve the conflict before loading");
    }

    /**
     * UTF-16 text of mostly ASCII characters has a NUL byte at every other position, all on one side (even or odd);
     * UTF-8 text has NUL only where a file is damaged. A line of NUL padding (both sides) is not taken for UTF-16.
     */
    private static boolean looksLikeUtf16(byte[] buf, int offset, int length) {
        if (length < 4) return false;
        int even = 0, odd = 0;
        for (int i = 0; i < length; i++)
            if (buf[offset + i] == 0) { if (i % 2 == 0) even++; else odd++; }
        int half = length / 2;
        return Math.max(even, odd) * 10 >= half * 6 && Math.min(even, odd) * 10 <= half;
    }

    /** FF FE (little-endian) or FE FF (big-endian); a UTF-8 file never starts with either byte. */
    private static boolean utf16Bom(byte[] buf, int n) {
        return n >= 2 && (buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE || buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF);
    }

    private static SourceDataException utf16(String name, long line, String evidence) {
        return new SourceDataException(name, line, null, "the file looks like UTF-16 (" + evidence + "); convert it to "
            + "UTF-8, e.g. iconv -f UTF-16 -t UTF-8");
    }

    /**
     * The not-UTF-8 message, with the encoding the file's bytes suggest ({@link EncodingGuess}, over its first
     * megabyte): "--encoding x-MacRoman" for a Mac OS Roman file, where Windows-1252 would turn its curly quotes into
     * "Ò" and "Ó".
     */
    private static String notUtf8(Path path, byte[] badLine) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(1 << 20);
        } catch (IOException e) {
            head = badLine;
        }
        java.nio.charset.Charset likely = EncodingGuess.likely(head, head.length);
        String iconv = likely.name().equals("x-MacRoman") ? "MACINTOSH" : likely.name().toUpperCase(java.util.Locale.ROOT);
        String label = likely.name().equals("x-MacRoman") ? "Mac OS Roman" : likely.displayName();
        return "the file is not UTF-8 (byte " + firstBadByte(badLine, StandardCharsets.UTF_8) + " cannot be decoded); its bytes "
            + "look like " + label + ": " + (TextEncoding.selectable() ? "load it with --encoding " + likely.name() + ", or " : "")
            + "save it as UTF-8, e.g. iconv -f " + iconv + " -t UTF-8";
    }

    private static String firstBadByte(byte[] bytes, java.nio.charset.Charset cs) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult r = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        int at = r.isError() ? in.position() : bytes.length - 1;
        return String.format("0x%02X at byte %d of the line", bytes[at] & 0xFF, at + 1);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
