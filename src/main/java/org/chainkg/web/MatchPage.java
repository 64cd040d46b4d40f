package org.chainkg.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chainkg.match.CurrentMatcher;
import org.chainkg.match.MatchException;
import org.chainkg.match.MatchResult;
import org.chainkg.match.Matcher;

/**
 * The match page, {@code /match?lab=ID | firm=ID | item=ID&country=C [&kind=research|firm|all]}: lab -> firms,
 * firm -> labs, item + country -> organisations, as {@code chainkg match} ranks them, with every feature of the score
 * and the explanations. Without a parameter: the three forms.
 */
public final class MatchPage extends Page {
    private final CurrentMatcher matcher;

    MatchPage(Tables tables, CurrentMatcher matcher) {
        super(tables);
        this.matcher = matcher;
    }

    public record View(Lang lang, String mode, String id, String country, String kind, List<MatchResult> results, String note,
                       java.util.Map<String, String> zh, String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String lab = req.getParameter("lab"), firm = req.getParameter("firm"), item = req.getParameter("item");
        String country = req.getParameter("country") == null || req.getParameter("country").isBlank() ? null
            : req.getParameter("country").trim().toUpperCase(java.util.Locale.ROOT);
        String kind = req.getParameter("kind") == null || req.getParameter("kind").isBlank() ? "research" : req.getParameter("kind").trim();
        matchKind(kind);
        if (country != null) country = tables.country(country);
        int given = (lab != null && !lab.isBlank() ? 1 : 0) + (firm != null && !firm.isBlank() ? 1 : 0) + (item != null && !item.isBlank() ? 1 : 0);
        if (given == 0) {
            Html.page(resp, "match.jte", new View(lang, null, null, country, kind, List.of(), null, java.util.Map.of(), lang.switchUrl(req)));
            return;
        }
        if (given > 1) throw new IllegalArgumentException("lab, firm, item: give exactly one of them");
        Matcher m = matcher.get();
        Matcher.MatchRequest r;
        String mode;
        if (lab != null && !lab.isBlank()) { r = Matcher.MatchRequest.lab(lab.trim(), country, 20, false); mode = "lab"; }
        else if (firm != null && !firm.isBlank()) { r = Matcher.MatchRequest.firm(firm.trim(), country, 20, false); mode = "firm"; }
        else {
            if (country == null) throw new IllegalArgumentException("country: an item match needs the country of interest (e.g. USA)");
            r = Matcher.MatchRequest.item(item.trim(), country, 20, matchKind(kind));
            mode = "item";
        }
        try {
            List<MatchResult> results = m.match(r);
            Html.page(resp, "match.jte", new View(lang, mode, r.id(), country, kind, results, m.note(r).orElse(null),
                                                  OrgNames.ofResults(tables, lang, results), lang.switchUrl(req)));
        } catch (MatchException e) {
            throw new IllegalArgumentException(mode + ": " + e.getMessage(), e);
        }
    }

    private static Matcher.Candidates matchKind(String kind) {
        try {
            return Matcher.Candidates.of(kind);
        } catch (MatchException e) {
            throw new IllegalArgumentException("kind: " + e.getMessage(), e);
        }
    }
}
