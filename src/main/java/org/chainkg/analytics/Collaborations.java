package org.chainkg.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;

/**
 * Materialises the collaborations table: one {@code ck:Collaboration} per (research organisation, firm, kind) of
 * canonical organisations that co-own a patent (both assignees or applicants: "co-assignment"), co-author a
 * publication (both authors' institutions: "co-authorship") or take part in the same research project
 * ("co-participation"); definitions of the collaborations query. An organisation typed both ways counts on either
 * side and is never paired with itself. Each record links the shared patents, publications or projects
 * ({@code ck:sharedWork}), counts them and lists their identifiers, sorted. Only works with a dcterms:identifier count,
 * as in the query. Reads the sources and graph derived/identity, so it runs after {@link OrganisationResolver}.
 */
public final class Collaborations implements Derivation, InEngine {
    /** The parties of every patent, publication and project, as canonical organisations, one row per party. */
    private static final String PARTIES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?thing ?kind ?canon WHERE {
          { ?thing ck:assignee|ck:applicant ?a . BIND("co-assignment" AS ?kind) }
          UNION { ?thing ck:affiliation ?a . BIND("co-authorship" AS ?kind) }
          UNION { ?thing ck:participant ?a . BIND("co-participation" AS ?kind) }
          ?a ck:canonical ?canon .
        }""";
    private static final String TYPES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        SELECT ?canon ?type WHERE { VALUES ?type { ck:ResearchOrganisation ck:Firm } ?canon a ?type }""";
    private static final String IDS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?thing ?id WHERE {
          { ?thing ck:assignee|ck:applicant|ck:affiliation|ck:participant ?a } ?thing dcterms:identifier ?id }""";

    /** Reads the parties of outputs and projects, identity. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.assignee, CK.applicant, CK.affiliation, CK.participant, CK.canonical, CK.ResearchOrganisation, CK.Firm); }

    @Override public String name() { return "collaborations"; }
    @Override public String version() { return "1.0.0"; }
    @Override public String description() {
        return "One ck:Collaboration per research organisation, firm and kind (co-assignment, co-authorship, co-participation): "
               + "the patents, publications or projects they share, their number and identifiers.";
    }

    private record Key(Node research, Node firm, String kind) {}

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Set<Node> research = new HashSet<>(), firms = new HashSet<>();
        in.select(TYPES, b -> (b.get("type").equals(CK.ResearchOrganisation) ? research : firms).add(b.get("canon")));
        Map<Node, Set<String>> ids = new HashMap<>();
        in.select(IDS, b -> ids.computeIfAbsent(b.get("thing"), k -> new TreeSet<>()).add(b.get("id").getLiteralLexicalForm()));

        // The canonical parties of each (work, kind).
        Map<Node, Map<String, Set<Node>>> parties = new HashMap<>();
        in.select(PARTIES, b -> {
            if (!ids.containsKey(b.get("thing"))) return;
            parties.computeIfAbsent(b.get("thing"), k -> new TreeMap<>())
                   .computeIfAbsent(b.get("kind").getLiteralLexicalForm(), k -> new LinkedHashSet<>()).add(b.get("canon"));
        });
        Map<Key, List<Node>> shared = new HashMap<>();
        parties.forEach((thing, byKind) -> byKind.forEach((kind, orgs) -> {
            for (Node r : orgs) {
                if (!research.contains(r)) continue;
                for (Node f : orgs)
                    if (!f.equals(r) && firms.contains(f)) shared.computeIfAbsent(new Key(r, f, kind), k -> new ArrayList<>()).add(thing);
            }
        }));
        for (Map.Entry<Key, List<Node>> e : shared.entrySet()) {
            Key k = e.getKey();
            Node c = Iris.derived("collaboration", k.research().getURI(), k.firm().getURI(), k.kind());
            out.type(c, CK.Collaboration);
            out.add(c, CK.researchPartner, k.research());
            out.add(c, CK.firmPartner, k.firm());
            out.text(c, CK.collaborationKind, k.kind());
            Set<String> workIds = new TreeSet<>();
            for (Node thing : e.getValue()) {
                out.add(c, CK.sharedWork, thing);
                workIds.addAll(ids.get(thing));
            }
            out.integer(c, CK.sharedCount, e.getValue().size());
            out.text(c, CK.sharedIdentifiers, String.join(" ", workIds));
        }
        return shared.size();
    }

    /** The pairs: a research organisation ?r and a firm ?f, canonical parties of the same kind of a work with an identifier. */
    private static final String PAIRS = """
          { ?thing ck:assignee|ck:applicant ?a1 . ?thing ck:assignee|ck:applicant ?a2 . BIND("co-assignment" AS ?kind) }
          UNION { ?thing ck:affiliation ?a1 . ?thing ck:affiliation ?a2 . BIND("co-authorship" AS ?kind) }
          UNION { ?thing ck:participant ?a1 . ?thing ck:participant ?a2 . BIND("co-participation" AS ?kind) }
          ?a1 ck:canonical ?r . ?a2 ck:canonical ?f . ?r a ck:ResearchOrganisation . ?f a ck:Firm .
          FILTER(?r != ?f)
          FILTER EXISTS { ?thing dcterms:identifier ?anyId }
        """;
    private static final String RECORD = Iris.derivedSparql("collaboration", "CONCAT(STR(?r), \" \", STR(?f), \" \", ?kind)", "c");

    /** The same records as SPARQL 1.1 Update operations (identifiers distinct, joined by " " in ORDER BY order). */
    @Override
    public List<String> inserts(String graph, String dataset) {
        return List.of(
            InEngine.insert(graph, dataset, """
                ?c a ck:Collaboration ; ck:researchPartner ?r ; ck:firmPartner ?f ; ck:collaborationKind ?kind ; ck:sharedCount ?count .""",
                "{ SELECT ?r ?f ?kind (COUNT(DISTINCT ?thing) AS ?works) WHERE {\n" + PAIRS + "} GROUP BY ?r ?f ?kind }\n" + RECORD
                + "BIND(xsd:integer(?works) AS ?count)"),
            InEngine.insert(graph, dataset, "?c ck:sharedWork ?thing .",
                "{ SELECT DISTINCT ?r ?f ?kind ?thing WHERE {\n" + PAIRS + "} }\n" + RECORD),
            InEngine.insert(graph, dataset, "?c ck:sharedIdentifiers ?ids .",
                "{ SELECT ?r ?f ?kind (GROUP_CONCAT(?id; separator=\" \") AS ?ids) WHERE {\n"
                + "  { SELECT DISTINCT ?r ?f ?kind ?id WHERE {\n" + PAIRS + " ?thing dcterms:identifier ?idValue BIND(STR(?idValue) AS ?id) } ORDER BY ?r ?f ?kind ?id }\n"
                + "} GROUP BY ?r ?f ?kind }\n" + RECORD));
    }
}
