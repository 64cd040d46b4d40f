package org.chainkg.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The organisation page, {@code /org?id=ID}: the org-profile query's rows by section: identities across the sources
 * (with match method and confidence), outputs, supplied items, researched items, projects; and its collaborations
 * (the collaborations query for this organisation).
 */
public final class OrganisationPage extends Page {
    OrganisationPage(Tables tables) {
        super(tables);
    }

    public record View(Lang lang, String id, String name, String zh, Map<String, Table> sections, Table all, String switchUrl) {}
    static final String CANONICAL = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?canon WHERE { ?canon a ck:CanonicalOrganisation ; rdfs:label ?l FILTER(STR(?l) = ?name) } LIMIT 1""";

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String id = required(req, "id");
        Table t = tables.named("org-profile", Map.of("org", id));
        if (t.isEmpty()) throw new IllegalArgumentException("id: no organisation has the name or identifier '" + id + "'");
        Map<String, Table> sections = new LinkedHashMap<>();
        for (String s : List.of("identity", "supplies", "researches", "output", "project")) {
            List<Map<String, String>> rows = t.rows().stream().filter(r -> r.get("section").equals(s)).toList();
            if (!rows.isEmpty()) sections.put(s, new Table("org-profile", Map.of("org", id), t.columns(), rows));
        }
        String name = t.rows().get(0).get("organisation");
        String zh = null;
        Table canon = tables.lookup(CANONICAL, Map.of("name", name));
        if (!canon.isEmpty()) {
            String iri = canon.rows().get(0).get("canon");
            if (lang.zh()) zh = OrgNames.zh(tables, List.of(iri)).get(iri);
            Table collaborations = tables.named("collaborations", Map.of("org", iri));
            if (!collaborations.isEmpty()) sections.put("collaborations", collaborations);
        }
        Html.page(resp, "org.jte", new View(lang, id, name, zh, sections, t, lang.switchUrl(req)));
    }
}
