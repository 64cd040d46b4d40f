package org.chainkg.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;

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
    /** One chain item: id, name, description, its technology codes and its country shares (NaN: listed, no figure). */
    public static final class Item {
        public final Node iri;
        public final String id;
        public final String label;
        public final String description;
        final Map<String, Double> codes = new HashMap<>();
        final Map<String, Double> broadCodes = new HashMap<>();
        final Map<String, Double> shares = new HashMap<>();
        /** Titles of the technology codes mapped to the item (curated CPC mapping, concordance), sorted. */
        final Set<String> codeTitles = new java.util.TreeSet<>();

        /** The item match's text query: name, description and the titles of its technology codes. */
        public String queryText() {
            return label + "\n" + description + "\n" + String.join("\n", codeTitles);
        }

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
        return read(dsg, Set.of());
    }

    /**
     * The profiles as if the {@code hidden} outputs (patents, papers) were not in the store: they give no organisation
     * codes, text, partners or item links (held-out evaluation, {@link ItemMatchingEvaluation}).
     */
    public static OrganisationProfiles read(DatasetGraph dsg, Set<Node> hidden) {
        OrganisationProfiles p = new OrganisationProfiles();
        Txn.executeRead(dsg, () -> p.load(dsg, hidden));
        return p;
    }

    /**
     * Reads by predicate, straight from the quad indexes (a fact repeated in several graphs is seen several times,
     * which sets and first-wins maps absorb): much faster than SPARQL with OPTIONALs over the union graph.
     */
    private void load(DatasetGraph dsg, Set<Node> hidden) {
        Map<Node, String> notations = new HashMap<>();
        for (Node c : subjects(dsg, RDF.type.asNode(), CK.CanonicalOrganisation)) {
            Profile p = profiles.computeIfAbsent(c, Profile::new);
            p.label = literal(dsg, c, RDFS.label.asNode());
            Node country = object(dsg, c, CK.country);
            if (country != null) p.country = notation(dsg, country, notations);
        }
        for (Node c : subjects(dsg, RDF.type.asNode(), CK.Firm)) { Profile p = profiles.get(c); if (p != null) p.firm = true; }
        for (Node c : subjects(dsg, RDF.type.asNode(), CK.ResearchOrganisation)) { Profile p = profiles.get(c); if (p != null) p.research = true; }
        for (Profile p : profiles.values()) index(p, p.iri.getURI());
        for (Profile p : profiles.values()) index(p, p.key());
        Map<Node, Profile> canonical = new HashMap<>();
        forEach(dsg, null, CK.canonical, null, q -> {
            Profile p = profiles.get(q.getObject());
            if (p == null || canonical.putIfAbsent(q.getSubject(), p) != null) return;
            Node m = q.getSubject();
            index(p, m.getURI());
            for (Node pred : List.of(DCTerms.identifier.asNode(), CK.pic, CK.ror))
                forEach(dsg, m, pred, null, id -> {
                    Node v = id.getObject();
                    if (v.isLiteral()) index(p, v.getLiteralLexicalForm().trim());
                    else if (v.isURI()) {
                        index(p, v.getURI());
                        index(p, v.getURI().substring(v.getURI().lastIndexOf('/') + 1));
                    }
                });
        });
        Set<Node> outputs = new HashSet<>();
        for (Node pred : List.of(CK.participant, CK.assignee, CK.applicant, CK.affiliation))
            forEach(dsg, null, pred, null, q -> {
                Profile p = canonical.get(q.getObject());
                if (p == null) return;
                Node t = q.getSubject();
                if (hidden.contains(t)) return;
                members.computeIfAbsent(t, k -> new HashSet<>()).add(p);
                if (p.things.add(t) && pred.equals(CK.participant)) p.projects++;
                if (!pred.equals(CK.participant)) outputs.add(t);
            });
        for (Set<Profile> group : members.values())
            for (Profile a : group)
                for (Profile b : group)
                    if (a != b) a.partners.add(b);
        Map<Node, Set<Node>> technologies = new HashMap<>();   // thing -> technology concepts
        for (Node pred : List.of(CK.technology, CK.cpcInventive, CK.cpcAdditional, CK.topic))
            forEach(dsg, null, pred, null, q -> {
                if (members.containsKey(q.getSubject()))
                    technologies.computeIfAbsent(q.getSubject(), k -> new HashSet<>()).add(q.getObject());
            });
        Map<Node, String[]> concepts = new HashMap<>();        // concept -> {code, broad code, label}
        technologies.forEach((t, xs) -> {
            for (Node x : xs) {
                String[] c = concepts.computeIfAbsent(x, k -> concept(dsg, k, notations));
                if (c[0] == null) continue;
                for (Profile p : members.get(t)) {
                    p.codes.merge(c[0], 1.0, Double::sum);
                    if (c[1] != null) p.broadCodes.merge(c[1], 1.0, Double::sum);
                    // CPC concepts are labelled "CPC H01L 21/027": a notation, not words.
                    if (c[2] != null && !c[2].equals("CPC " + c[0])) p.text.add(c[2]);
                }
            }
        });
        for (Node o : outputs)
            for (Node pred : List.of(DCTerms.title.asNode(), DCTerms.abstract_.asNode()))
                forEach(dsg, o, pred, null, q -> {
                    if (q.getObject().isLiteral())
                        for (Profile p : members.get(o)) p.text.add(q.getObject().getLiteralLexicalForm());
                });
        for (Node el : subjects(dsg, RDF.type.asNode(), CK.ChainElement)) {
            String id = literal(dsg, el, DCTerms.identifier.asNode());
            if (id == null) continue;
            String label = englishLiteral(dsg, el, RDFS.label.asNode());
            String description = englishLiteral(dsg, el, DCTerms.description.asNode());
            Item it = new Item(el, id, label == null ? id : label, description == null ? "" : description);
            items.put(el, it);
            itemsById.putIfAbsent(id, it);
        }
        Map<Node, Set<Node>> relevant = new HashMap<>();       // concept -> items
        forEach(dsg, null, CK.relevantTo, null, q -> {
            Item it = items.get(q.getObject());
            if (it == null) return;
            relevant.computeIfAbsent(q.getSubject(), k -> new HashSet<>()).add(it.iri);
            String[] c = concepts.computeIfAbsent(q.getSubject(), k -> concept(dsg, k, notations));
            if (c[0] != null) it.codes.put(c[0], 1.0);
            if (c[1] != null) it.broadCodes.put(c[1], 1.0);
            if (c[2] != null && !c[2].equals("CPC " + c[0])) it.codeTitles.add(c[2]);
        });
        // thing -> item -> the evidence of the link ("G03F 7/70775", or "text link"), first found kept
        Map<Node, Map<Node, String>> bears = new HashMap<>();
        technologies.forEach((t, xs) -> {
            for (Node x : xs) {
                String code = concepts.computeIfAbsent(x, k -> concept(dsg, k, notations))[0];
                for (Node el : relevant.getOrDefault(x, Set.of()))
                    bears.computeIfAbsent(t, k -> new HashMap<>()).putIfAbsent(el, code == null ? "technology code" : code);
            }
        });
        forEach(dsg, null, CK.linkedOutput, null, q -> {
            if (!members.containsKey(q.getObject())) return;
            Node el = object(dsg, q.getSubject(), CK.linkedItem);
            if (el != null && items.containsKey(el)) bears.computeIfAbsent(q.getObject(), k -> new HashMap<>()).putIfAbsent(el, "text link");
        });
        bears.forEach((t, els) -> {
            String id = literal(dsg, t, DCTerms.identifier.asNode());
            for (Profile p : members.get(t))
                for (Map.Entry<Node, String> el : els.entrySet()) {
                    p.researched.merge(el.getKey(), 1, Integer::sum);
                    p.evidence.computeIfAbsent(el.getKey(), k -> new java.util.TreeSet<>())
                              .add((id == null ? t.getURI() : id) + " (" + el.getValue() + ")");
                }
        });
        Set<Node> seenProvisions = new HashSet<>();
        forEach(dsg, null, CK.provider, null, q -> {
            Node pv = q.getSubject();
            if (!seenProvisions.add(pv)) return;
            Item it = items.get(object(dsg, pv, CK.item));
            if (it == null) return;
            Node share = object(dsg, pv, CK.sharePercent);
            double value = share == null ? Double.NaN : Double.parseDouble(share.getLiteralLexicalForm());
            Node provider = q.getObject();
            Profile p = canonical.get(provider);
            if (p != null && (Double.isNaN(value) || value > 0) && p.supplied.add(it.iri)) {
                p.text.add(it.label);
                if (!it.description.isEmpty()) p.text.add(it.description);
            }
            if (dsg.contains(Node.ANY, provider, RDF.type.asNode(), CK.Country)) {
                String code = notation(dsg, provider, notations);
                if (code != null) it.shares.merge(code, value, (x, y) -> x.isNaN() ? y : x);
            }
        });
        Map<Node, Set<Node>> inputs = new HashMap<>();
        forEach(dsg, null, CK.feedsInto, null, q -> inputs.computeIfAbsent(q.getObject(), k -> new HashSet<>()).add(q.getSubject()));
        for (Profile p : profiles.values())
            for (Node s : p.supplied)
                for (Node in : inputs.getOrDefault(s, Set.of()))
                    if (items.containsKey(in) && !p.supplied.contains(in)) p.used.add(in);
    }

    /** {code, broad code, English label} of a technology concept; broad from skos:broader, else {@link #broader}. */
    private static String[] concept(DatasetGraph dsg, Node x, Map<Node, String> notations) {
        String code = literal(dsg, x, SKOS.notation.asNode());
        if (code == null) return new String[3];
        Node b = object(dsg, x, SKOS.broader.asNode());
        String broad = b == null ? null : literal(dsg, b, SKOS.notation.asNode());
        return new String[] {code, broad != null ? broad : broader(code), englishLiteral(dsg, x, SKOS.prefLabel.asNode())};
    }

    private static String notation(DatasetGraph dsg, Node country, Map<Node, String> cache) {
        return cache.computeIfAbsent(country, c -> {
            String n = literal(dsg, c, SKOS.notation.asNode());
            return n != null ? n : c.getURI().substring(c.getURI().lastIndexOf('/') + 1);
        });
    }

    private static void forEach(DatasetGraph dsg, Node s, Node p, Node o, Consumer<Quad> action) {
        Iterator<Quad> it = dsg.find(Node.ANY, s == null ? Node.ANY : s, p, o == null ? Node.ANY : o);
        try {
            it.forEachRemaining(action);
        } finally {
            Iter.close(it);
        }
    }

    private static Set<Node> subjects(DatasetGraph dsg, Node p, Node o) {
        Set<Node> out = new java.util.LinkedHashSet<>();
        forEach(dsg, null, p, o, q -> out.add(q.getSubject()));
        return out;
    }

    private static Node object(DatasetGraph dsg, Node s, Node p) {
        if (s == null) return null;
        Node[] out = new Node[1];
        forEach(dsg, s, p, null, q -> { if (out[0] == null) out[0] = q.getObject(); });
        return out[0];
    }

    private static String literal(DatasetGraph dsg, Node s, Node p) {
        Node o = object(dsg, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    /** An English or language-less literal, the smallest when there are several (stable across runs). */
    private static String englishLiteral(DatasetGraph dsg, Node s, Node p) {
        String[] out = new String[1];
        forEach(dsg, s, p, null, q -> {
            Node o = q.getObject();
            if (!o.isLiteral() || !(o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equals("en"))) return;
            String v = o.getLiteralLexicalForm();
            if (out[0] == null || v.compareTo(out[0]) < 0) out[0] = v;
        });
        return out[0];
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
