package org.chainkg.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * What matching knows about every canonical organisation, read from the store once (in one read transaction):
 * its kind (research organisation, firm, both), country, the projects and outputs it takes part in or holds, their
 * technology codes and text, the chain items they bear on, the chain items it supplies and uses, and each chain
 * item's country shares. Organisations are canonical ({@code ck:CanonicalOrganisation}): every source node is
 * reached through {@code ck:canonical}.
 * <pre>
 * OrganisationProfiles p = OrganisationProfiles.read(store.dataset());
 * Profile lab = p.resolve("999901318");     // canonical IRI, its key (pic-999901318) or a source identifier
 * </pre>
 */
public final class OrganisationProfiles {
    private static final String PREFIXES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        """;
    private static final String ORGS = PREFIXES + """
        SELECT ?c ?label ?cc ?type WHERE {
          ?c a ck:CanonicalOrganisation .
          OPTIONAL { ?c rdfs:label ?label }
          OPTIONAL { ?c ck:country/skos:notation ?cc }
          OPTIONAL { ?c a ?type FILTER(?type IN (ck:Firm, ck:ResearchOrganisation)) }
        }""";
    private static final String IDS = PREFIXES + """
        SELECT ?m ?c ?id WHERE { ?m ck:canonical ?c . OPTIONAL { ?m dcterms:identifier|ck:pic|ck:ror ?id } }""";
    private static final String THINGS = PREFIXES + """
        SELECT DISTINCT ?t ?c ?kind WHERE {
          { ?t ck:participant ?m BIND("project" AS ?kind) }
          UNION { ?t ck:assignee|ck:applicant ?m BIND("patent" AS ?kind) }
          UNION { ?t ck:affiliation ?m BIND("publication" AS ?kind) }
          ?m ck:canonical ?c .
        }""";
    private static final String TECHNOLOGIES = PREFIXES + """
        SELECT DISTINCT ?t ?code ?broad ?label WHERE {
          ?t ck:technology|ck:cpcInventive|ck:cpcAdditional|ck:topic ?x .
          ?x skos:notation ?code .
          OPTIONAL { ?x skos:broader/skos:notation ?broad }
          OPTIONAL { ?x skos:prefLabel ?label FILTER(lang(?label) = "en" || lang(?label) = "") }
        }""";
    private static final String TEXTS = PREFIXES + """
        SELECT DISTINCT ?t ?text WHERE {
          ?t dcterms:title|dcterms:abstract ?text .
          FILTER EXISTS { ?t ck:participant|ck:assignee|ck:applicant|ck:affiliation ?m }
        }""";
    private static final String BEARS = PREFIXES + """
        SELECT DISTINCT ?t ?el WHERE {
          { ?t ck:technology|ck:cpcInventive|ck:cpcAdditional|ck:topic ?x . ?x ck:relevantTo ?el }
          UNION { ?l ck:linkedOutput ?t ; ck:linkedItem ?el }
        }""";
    private static final String ITEMS = PREFIXES + """
        SELECT ?el ?id (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?description) WHERE {
          ?el a ck:ChainItem ; dcterms:identifier ?id .
          OPTIONAL { ?el rdfs:label ?l FILTER(lang(?l) = "en" || lang(?l) = "") }
          OPTIONAL { ?el dcterms:description ?d }
        } GROUP BY ?el ?id""";
    private static final String ITEM_CODES = PREFIXES + """
        SELECT DISTINCT ?el ?code ?broad WHERE {
          ?x ck:relevantTo ?el ; skos:notation ?code . OPTIONAL { ?x skos:broader/skos:notation ?broad }
        }""";
    private static final String SUPPLY = PREFIXES + """
        SELECT DISTINCT ?c ?el WHERE {
          ?p ck:provider ?m ; ck:item ?el . ?m ck:canonical ?c .
          OPTIONAL { ?p ck:sharePercent ?s } FILTER(!BOUND(?s) || ?s > 0)
        }""";
    private static final String FEEDS = PREFIXES + "SELECT ?a ?b WHERE { ?a ck:feedsInto ?b }";
    private static final String SHARES = PREFIXES + """
        SELECT ?el ?code ?share WHERE {
          ?p ck:item ?el ; ck:provider ?k . ?k a ck:Country ; skos:notation ?code .
          OPTIONAL { ?p ck:sharePercent ?share }
        }""";

    /** One chain item: id, name, description, its technology codes and its country shares (NaN: listed, no figure). */
    public static final class Item {
        public final Node iri;
        public final String id;
        public final String label;
        public final String description;
        final Map<String, Double> codes = new HashMap<>();
        final Map<String, Double> broadCodes = new HashMap<>();
        final Map<String, Double> shares = new HashMap<>();

        Item(Node iri, String id, String label, String description) {
            this.iri = iri;
            this.id = id;
            this.label = label;
            this.description = description;
        }

        /** held, negligible or absent for a country, by the foundation definitions with threshold {@code home}. */
        public String status(String country, double home) {
            Double s = shares.get(country);
            if (s == null) return "absent";
            return !s.isNaN() && s >= home ? "held" : "negligible";
        }
    }

    private final Map<Node, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, List<Profile>> byIdentifier = new HashMap<>();
    private final Map<Node, Item> items = new LinkedHashMap<>();
    private final Map<String, Item> itemsById = new HashMap<>();
    /** Project or output -> the canonical organisations taking part in it or holding it. */
    private final Map<Node, Set<Profile>> members = new HashMap<>();

    private OrganisationProfiles() {}

    public static OrganisationProfiles read(DatasetGraph dsg) {
        OrganisationProfiles p = new OrganisationProfiles();
        Txn.executeRead(dsg, () -> p.load(dsg));
        return p;
    }

    private void load(DatasetGraph dsg) {
        select(dsg, ORGS, b -> {
            Profile p = profiles.computeIfAbsent(b.get("c"), Profile::new);
            if (b.contains("label") && p.label == null) p.label = b.get("label").getLiteralLexicalForm();
            if (b.contains("cc") && p.country == null) p.country = b.get("cc").getLiteralLexicalForm();
            if (b.contains("type")) {
                String t = b.get("type").getURI();
                if (t.endsWith("#Firm")) p.firm = true;
                else p.research = true;
            }
        });
        for (Profile p : profiles.values()) index(p, p.iri.getURI());
        for (Profile p : profiles.values()) index(p, p.key());
        select(dsg, IDS, b -> {
            Profile p = profiles.get(b.get("c"));
            if (p == null) return;
            index(p, b.get("m").getURI());
            Node id = b.get("id");
            if (id == null) return;
            if (id.isLiteral()) index(p, id.getLiteralLexicalForm().trim());
            else if (id.isURI()) {
                index(p, id.getURI());
                index(p, id.getURI().substring(id.getURI().lastIndexOf('/') + 1));
            }
        });
        Map<Node, String> kinds = new HashMap<>();
        select(dsg, THINGS, b -> {
            Profile p = profiles.get(b.get("c"));
            if (p == null) return;
            Node t = b.get("t");
            String kind = b.get("kind").getLiteralLexicalForm();
            kinds.put(t, kind);
            members.computeIfAbsent(t, k -> new HashSet<>()).add(p);
            if (p.things.add(t) && kind.equals("project")) p.projects++;
        });
        for (Set<Profile> group : members.values())
            for (Profile a : group)
                for (Profile b : group)
                    if (a != b) a.partners.add(b);
        select(dsg, TECHNOLOGIES, b -> {
            Set<Profile> holders = members.get(b.get("t"));
            if (holders == null) return;
            String code = b.get("code").getLiteralLexicalForm();
            String broad = b.contains("broad") ? b.get("broad").getLiteralLexicalForm() : broader(code);
            for (Profile p : holders) {
                p.codes.merge(code, 1.0, Double::sum);
                if (broad != null) p.broadCodes.merge(broad, 1.0, Double::sum);
                // CPC concepts are labelled "CPC H01L 21/027": a notation, not words.
                if (b.contains("label") && !b.get("label").getLiteralLexicalForm().equals("CPC " + code))
                    p.text.add(b.get("label").getLiteralLexicalForm());
            }
        });
        select(dsg, TEXTS, b -> {
            Set<Profile> holders = members.get(b.get("t"));
            if (holders != null)
                for (Profile p : holders) p.text.add(b.get("text").getLiteralLexicalForm());
        });
        select(dsg, ITEMS, b -> {
            Item it = new Item(b.get("el"), b.get("id").getLiteralLexicalForm(),
                b.contains("label") ? b.get("label").getLiteralLexicalForm() : b.get("id").getLiteralLexicalForm(),
                b.contains("description") ? b.get("description").getLiteralLexicalForm() : "");
            items.put(it.iri, it);
            itemsById.putIfAbsent(it.id, it);
        });
        select(dsg, BEARS, b -> {
            Set<Profile> holders = members.get(b.get("t"));
            if (holders == null || !items.containsKey(b.get("el"))) return;
            for (Profile p : holders) p.researched.merge(b.get("el"), 1, Integer::sum);
        });
        select(dsg, ITEM_CODES, b -> {
            Item it = items.get(b.get("el"));
            if (it == null) return;
            String code = b.get("code").getLiteralLexicalForm();
            it.codes.put(code, 1.0);
            String broad = b.contains("broad") ? b.get("broad").getLiteralLexicalForm() : broader(code);
            if (broad != null) it.broadCodes.put(broad, 1.0);
        });
        select(dsg, SUPPLY, b -> {
            Profile p = profiles.get(b.get("c"));
            Item it = items.get(b.get("el"));
            if (p == null || it == null) return;
            p.supplied.add(it.iri);
            p.text.add(it.label);
            if (!it.description.isEmpty()) p.text.add(it.description);
        });
        Map<Node, List<Node>> inputs = new HashMap<>();
        select(dsg, FEEDS, b -> inputs.computeIfAbsent(b.get("b"), k -> new ArrayList<>()).add(b.get("a")));
        for (Profile p : profiles.values())
            for (Node s : p.supplied)
                for (Node in : inputs.getOrDefault(s, List.of()))
                    if (items.containsKey(in) && !p.supplied.contains(in)) p.used.add(in);
        select(dsg, SHARES, b -> {
            Item it = items.get(b.get("el"));
            if (it == null) return;
            double share = b.contains("share") ? Double.parseDouble(b.get("share").getLiteralLexicalForm()) : Double.NaN;
            it.shares.merge(b.get("code").getLiteralLexicalForm(), share, (x, y) -> x.isNaN() ? y : x);
        });
    }

    /**
     * The coarser code of a technology code that has no {@code skos:broader} in the store: a CORDIS call topic
     * "MSCA-ITN-2018" belongs to the call "MSCA-ITN" (its first two dash-separated parts); other codes have none.
     */
    static String broader(String code) {
        String[] parts = code.split("-");
        return parts.length >= 3 ? parts[0] + "-" + parts[1] : null;
    }

    private void index(Profile p, String id) {
        List<Profile> list = byIdentifier.computeIfAbsent(id, k -> new ArrayList<>(1));
        if (!list.contains(p)) list.add(p);
    }

    private static void select(DatasetGraph dsg, String query, Consumer<Binding> row) {
        try (QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(query)).build()) {
            q.select().forEachRemaining(row);
        }
    }

    /**
     * The organisation named by a canonical IRI, its key ({@code pic-999901318}), or a source identifier (CORDIS
     * organisation id, ROR id or IRI, ETO provider id, a source node's IRI).
     * @throws MatchException when nothing or more than one organisation has that identifier
     */
    public Profile resolve(String id) {
        List<Profile> found = byIdentifier.getOrDefault(id.trim(), List.of());
        if (found.isEmpty())
            throw new MatchException("no organisation has the identifier '" + id + "' (give a canonical organisation IRI, "
                + "its key such as pic-999901318, or a source identifier such as a CORDIS organisation id or ROR id)");
        if (found.size() > 1)
            throw new MatchException("identifier '" + id + "' names " + found.size() + " organisations: "
                + found.stream().map(Profile::key).toList() + "; give one of these keys");
        return found.get(0);
    }

    /** The organisation with this identifier, or null. */
    public Profile find(String id) {
        List<Profile> found = byIdentifier.getOrDefault(id.trim(), List.of());
        return found.size() == 1 ? found.get(0) : null;
    }

    public Item item(String id) {
        Item it = itemsById.get(id);
        if (it == null) {
            for (Item i : items.values()) if (i.iri.getURI().equals(id)) return i;
            throw new MatchException("no chain item has the id '" + id + "' (ids as in the source data, e.g. N20)");
        }
        return it;
    }

    public Item item(Node iri) { return items.get(iri); }

    public Collection<Profile> all() { return profiles.values(); }

    public List<Profile> firms() { return profiles.values().stream().filter(p -> p.firm).toList(); }

    public List<Profile> researchOrganisations() { return profiles.values().stream().filter(p -> p.research).toList(); }

    /** The organisations taking part in or holding a project or output. */
    Set<Profile> members(Node thing) { return members.getOrDefault(thing, Set.of()); }
}
