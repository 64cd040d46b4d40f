package org.chainkg.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Chinese names of canonical organisations, from their source nodes' labels tagged zh (ROR gives some, e.g.
 * 日月光集团 for ASE Group). A page in Chinese shows them, or the source name with a visible fallback marker.
 */
final class OrgNames {
    private OrgNames() {}

    /** For a page in Chinese, the Chinese names of the ranked organisations (nothing for a page in English). */
    static Map<String, String> ofResults(Tables tables, Lang lang, java.util.List<org.chainkg.match.MatchResult> results) {
        return lang.zh() ? zh(tables, results.stream().map(r -> r.candidate().iri.getURI()).toList()) : Map.of();
    }

    /** Canonical organisation IRI -> its Chinese name, for those that have one. */
    static Map<String, String> zh(Tables tables, Collection<String> canonical) {
        Map<String, String> out = new HashMap<>();
        if (canonical.isEmpty()) return out;
        StringBuilder values = new StringBuilder();
        for (String iri : canonical) values.append(NodeFmtLib.strNT(NodeFactory.createURI(iri))).append(' ');
        String q = "PREFIX ck: <https://w3id.org/chainkg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            + "SELECT ?canon (MIN(STR(?l)) AS ?zh) WHERE { VALUES ?canon { " + values + "} ?m ck:canonical ?canon . "
            + "?m rdfs:label|skos:altLabel ?l FILTER(langMatches(lang(?l), \"zh\")) } GROUP BY ?canon";
        for (Map<String, String> r : tables.lookup(q, Map.of()).rows()) out.put(r.get("canon"), r.get("zh"));
        return out;
    }
}
