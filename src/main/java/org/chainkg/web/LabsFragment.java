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
 * The item card's "labs for this need", {@code /fragment/labs?item=ID&country=C}: the matcher's research
 * organisations for the item and country (as {@code match --item ID --country C}), with their explanations; an HTML
 * fragment that the card loads with htmx.
 */
public final class LabsFragment extends Page {
    private final CurrentMatcher matcher;

    LabsFragment(Tables tables, CurrentMatcher matcher) {
        super(tables);
        this.matcher = matcher;
    }

    public record View(Lang lang, String item, String country, List<MatchResult> results, String note, java.util.Map<String, String> zh) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String item = required(req, "item"), country = tables.country(required(req, "country"));
        Matcher m = matcher.get();
        Matcher.MatchRequest r = Matcher.MatchRequest.item(item, country, 10);
        try {
            List<MatchResult> results = m.match(r);
            Html.page(resp, "labs.jte", new View(lang, item, country, results, m.note(r).orElse(null), OrgNames.ofResults(tables, lang, results)));
        } catch (MatchException e) {
            throw new IllegalArgumentException("item: " + e.getMessage(), e);
        }
    }
}
