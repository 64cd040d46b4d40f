package org.chainkg.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chainkg.match.MatchException;
import org.chainkg.match.MatchResult;
import org.chainkg.match.MatchTable;
import org.chainkg.match.Matcher;
import org.chainkg.query.ResultFormat;

/**
 * {@code GET /chainkg/match?lab=ID | firm=ID | item=ID&country=C [&k=20] [&new-only=true]}: the matches of
 * {@code chainkg match} as SPARQL 1.1 JSON results (default), CSV ({@code Accept: text/csv} or {@code format=csv}) or
 * TSV. The matcher (profiles and text index) is built on the first request and rebuilt when the store's loads or
 * derivations change (their PROV records). Unknown identifier or bad parameter: 400.
 */
final class MatchServlet extends HttpServlet {
    private final transient org.chainkg.match.CurrentMatcher current;

    MatchServlet(org.chainkg.match.CurrentMatcher current) {
        this.current = current;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher.MatchRequest request;
        ResultFormat format;
        try {
            HttpResults.requireSingleValues(req);
            request = request(req);
            format = HttpResults.negotiate(req);
        } catch (MatchException | IllegalArgumentException e) {
            HttpResults.error(resp, 400, e.getMessage());
            return;
        } catch (HttpResults.NotAcceptableException e) {
            HttpResults.error(resp, 406, e.getMessage());
            return;
        }
        List<MatchResult> results;
        String note;
        try {
            Matcher m = matcher();
            results = m.match(request);
            note = m.note(request).orElse(null);
        } catch (MatchException e) {
            HttpResults.error(resp, 400, e.getMessage());
            return;
        }
        resp.setStatus(200);
        resp.setContentType(HttpResults.contentType(format));
        if (note != null) resp.setHeader(org.chainkg.query.EmptyAnswer.HEADER, org.chainkg.query.EmptyAnswer.headerValue(note));
        OutputStream out = resp.getOutputStream();
        format.write(MatchTable.rows(results), out);
        out.flush();
    }

    static Matcher.MatchRequest request(HttpServletRequest req) {
        List<String> given = new ArrayList<>();
        for (String p : List.of("lab", "firm", "item")) if (req.getParameter(p) != null) given.add(p);
        if (given.size() != 1)
            throw new MatchException("give exactly one of lab=ID, firm=ID or item=ID (got " + (given.isEmpty() ? "none" : given) + ")");
        for (String p : req.getParameterMap().keySet())
            if (!List.of("lab", "firm", "item", "country", "k", "kind", "new-only", "new_only", "format").contains(p))
                throw new MatchException("unknown parameter '" + p + "' (known: lab, firm, item, country, k, kind, new-only, format)");
        String kind = req.getParameter("kind");
        if (kind != null && !given.get(0).equals("item"))
            throw new MatchException("kind applies to item=ID (research, firm or all)");
        String country = req.getParameter("country");
        int k;
        try {
            k = req.getParameter("k") == null ? 20 : Integer.parseInt(req.getParameter("k").trim());
        } catch (NumberFormatException e) {
            throw new MatchException("k must be a whole number, e.g. 20 (got '" + req.getParameter("k") + "')");
        }
        String n = req.getParameter("new-only") != null ? req.getParameter("new-only") : req.getParameter("new_only");
        boolean newOnly = n != null && (n.isEmpty() || n.equalsIgnoreCase("true") || n.equals("1"));
        return switch (given.get(0)) {
            case "lab" -> Matcher.MatchRequest.lab(req.getParameter("lab"), country, k, newOnly);
            case "firm" -> Matcher.MatchRequest.firm(req.getParameter("firm"), country, k, newOnly);
            default -> Matcher.MatchRequest.item(req.getParameter("item"), country, k,
                                                 kind == null ? Matcher.Candidates.RESEARCH : Matcher.Candidates.of(kind.trim()));
        };
    }

    private Matcher matcher() {
        return current.get();
    }


}
