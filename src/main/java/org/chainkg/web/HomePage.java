package org.chainkg.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The start page, {@code /}: the loaded chains, a country to look at, and the other ways in (queries, SPARQL). */
public final class HomePage extends Page {
    static final String COUNTRIES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?code WHERE { ?pv ck:provider ?c . ?c a ck:Country ; skos:notation ?code } ORDER BY ?code""";

    HomePage(Tables tables) {
        super(tables);
    }

    public record View(Lang lang, List<String[]> chains, List<String> countries, String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String path = req.getRequestURI();
        if (!path.equals("/") && !path.isEmpty()) {
            Html.error(resp, lang, 404, "no page at " + path);
            return;
        }
        List<String[]> chains = tables.lookup(ChainMapPage.CHAINS, Map.of()).rows().stream()
            .map(r -> new String[] {r.get("chain"), r.get("label")}).toList();
        List<String> countries = tables.lookup(COUNTRIES, Map.of()).rows().stream().map(r -> r.get("code")).toList();
        Html.page(resp, "home.jte", new View(lang, chains, countries, lang.switchUrl(req)));
    }
}
