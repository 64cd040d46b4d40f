package org.chainkg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.chainkg.query.QueryParameterException;
import org.chainkg.query.ResultFormat;

/** Result-format negotiation and plain-text errors shared by chainkg's own HTTP endpoints (/q/NAME, /match). */
final class HttpResults {
    /** What the server offers, in its order of preference (JSON first for a client that accepts anything). */
    private static final AcceptList OFFERS = AcceptList.create("application/sparql-results+json", "application/json",
        "text/csv", "text/tab-separated-values", "application/sparql-results+xml", "application/xml", "text/xml");
    private static final Map<String, ResultFormat> BY_TYPE = Map.of(
        "application/sparql-results+json", ResultFormat.JSON, "application/json", ResultFormat.JSON,
        "text/csv", ResultFormat.CSV, "text/tab-separated-values", ResultFormat.TSV,
        "application/sparql-results+xml", ResultFormat.XML, "application/xml", ResultFormat.XML, "text/xml", ResultFormat.XML);

    /** The client asked for a format the server does not write (HTTP 406). */
    static final class NotAcceptableException extends RuntimeException {
        NotAcceptableException(String message) { super(message); }
    }

    /**
     * {@code ?format=json|csv|tsv|tsv-plain|xml} first (anything else: {@link QueryParameterException}, a 400), then the
     * Accept header by its media ranges and q-values (nothing offered matches: {@link NotAcceptableException}, a 406);
     * JSON when neither is given. {@code tsv} is the SPARQL 1.1 TSV results format (RDF term syntax);
     * {@code tsv-plain} has plain values, for spreadsheets.
     */
    static ResultFormat negotiate(HttpServletRequest req) {
        String f = req.getParameter("format");
        if (f != null) {
            if (f.equalsIgnoreCase("table"))
                throw new QueryParameterException("parameter format: \"table\" is for the command line; over HTTP use json, csv, tsv, tsv-plain or xml");
            try {
                return ResultFormat.parse(f);
            } catch (IllegalArgumentException e) {
                throw new QueryParameterException("parameter format: \"" + f + "\" is not one of json, csv, tsv, tsv-plain, xml");
            }
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return ResultFormat.JSON;
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), OFFERS);
        } catch (RuntimeException e) {
            throw new NotAcceptableException("the Accept header does not parse: " + accept);
        }
        if (chosen == null)
            throw new NotAcceptableException("no result format matches Accept: " + accept + " (offered: " + OFFERS
                                             + "; or ?format=json|csv|tsv|tsv-plain|xml)");
        return BY_TYPE.getOrDefault(chosen.getContentTypeStr(), ResultFormat.JSON);
    }

    /** Refuses a request that gives a parameter more than once (no "last one wins"). */
    static void requireSingleValues(HttpServletRequest req) {
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 1)
                throw new QueryParameterException("parameter " + k + " is given " + v.length + " times; give it once");
        });
    }

    /** An in-memory result of at most {@code limit} bytes: the status is only sent once the whole result is known. */
    static final class BoundedBuffer extends java.io.ByteArrayOutputStream {
        private final long limit;

        BoundedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > limit) throw new ResultTooLargeException(limit);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1L > limit) throw new ResultTooLargeException(limit);
            super.write(b);
        }
    }

    /** The result would be larger than the server's limit. */
    static final class ResultTooLargeException extends RuntimeException {
        ResultTooLargeException(long limit) {
            super("the result is larger than this server's limit of " + (limit >> 20) + " MB; ask for one page at a time with "
                  + "rows=N&offset=M (a Link rel=\"next\" header leads to the next page)");
        }
    }

    static String contentType(ResultFormat format) {
        return switch (format) {
            case CSV -> "text/csv; charset=utf-8";
            case TSV, TSV_PLAIN -> "text/tab-separated-values; charset=utf-8";
            case XML -> "application/sparql-results+xml; charset=utf-8";
            default -> "application/sparql-results+json; charset=utf-8";
        };
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResults() {}
}
