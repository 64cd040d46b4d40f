package org.chainkg.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The country page's "changes since the last release", {@code /fragment/changes?country=C[&dataset=KEY]}: the
 * release-changes query's rows for the country (default dataset: the ETO chain), as an HTML fragment that the page
 * loads with htmx, so that the page itself does not wait for the comparison of two releases.
 */
public final class ChangesFragment extends Page {
    ChangesFragment(Tables tables) {
        super(tables);
    }

    public record View(Lang lang, String country, Table table, String note) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String country = tables.country(required(req, "country"));
        String dataset = req.getParameter("dataset");
        Map<String, String> params = dataset == null || dataset.isBlank()
            ? Map.of("country", country) : Map.of("country", country, "dataset", dataset.trim());
        Table t = tables.named("release-changes", params);
        Html.page(resp, "changes.jte", new View(lang, country, t, t.isEmpty() ? tables.emptyNote("release-changes", params) : null));
    }
}
