package org.chainkg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chainkg.query.ResultFormat;

/** Result-format negotiation and plain-text errors shared by chainkg's own HTTP endpoints (/q/NAME, /match). */
final class HttpResults {

    /** {@code ?format=csv|tsv|json} first, then the Accept header (the first of CSV, TSV, JSON named); JSON by default. */
    static ResultFormat negotiate(HttpServletRequest req) {
        String f = req.getParameter("format");
        if (f != null)
            return f.equalsIgnoreCase("csv") ? ResultFormat.CSV : f.equalsIgnoreCase("tsv") ? ResultFormat.TSV : ResultFormat.JSON;
        String accept = req.getHeader("Accept");
        if (accept != null) {
            int csv = accept.indexOf("text/csv"), tsv = accept.indexOf("text/tab-separated-values");
            int json = Math.max(accept.indexOf("application/sparql-results+json"), accept.indexOf("application/json"));
            if (csv >= 0 && (json < 0 || csv < json) && (tsv < 0 || csv < tsv)) return ResultFormat.CSV;
            if (tsv >= 0 && (json < 0 || tsv < json)) return ResultFormat.TSV;
        }
        return ResultFormat.JSON;
    }

    static String contentType(ResultFormat format) {
        return switch (format) {
            case CSV -> "text/csv; charset=utf-8";
            case TSV -> "text/tab-separated-values; charset=utf-8";
            default -> "application/sparql-results+json; charset=utf-8";
        };
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResults() {}
}
