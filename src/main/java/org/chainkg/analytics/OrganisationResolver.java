package org.chainkg.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;

/**
 * Resolves the organisation nodes of all sources to canonical organisations ({@code ck:CanonicalOrganisation}):
 * <ol>
 * <li>shared identifiers (ROR, CORDIS PIC, Wikidata): confidence 1.0. VAT numbers are not used: in CORDIS, distinct
 * legal entities (different PICs) share a VAT group number, and placeholders such as "NA" are common;</li>
 * <li>equal normalised names ({@link NameNormaliser}) with agreeing countries: 0.9 (0.7 when one side has no
 * country);</li>
 * <li>Lucene fuzzy candidates with agreeing countries whose names agree word by word
 * ({@link FuzzyNameIndex#agree}): 0.8 × the names' normalised Levenshtein similarity.</li>
 * </ol>
 * Clusters holding different ROR records are joined only by a shared identifier, never by a name ({@link Clusters}).
 * Every organisation gets a canonical entity (a singleton when nothing matches); each source node points to it with
 * {@code ck:canonical}, and a {@code ck:IdentityLink} records the method and confidence.
 */
public final class OrganisationResolver implements Derivation {
    static final String VERSION = "1.2.0";

    private static final String ORGS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX schema: <https://schema.org/>
        SELECT ?o ?kind ?value WHERE {
          ?o a org:Organization . FILTER NOT EXISTS { ?o a ck:CanonicalOrganisation }
          { ?o rdfs:label ?value BIND("label" AS ?kind) }
          UNION { ?o skos:altLabel ?value BIND("name" AS ?kind) }
          UNION { ?o ck:sourceName ?value BIND("name" AS ?kind) }
          UNION { ?o skos:hiddenLabel ?value FILTER(STRSTARTS(STR(?o), "https://ror.org/")) BIND("acronym" AS ?kind) }
          UNION { ?o ck:country/skos:notation ?value BIND("country" AS ?kind) }
          UNION { ?o ck:ror ?value BIND("ror" AS ?kind) }
          UNION { ?o ck:registryStatus "withdrawn" BIND("withdrawn" AS ?kind) BIND(true AS ?value) }
          UNION { ?o a org:Organization BIND(?o AS ?value) FILTER(STRSTARTS(STR(?o), "https://ror.org/")) BIND("ror" AS ?kind) }
          UNION { ?o ck:pic ?value BIND("pic" AS ?kind) }
          UNION { ?o ck:curatedKey ?value BIND("key" AS ?kind) }
          UNION { ?o ck:vatNumber ?value BIND("vat" AS ?kind) }
          UNION { ?o schema:sameAs ?value FILTER(STRSTARTS(STR(?value), "http://www.wikidata.org/entity/")) BIND("wikidata" AS ?kind) }
          UNION { ?o a ?value FILTER(?value IN (ck:Firm, ck:ResearchOrganisation, ck:University, ck:ResearchInstitute, ck:Laboratory)) BIND("type" AS ?kind) }
        }""";

    /** Reads organisations: every fact its query reads is about an org:Organization, written in the graph that types it. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(Vocab.orgOrganization); }

    @Override public String name() { return "identity"; }
    @Override public String version() { return VERSION; }
    @Override public String description() {
        return "Organisation identity: source organisation nodes resolved to canonical organisations by shared "
               + "identifiers, then normalised names with agreeing countries, then Lucene fuzzy name candidates.";
    }

    /** One source organisation node and what is known about it. */
    static final class Org {
        final Node node;
        final List<String> labels = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        /** A ROR record's acronyms (ROR name type "acronym"): matched only in step 2b. */
        final List<String> acronyms = new ArrayList<>();
        final List<String> countries = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final List<Node> types = new ArrayList<>();
        /** A withdrawn ROR record: its id still identifies, but does not keep it apart from other ROR records. */
        boolean withdrawn;
        Org(Node node) { this.node = node; }

        List<String> allNames() {
            List<String> all = new ArrayList<>(labels);
            all.addAll(names);
            return all;
        }
        String country() { return countries.isEmpty() ? null : countries.get(0); }
    }

    /** Collects every source organisation node with its names, country, identifiers and types. */
    static Map<Node, Org> collect(DatasetGraph dsg) {
        return collect(StoreReader.of(dsg));
    }

    static Map<Node, Org> collect(StoreReader in) {
        Map<Node, Org> orgs = new LinkedHashMap<>();
        {
            in.select(ORGS, b -> {
                Org o = orgs.computeIfAbsent(b.get("o"), Org::new);
                Node v = b.get("value");
                if (v == null) return;
                switch (b.get("kind").getLiteralLexicalForm()) {
                    case "label" -> o.labels.add(v.getLiteralLexicalForm());
                    case "name" -> o.names.add(v.getLiteralLexicalForm());
                    case "acronym" -> o.acronyms.add(v.getLiteralLexicalForm());
                    case "country" -> { if (!o.countries.contains(v.getLiteralLexicalForm())) o.countries.add(v.getLiteralLexicalForm()); }
                    case "ror" -> o.ids.add("ror:" + v.getURI().substring(v.getURI().lastIndexOf('/') + 1));
                    case "pic" -> o.ids.add("pic:" + v.getLiteralLexicalForm().trim());
                    case "key" -> o.ids.add("key:" + v.getLiteralLexicalForm().trim());
                    case "vat" -> { }
                    case "withdrawn" -> o.withdrawn = true;
                    case "wikidata" -> o.ids.add("wd:" + v.getURI().substring(v.getURI().lastIndexOf('/') + 1));
                    case "type" -> { if (!o.types.contains(v)) o.types.add(v); }
                    default -> { }
                }
            });
        }
        return orgs;
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<Node, Org> orgs = collect(in);
        Clusters clusters = resolve(orgs);
        long n = 0;
        for (List<Org> members : clusters.groups(orgs)) {
            Node canon = canonicalIri(members);
            writeCanonical(out, canon, members);
            for (Org m : members) {
                Clusters.Link link = clusters.link(m.node);
                out.add(m.node, CK.canonical, canon);
                Node l = Iris.derived("identity-link", m.node.getURI());
                out.type(l, CK.IdentityLink);
                out.add(l, CK.sourceNode, m.node);
                out.add(l, CK.canonicalOrganisation, canon);
                out.text(l, CK.matchMethod, link.method());
                out.decimal(l, CK.confidence, link.confidence());
                n++;
            }
        }
        return n;
    }

    /** Runs the three resolution steps and returns the clusters (package-private for tests and evaluation). */
    static Clusters resolve(Map<Node, Org> orgs) {
        Clusters c = new Clusters(orgs.keySet(), n -> {
            Org o = orgs.get(n);
            List<String> keys = new ArrayList<>(o.withdrawn ? List.of() : o.ids.stream().filter(i -> i.startsWith("ror:")).toList());
            for (String cc : o.countries) keys.add("country:" + cc);
            return keys;
        });
        // 1. shared identifiers
        Map<String, Org> byId = new HashMap<>();
        for (Org o : orgs.values())
            for (String id : o.ids) {
                Org first = byId.putIfAbsent(id, o);
                if (first != null) c.union(first.node, o.node, "identifier:" + id.substring(0, id.indexOf(':')), BigDecimal.ONE);
            }
        // 2. normalised names with agreeing countries
        Map<String, List<Org>> byName = new TreeMap<>();
        for (Org o : orgs.values())
            for (String name : o.allNames()) {
                String norm = NameNormaliser.normalise(name);
                if (norm.length() >= 3 && !byName.getOrDefault(norm, List.of()).contains(o))
                    byName.computeIfAbsent(norm, k -> new ArrayList<>()).add(o);
            }
        // 2b. a ROR record's acronym equal to the whole name of another source's organisation of the same country
        // (ETO lists AMD, ASE; ROR gives them as acronyms of Advanced Micro Devices (United States), ASE Group (Taiwan)).
        for (Org r : orgs.values())
            for (String acronym : r.acronyms) {
                String norm = NameNormaliser.normalise(acronym);
                if (norm.length() < 3 || r.country() == null) continue;
                for (Org o : byName.getOrDefault(norm, List.of()))
                    if (o != r && !o.node.getURI().startsWith("https://ror.org/") && r.country().equals(o.country()))
                        c.union(r.node, o.node, "acronym+country", new BigDecimal("0.8"));
            }
        // Names with a country on both sides first; then names without a country on one side, each joined to the
        // largest cluster it names first: a countryless name matching organisations of two countries joins one of them
        // only (the cannot-link rule of Clusters refuses the second).
        List<Org[]> countryless = new ArrayList<>();
        for (List<Org> same : byName.values())
            for (int i = 1; i < same.size(); i++)
                for (int j = 0; j < i; j++) {
                    Org a = same.get(j), b = same.get(i);
                    if (a.country() != null && b.country() != null) {
                        if (a.country().equals(b.country())) c.union(a.node, b.node, "name+country", new BigDecimal("0.9"));
                    } else {
                        countryless.add(new Org[] {a, b});
                    }
                }
        // (sizes as after step 2's country-agreeing names; the sort is stable: ties keep the name order)
        countryless.sort(Comparator.comparingInt((Org[] p) -> -Math.max(c.size(p[0].node), c.size(p[1].node))));
        for (Org[] p : countryless) c.union(p[0].node, p[1].node, "name", new BigDecimal("0.7"));
        // 3. fuzzy name candidates from Lucene, confirmed word by word (Levenshtein) and by country
        try (FuzzyNameIndex index = new FuzzyNameIndex(orgs.values())) {
            // Candidates are searched in parallel, then joined in the organisations' order (same clusters and links
            // as one thread).
            List<Org> all = new ArrayList<>(orgs.values());
            List<List<FuzzyNameIndex.Match>> found = all.parallelStream().map(index::candidates).toList();
            for (int i = 0; i < all.size(); i++) {
                Org o = all.get(i);
                for (FuzzyNameIndex.Match m : found.get(i))
                    c.union(o.node, m.other().node, "fuzzy-name", m.similarity().multiply(new BigDecimal("0.8"))
                                                                    .setScale(2, java.math.RoundingMode.HALF_UP));
            }
        }
        return c;
    }

    /** ror-ID, else pic-ID, else name-country: stable across runs for the same members. */
    static Node canonicalIri(List<Org> members) {
        String best = null;
        // The id of an active ROR record before that of a withdrawn one (KLA (United States), not its withdrawn duplicate).
        best = members.stream().filter(m -> !m.withdrawn).flatMap(m -> m.ids.stream()).filter(i -> i.startsWith("ror:")).sorted().findFirst().orElse(null);
        if (best != null) return Iris.instance("org", best.replace(':', '-'));
        for (String prefix : List.of("ror:", "pic:", "wd:", "key:")) {
            best = members.stream().flatMap(m -> m.ids.stream()).filter(i -> i.startsWith(prefix)).sorted().findFirst().orElse(null);
            if (best != null) return Iris.instance("org", best.replace(':', '-'));
        }
        Org main = members.stream().min(Comparator.comparing(OrganisationResolver::priority).thenComparing(m -> m.node.getURI())).orElseThrow();
        String name = main.labels.isEmpty() ? main.node.getURI() : NameNormaliser.normalise(main.labels.get(0));
        return Iris.instance("org", Iris.slug(name + (main.country() == null ? "" : " " + main.country())));
    }

    /** Which source's name and country the canonical entity shows: ROR, OpenAlex, a withdrawn ROR record, ETO, CORDIS, then patents. */
    static int priority(Org o) {
        String u = o.node.getURI();
        if (u.startsWith("https://ror.org/")) return o.withdrawn ? 2 : 0;
        if (u.startsWith("https://openalex.org/")) return 1;
        if (u.startsWith(Iris.ID + "eto/")) return 3;
        if (u.startsWith(Iris.ID + "cordis/")) return 4;
        return 5;
    }

    private static void writeCanonical(TripleWriter out, Node canon, List<Org> members) {
        out.type(canon, CK.CanonicalOrganisation, Vocab.orgOrganization);
        List<Org> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparing(OrganisationResolver::priority).thenComparing(m -> m.node.getURI()));
        String label = ordered.stream().flatMap(m -> m.labels.stream()).findFirst().orElse(null);
        if (label != null) out.text(canon, RDFS.label.asNode(), label);
        ordered.stream().map(Org::country).filter(java.util.Objects::nonNull).findFirst()
               .ifPresent(c -> out.add(canon, CK.country, Iris.country(c)));
        for (Org m : ordered) {
            for (Node t : m.types) out.add(canon, org.apache.jena.vocabulary.RDF.Nodes.type, t);
            for (String l : m.labels) if (!l.equals(label)) out.text(canon, org.apache.jena.vocabulary.SKOS.altLabel.asNode(), l);
        }
    }
}
