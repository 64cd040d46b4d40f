package org.chainkg.query;

import java.util.List;

import org.apache.jena.query.Query;

/**
 * One page of a query's rows: skip {@code offset} rows of the query's order, then return at most {@code rows}
 * ({@code rows < 0}: all the rest). Applied as SPARQL's OFFSET and LIMIT on a copy of the query, combined with any
 * the query has, so that it means the same on the embedded store and on a remote endpoint. With ORDER BY, ARQ
 * evaluates a small page with a bounded top-N sort instead of sorting every row.
 */
public record Page(long offset, long rows) {
    /** Every row. */
    public static final Page ALL = new Page(0, -1);

    /** The request parameters that select the page (HTTP and CLI); no named query may declare them. */
    public static final List<String> PARAMETERS = List.of("offset", "rows");

    /** Most rows one page may ask for. */
    public static final long MAX_ROWS = 10_000_000L;
    /** Largest offset accepted. */
    public static final long MAX_OFFSET = 1_000_000_000L;

    public Page {
        if (offset < 0 || offset > MAX_OFFSET)
            throw new QueryParameterException("offset must be 0 to " + MAX_OFFSET + " (got " + offset + ")");
        if (rows > MAX_ROWS)
            throw new QueryParameterException("rows must be 0 to " + MAX_ROWS + " (got " + rows + "); page through larger results");
    }

    /** Parses the {@code offset} and {@code rows} request values; null or empty means "from the first" and "all". */
    public static Page parse(String offset, String rows) {
        return new Page(blank(offset) ? 0 : count("offset", offset), blank(rows) ? -1 : count("rows", rows));
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static long count(String name, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) return n; // the upper bounds are the constructor's
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new QueryParameterException(name + " must be a whole number of 0 or more (got '" + value + "')");
    }

    public boolean isAll() { return offset == 0 && rows < 0; }

    /** The next page after this one (same size). */
    public Page next() { return new Page(offset + rows, rows); }

    /** This page with one more row, to tell whether a next page exists. */
    public Page oneMore() { return rows < 0 ? this : new Page(offset, rows + 1); }

    /** A copy of the query restricted to this page, within its own OFFSET/LIMIT if it has them. */
    public Query applyTo(Query query) {
        if (isAll()) return query;
        Query q = query.cloneQuery();
        long baseOffset = query.hasOffset() ? query.getOffset() : 0;
        long limit = rows;
        if (query.hasLimit()) {
            long left = Math.max(0, query.getLimit() - offset);
            limit = limit < 0 ? left : Math.min(limit, left);
        }
        q.setOffset(baseOffset + offset);
        if (limit >= 0) q.setLimit(limit);
        return q;
    }
}
