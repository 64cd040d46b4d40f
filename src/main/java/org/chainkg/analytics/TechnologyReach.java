package org.chainkg.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.TripleWriter;

/**
 * Extends the curated CPC-to-item mapping to the narrower CPC groups that research outputs actually carry, so
 * that queries can follow one {@code ck:relevantTo} link. A group is narrower than a mapped one when it lies under
 * it by notation: same subclass and main group, and its subgroup digits extend the mapped subgroup's
 * ("G03F 7/70033" under "G03F 7/70"); every group of a main group lies under "X/00"; every group of a subclass,
 * class or section under that subclass, class or section. CPC subgroup numbers are decimal fractions ordered under
 * their parents, which is what makes the digit rule hold; the CPC dot hierarchy itself is not in the symbols.
 */
public final class TechnologyReach implements Derivation {
    private static final String MAPPED = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?notation ?item WHERE { ?t ck:relevantTo ?item ; skos:notation ?notation }""";
    private static final String USED = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?t ?notation WHERE { ?o ck:cpcInventive|ck:cpcAdditional|ck:technology ?t . ?t skos:notation ?notation }""";

    /** Reads the curated CPC mapping, the CPC groups outputs use, the concordance. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.relevantTo, CK.cpcInventive, CK.cpcAdditional, CK.technology, CK.CpcConcordanceEntry, CK.formerGroup, CK.successorGroup); }

    @Override public String name() { return "technology-reach"; }
    private static final String CONCORDANCE = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?old ?new WHERE { ?e a ck:CpcConcordanceEntry ; ck:formerGroup/skos:notation ?old ; ck:successorGroup/skos:notation ?new }""";

    @Override public String version() { return "1.1.0"; }
    @Override public String description() {
        return "CPC groups carried by research outputs that lie under a curated mapped group (by notation) inherit its "
               + "ck:relevantTo chain items; a pre-2026 group that is, or lies under, a group of the curated CPC concordance "
               + "inherits the items of its successor (the most specific concordance row applies) and is stated "
               + "dcterms:isReplacedBy that successor.";
    }

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        Map<String, List<Node>> mapped = new HashMap<>();
        in.select(MAPPED, b -> mapped.computeIfAbsent(b.get("notation").getLiteralLexicalForm(), k -> new ArrayList<>()).add(b.get("item")));
        Map<String, List<String>> successors = new HashMap<>();
        in.select(CONCORDANCE, b -> successors.computeIfAbsent(b.get("old").getLiteralLexicalForm(), k -> new ArrayList<>())
            .add(b.get("new").getLiteralLexicalForm()));
        long[] n = {0};
        in.select(USED, b -> {
                Node t = b.get("t");
                String notation = b.get("notation").getLiteralLexicalForm();
                java.util.Set<Node> items = new java.util.LinkedHashSet<>();
                for (String parent : parents(notation))
                    if (mapped.containsKey(parent) && under(notation, parent)) items.addAll(mapped.get(parent));
                String former = formerGroup(notation, successors);
                if (former != null)
                    for (String successor : successors.get(former)) {
                        items.addAll(itemsOf(successor, mapped));
                        if (!former.equals(notation))
                            out.add(t, org.apache.jena.vocabulary.DCTerms.isReplacedBy.asNode(), org.chainkg.rdf.CpcSymbols.iri(successor));
                    }
                for (Node item : items) {
                    out.add(t, CK.relevantTo, item);
                    n[0]++;
                }
        });
        return n[0];
    }

    /** The most specific concordance group that is {@code notation} or lies above it, or null. */
    static String formerGroup(String notation, Map<String, List<String>> successors) {
        if (successors.containsKey(notation)) return notation;
        String best = null;
        for (String parent : parents(notation))
            if (successors.containsKey(parent) && under(notation, parent) && (best == null || parent.length() > best.length()))
                best = parent;
        return best;
    }

    /** The chain items of a mapped group: its own and those of the mapped groups it lies under. */
    static java.util.Set<Node> itemsOf(String group, Map<String, List<Node>> mapped) {
        java.util.Set<Node> items = new java.util.LinkedHashSet<>(mapped.getOrDefault(group, List.of()));
        for (String parent : parents(group))
            if (mapped.containsKey(parent) && under(group, parent)) items.addAll(mapped.get(parent));
        return items;
    }

    /**
     * Every notation that {@link #under} could accept as a parent of {@code group}, each once: the prefixes of its
     * part before "/" (section, class, subclass, main group), and with the same main group, "00" and the proper
     * prefixes of its subgroup digits. Looking these up replaces a scan of every mapped group per used group.
     */
    static java.util.Set<String> parents(String group) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        int gs = group.indexOf('/');
        int head = gs < 0 ? group.length() : gs;
        for (int k = 1; k <= head; k++) out.add(group.substring(0, k));
        if (gs >= 0) {
            String main = group.substring(0, gs + 1), digits = group.substring(gs + 1);
            out.add(main + "00");
            for (int k = 0; k < digits.length(); k++) out.add(main + digits.substring(0, k));
        }
        out.remove(group);
        return out;
    }

    /** True when CPC notation {@code group} lies strictly under {@code parent} by the notation rules above. */
    public static boolean under(String group, String parent) {
        if (group.equals(parent)) return false;
        int ps = parent.indexOf('/');
        if (ps < 0) return group.startsWith(parent);           // section, class or subclass
        int gs = group.indexOf('/');
        if (gs < 0 || !group.substring(0, gs).equals(parent.substring(0, ps))) return false;
        String pd = parent.substring(ps + 1), gd = group.substring(gs + 1);
        if (pd.equals("00")) return true;                        // main group X/00
        return gd.length() > pd.length() && gd.startsWith(pd);
    }
}
