package org.chainkg.query;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Why a named query's answer is empty: its header's "Empty:" query ({@link NamedQuery#emptyNote}), run with the same
 * parameters when a first page has no rows. The command line prints the note on standard error, the server sends it
 * in the {@value #HEADER} response header, so an empty table always comes with its reason (e.g. "no rows: the loaded
 * data has 0 research organisations of JPN").
 */
public final class EmptyAnswer {
    /** HTTP response header holding the note (ASCII; other characters are written as '?'). */
    public static final String HEADER = "Chainkg-Note";

    private EmptyAnswer() {}

    /** Counts the rows that pass through, for {@link #note}. */
    public static RowSet counting(RowSet rows, AtomicLong count) {
        return new RowSet() {
            @Override public boolean hasNext() { return rows.hasNext(); }
            @Override public Binding next() { count.incrementAndGet(); return rows.next(); }
            @Override public List<org.apache.jena.sparql.core.Var> getResultVars() { return rows.getResultVars(); }
            @Override public long getRowNumber() { return rows.getRowNumber(); }
            @Override public void close() { rows.close(); }
        };
    }

    /** The note for an answer of {@code rows} rows from {@code offset}, or empty when it is not an empty first page. */
    public static Optional<String> note(QueryRunner runner, NamedQuery q, Binding parameters, long offset, long rows) {
        if (rows > 0 || offset > 0 || q.emptyNote().isEmpty()) return Optional.empty();
        String[] note = new String[1];
        runner.select(q.emptyNote().get(), parameters, rs -> {
            if (rs.hasNext()) {
                var n = rs.next().get("note");
                if (n != null && n.isLiteral()) note[0] = n.getLiteralLexicalForm();
            }
        });
        return Optional.ofNullable(note[0]);
    }

    /** The note as an HTTP header value: ASCII only. */
    public static String headerValue(String note) {
        StringBuilder b = new StringBuilder();
        note.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }
}
