package org.chainkg.source.uspto;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Splits a file of concatenated XML documents (a USPTO weekly bulk file: each document has its own
 * {@code <?xml ...?>} declaration and {@code <!DOCTYPE>}) into one {@link Reader} per document, streaming: only
 * the current line is held in memory. A document starts at a line that begins with an XML declaration (or at the
 * first line of the file) and runs up to the next such line. A file with one document is the simple case.
 * <pre>
 * try (XmlDocuments docs = new XmlDocuments(path)) {
 *     for (XmlDocuments.Document d = docs.next(); d != null; d = docs.next())
 *         parse(d.reader(), d.startLine());
 * }
 * </pre>
 */
final class XmlDocuments implements Closeable {
    private final BufferedReader in;
    /** The line that starts the next document (already read), or null at the end of the file. */
    private String pending;
    private long pendingLine;
    private long linesRead;
    private DocumentReader current;

    /** One document: the physical line where it starts and its characters (line ends as "\n"). */
    record Document(long startLine, Reader reader) {}

    XmlDocuments(Path path) {
        try {
            in = new BufferedReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), 1 << 16);
            pending = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (pending != null) {
            if (pending.startsWith("\uFEFF")) pending = pending.substring(1);
            linesRead = 1;
            pendingLine = 1;
        }
    }

    /** True for a line that starts a new document: it begins with an XML declaration (not {@code <?xml-stylesheet}). */
    static boolean isDeclaration(String line) {
        return line.startsWith("<?xml") && (line.length() == 5 || Character.isWhitespace(line.charAt(5)));
    }

    /** The next document (the rest of the current one is skipped), or null at the end of the file. */
    Document next() {
        if (current != null) current.drain();
        if (pending == null) return null;
        current = new DocumentReader(pending);
        long start = pendingLine;
        pending = null;
        return new Document(start, current);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The characters of one document: its lines joined by '\n', up to the next declaration line. No line end is
     * added after the last line, so the parser reports the end of a truncated file where an editor shows it.
     */
    private final class DocumentReader extends Reader {
        private String line;
        private int pos;
        private boolean lineEnd;

        DocumentReader(String first) {
            this.line = first;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = 0;
            while (n < len && line != null) {
                if (lineEnd) {
                    buf[off + n++] = '\n';
                    lineEnd = false;
                } else if (pos < line.length()) {
                    int k = Math.min(len - n, line.length() - pos);
                    line.getChars(pos, pos + k, buf, off + n);
                    pos += k;
                    n += k;
                } else {
                    advance();
                    lineEnd = line != null;
                }
            }
            return n == 0 && len > 0 ? -1 : n;
        }

        private void advance() throws IOException {
            String next = in.readLine();
            if (next == null) {
                line = null;
                return;
            }
            linesRead++;
            if (isDeclaration(next)) {
                pending = next;
                pendingLine = linesRead;
                line = null;
                return;
            }
            line = next;
            pos = 0;
        }

        void drain() {
            try {
                while (line != null) advance();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            // the file is closed by XmlDocuments
        }
    }
}
