package org.chainkg.source.epo;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;

/**
 * Applicants and inventors of an OPS document. OPS lists each party twice: in the {@code epodoc} form
 * ("FANG HOWARD L\u2002[US]", upper case, the residence country after an EN SPACE) and in the {@code original}
 * form as filed ("FANG HOWARD L, "). Applicants that are organisations become {@code org:Organization} nodes
 * named by the original form (else the epodoc form) with the country of the epodoc form; an applicant whose name
 * is also an inventor's is a natural person and is not recorded (ck:applicant holds organisations only).
 */
final class OpsParties {
    /** "NAME [CC]" after white space (EN SPACE included) is collapsed. */
    private static final Pattern EPODOC = Pattern.compile("^(.*?)\\s*\\[([A-Z]{2})\\]$");

    private final TripleWriter out;

    OpsParties(TripleWriter out) {
        this.out = out;
    }

    /** One party: its entries in both forms, matched by their sequence attribute. */
    private static final class Party {
        OpsElement original;
        OpsElement epodoc;

        OpsElement preferred() { return original != null ? original : epodoc; }
    }

    void write(Node patent, OpsElement parties) {
        if (parties == null) return;
        Map<String, Party> inventors = group(parties.child("inventors"), "inventor");
        Set<String> personNames = new HashSet<>();
        for (Party p : inventors.values()) {
            if (p.original != null) personNames.add(key(name(p.original, "inventor")));
            if (p.epodoc != null) {
                Matcher m = EPODOC.matcher(name(p.epodoc, "inventor"));
                personNames.add(key(m.matches() ? m.group(1) : name(p.epodoc, "inventor")));
                if (m.matches()) country(m.group(2)).ifPresent(c -> out.add(patent, CK.inventorCountry, c));
            }
        }
        for (Party p : group(parties.child("applicants"), "applicant").values()) {
            String original = p.original == null ? "" : clean(name(p.original, "applicant"));
            String epodoc = p.epodoc == null ? "" : name(p.epodoc, "applicant");
            String countryCode = "";
            Matcher m = EPODOC.matcher(epodoc);
            if (m.matches()) {
                epodoc = m.group(1);
                countryCode = m.group(2);
            }
            epodoc = clean(epodoc);
            if (isPerson(personNames, original) || isPerson(personNames, epodoc))
                continue;   // also an inventor: a natural person, not an organisation
            String label = original.isEmpty() ? epodoc : original;
            if (label.isEmpty()) continue;
            Node org = Iris.instance("epo", "applicant", Iris.slug(label + " " + countryCode));
            out.type(org, Vocab.orgOrganization);
            out.text(org, RDFS.label.asNode(), label);
            if (p.original != null) out.text(org, CK.sourceName, rawName(p.original, "applicant"));
            if (p.epodoc != null) out.text(org, CK.sourceName, rawName(p.epodoc, "applicant"));
            if (!epodoc.isEmpty() && !epodoc.equals(label)) out.text(org, SKOS.altLabel.asNode(), epodoc);
            if (!countryCode.isEmpty()) country(countryCode).ifPresent(c -> out.add(org, CK.country, c));
            out.integer(org, CK.sourceLine, p.preferred().line());
            out.add(patent, CK.applicant, org);
        }
    }

    private static boolean isPerson(Set<String> inventorNames, String name) {
        String k = key(name);
        return !k.isEmpty() && inventorNames.contains(k);
    }

    /** Entries of one list grouped by sequence (entries without a sequence stand alone), in document order. */
    private static Map<String, Party> group(OpsElement list, String element) {
        Map<String, Party> parties = new LinkedHashMap<>();
        if (list == null) return parties;
        List<OpsElement> entries = list.children(element);
        for (int i = 0; i < entries.size(); i++) {
            OpsElement e = entries.get(i);
            String seq = e.hasAttr("sequence") ? e.attr("sequence") : "#" + i;
            Party p = parties.computeIfAbsent(seq, s -> new Party());
            if (e.attr("data-format").equals("original")) {
                if (p.original == null) p.original = e;
            } else if (p.epodoc == null) {
                p.epodoc = e;
            }
        }
        return parties;
    }

    /** The collapsed name of an applicant or inventor entry ("" when it has none). */
    private static String name(OpsElement entry, String kind) {
        OpsElement n = entry.find(kind + "-name", "name");
        return n == null ? "" : n.text();
    }

    private static String rawName(OpsElement entry, String kind) {
        OpsElement n = entry.find(kind + "-name", "name");
        return n == null ? "" : n.rawText();
    }

    /** Original-form names end with ", " before the next party: drop that trailing punctuation. */
    static String clean(String name) {
        return OpsElement.collapse(name).replaceAll("[\\s,;]+$", "");
    }

    /** Comparison key for "is this applicant also an inventor": upper case, punctuation folded. */
    private static String key(String name) {
        return clean(name).toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /**
     * The country node of a two-letter code; empty for codes with no current ISO alpha-3 (historical codes such
     * as SU or DD in old records): the raw name with the code is still kept as ck:sourceName.
     */
    private Optional<Node> country(String alpha2) {
        return CountryCodes.alpha3(alpha2).map(a3 -> countryNodes().node(a3));
    }

    private org.chainkg.rdf.CountryNodes countryNodes;

    private org.chainkg.rdf.CountryNodes countryNodes() {
        if (countryNodes == null) countryNodes = new org.chainkg.rdf.CountryNodes(out);
        return countryNodes;
    }

}
