package org.chainkg.source.ror;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.SourceDataException;

/**
 * Writes one ROR schema v2 record as triples about its ROR IRI:
 * <ul>
 * <li>rdf:type org:Organization, plus ck:University and ck:ResearchOrganisation for type "education",
 *     ck:Laboratory and ck:ResearchOrganisation for "facility", ck:Firm for "company" (other types add nothing);</li>
 * <li>dcterms:identifier the id suffix ("01vxknj13"), ck:ror the record's own IRI (so that every organisation
 *     with a ROR id, from any source, answers {@code ?o ck:ror ?ror});</li>
 * <li>the "ror_display" name as rdfs:label (whitespace collapsed, with its language tag when given) and
 *     ck:sourceName (as printed); "label" and "alias" names as skos:altLabel, "acronym" names as skos:hiddenLabel;</li>
 * <li>ck:country from locations[0]; ck:active (status "active" or not) and ck:registryStatus (the status as given); foaf:homepage the website link;</li>
 * <li>relationships: parent and child as org:subOrganizationOf (either way), related as org:linkedTo,
 *     successor as dcterms:isReplacedBy, predecessor as dcterms:replaces;</li>
 * <li>schema:sameAs the Wikidata entity (the preferred id, else all); GRID, ISNI and FundRef ids are not kept;</li>
 * <li>ck:sourceLine and ck:sourceFile of the record.</li>
 * </ul>
 * "established", "domains", Wikipedia links and the admin block are not kept.
 */
final class RorRecordWriter {
    static final Node ORG_LINKED_TO = NodeFactory.createURI(Vocab.ORG + "linkedTo");
    static final Node SCHEMA_SAME_AS = NodeFactory.createURI(Vocab.SCHEMA + "sameAs");
    static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    private static final Pattern ROR_ID = Pattern.compile("https://ror\\.org/(0[a-z0-9]{6}[0-9]{2})");
    private static final Pattern WIKIDATA_ID = Pattern.compile("Q[1-9][0-9]*");
    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*");
    private static final Set<String> OTHER_TYPES = Set.of("government", "nonprofit", "funder", "healthcare", "archive", "other");
    private final TripleWriter out;

    RorRecordWriter(TripleWriter out) {
        this.out = out;
    }

    /** The record's ROR IRI, checked: "https://ror.org/" and a nine-character id starting with 0. */
    static String recordId(String file, long line, JsonNode record) {
        String id = text(record, "id");
        if (id == null)
            throw new SourceDataException(file, line, "id", "the record has no id (a ROR record's id is its "
                + "https://ror.org/ IRI)" + nameHint(record));
        if (!ROR_ID.matcher(id).matches())
            throw new SourceDataException(file, line, "id", "\"" + id + "\" is not a ROR id (expected https://ror.org/ "
                + "followed by nine characters, e.g. https://ror.org/01vxknj13)");
        return id;
    }

    /** Writes the record whose id {@link #recordId} has checked. */
    void write(String file, long line, Node fileNode, String id, JsonNode r) {
        Errors err = new Errors(file, line, id);
        Node s = NodeFactory.createURI(id);
        out.type(s, types(r, err).toArray(Node[]::new));
        out.text(s, DCTerms.identifier.asNode(), id.substring("https://ror.org/".length()));
        out.add(s, CK.ror, s);
        names(s, r, err);
        status(s, r, err);
        country(s, r, err);
        relationships(s, r, err);
        wikidata(s, r, err);
        for (JsonNode link : array(r, "links", err)) {
            String url = text(link, "value");
            if ("website".equals(text(link, "type")) && isWebIri(url))
                out.add(s, FOAF.homepage.asNode(), NodeFactory.createURI(url));
        }
        out.integer(s, CK.sourceLine, line);
        out.add(s, CK.sourceFile, fileNode);
    }

    private Set<Node> types(JsonNode r, Errors err) {
        Set<Node> classes = new LinkedHashSet<>();
        classes.add(Vocab.orgOrganization);
        JsonNode types = r.get("types");
        if (types == null || !types.isArray())
            throw err.at("types", "is missing (a ROR v2 record lists its types, e.g. [\"education\"])");
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i).asText();
            switch (t) {
                case "education" -> { classes.add(CK.University); classes.add(CK.ResearchOrganisation); }
                case "facility" -> { classes.add(CK.Laboratory); classes.add(CK.ResearchOrganisation); }
                case "company" -> classes.add(CK.Firm);
                default -> {
                    if (!OTHER_TYPES.contains(t))
                        throw err.at("types[" + i + "]", "\"" + t + "\" is not a ROR organisation type (use archive, "
                            + "company, education, facility, funder, government, healthcare, nonprofit or other)");
                }
            }
        }
        return classes;
    }

    private void names(Node s, JsonNode r, Errors err) {
        JsonNode names = r.get("names");
        if (names == null || !names.isArray())
            throw err.at("names", r.has("name")
                ? "is missing: this is a ROR schema v1 record (it has \"name\"); load a schema v2 dump (*_schema_v2.json)"
                : "is missing (a ROR v2 record lists its names, one of them of type ror_display)");
        int display = -1;
        for (int i = 0; i < names.size(); i++) {
            JsonNode n = names.get(i);
            String value = text(n, "value");
            if (value == null || value.isBlank())
                throw err.at("names[" + i + "].value", "is empty but required");
            String lang = text(n, "lang");
            if (lang != null && !LANG.matcher(lang).matches())
                throw err.at("names[" + i + "].lang", "\"" + lang + "\" is not a language code (e.g. en, ja, zh-Hans)");
            JsonNode types = n.get("types");
            if (types == null || !types.isArray() || types.isEmpty())
                throw err.at("names[" + i + "].types", "is missing (use ror_display, label, alias or acronym)");
            Set<String> kinds = new HashSet<>();
            for (int k = 0; k < types.size(); k++) {
                String kind = types.get(k).asText();
                if (!Set.of("ror_display", "label", "alias", "acronym").contains(kind))
                    throw err.at("names[" + i + "].types[" + k + "]", "\"" + kind
                        + "\" is not a ROR name type (use ror_display, label, alias or acronym)");
                kinds.add(kind);
            }
            String clean = value.strip().replaceAll("\\s+", " ");
            if (kinds.contains("ror_display")) {
                if (display >= 0)
                    throw err.at("names[" + i + "].types", "a second ror_display name (names[" + display
                        + "] is one already; a record has exactly one display name)");
                display = i;
                label(s, RDFS.label.asNode(), clean, lang);
                out.text(s, CK.sourceName, value);
            } else if (kinds.contains("acronym")) {
                label(s, SKOS.hiddenLabel.asNode(), clean, lang);
            } else {
                label(s, SKOS.altLabel.asNode(), clean, lang);
            }
        }
        if (display < 0)
            throw err.at("names", "the record " + err.id + " has no name of type ror_display "
                + "(its display name, which becomes its label)");
    }

    private void label(Node s, Node p, String value, String lang) {
        if (lang == null) out.text(s, p, value);
        else out.text(s, p, value, lang);
    }

    private void status(Node s, JsonNode r, Errors err) {
        String status = text(r, "status");
        if (status == null)
            throw err.at("status", "is missing (active, inactive or withdrawn)");
        switch (status) {
            case "active" -> out.bool(s, CK.active, true);
            case "inactive", "withdrawn" -> out.bool(s, CK.active, false);
            default -> throw err.at("status", "\"" + status + "\" is not a ROR status (active, inactive or withdrawn)");
        }
        out.text(s, CK.registryStatus, status);
    }

    private void country(Node s, JsonNode r, Errors err) {
        JsonNode locations = r.get("locations");
        if (locations == null || !locations.isArray() || locations.isEmpty()) return;
        String code = text(locations.get(0).path("geonames_details"), "country_code");
        if (code == null) return;
        String alpha3 = CountryCodes.alpha3(code).orElseThrow(() -> err.at("locations[0].geonames_details.country_code",
            "\"" + code + "\" is not an ISO 3166-1 alpha-2 country code"));
        out.add(s, CK.country, countryNodes().node(alpha3));
    }

    private void relationships(Node s, JsonNode r, Errors err) {
        JsonNode rels = array(r, "relationships", err);
        for (int i = 0; i < rels.size(); i++) {
            JsonNode rel = rels.get(i);
            String id = text(rel, "id");
            if (id == null || !ROR_ID.matcher(id).matches())
                throw err.at("relationships[" + i + "].id", (id == null ? "is missing" : "\"" + id + "\" is not a ROR id")
                    + " (expected https://ror.org/ followed by nine characters)");
            Node o = NodeFactory.createURI(id);
            String type = text(rel, "type");
            if (type == null)
                throw err.at("relationships[" + i + "].type", "is missing (parent, child, related, successor or predecessor)");
            switch (type) {
                case "parent" -> out.add(s, Vocab.orgSubOrganizationOf, o);
                case "child" -> out.add(o, Vocab.orgSubOrganizationOf, s);
                case "related" -> out.add(s, ORG_LINKED_TO, o);
                case "successor" -> out.add(s, DCTerms.isReplacedBy.asNode(), o);
                case "predecessor" -> out.add(s, DCTerms.replaces.asNode(), o);
                default -> throw err.at("relationships[" + i + "].type", "\"" + type
                    + "\" is not a ROR relationship type (use parent, child, related, successor or predecessor)");
            }
        }
    }

    private void wikidata(Node s, JsonNode r, Errors err) {
        JsonNode ids = array(r, "external_ids", err);
        for (int i = 0; i < ids.size(); i++) {
            JsonNode ext = ids.get(i);
            if (!"wikidata".equals(text(ext, "type"))) continue;
            String preferred = text(ext, "preferred");
            if (preferred != null) {
                sameAs(s, preferred, "external_ids[" + i + "].preferred", err);
                continue;
            }
            JsonNode all = ext.path("all");
            for (int k = 0; k < all.size(); k++)
                sameAs(s, all.get(k).asText(), "external_ids[" + i + "].all[" + k + "]", err);
        }
    }

    private void sameAs(Node s, String q, String field, Errors err) {
        if (!WIKIDATA_ID.matcher(q).matches())
            throw err.at(field, "\"" + q + "\" is not a Wikidata item id (e.g. Q297879)");
        out.add(s, SCHEMA_SAME_AS, NodeFactory.createURI(WIKIDATA_ENTITY + q));
    }

    /** An absolute http(s) IRI that RDF can hold; anything else is not written as a homepage. */
    static boolean isWebIri(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) return false;
        try {
            IRIx iri = IRIx.create(url);
            return iri.isAbsolute() && !iri.hasViolations();
        } catch (IRIException e) {
            return false;
        }
    }

    private static JsonNode array(JsonNode r, String field, Errors err) {
        JsonNode a = r.get(field);
        if (a == null || a.isNull()) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (!a.isArray()) throw err.at(field, "must be a JSON array [...]");
        return a;
    }

    /** A text member, or null when absent or JSON null. */
    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static String nameHint(JsonNode record) {
        for (JsonNode n : record.path("names"))
            if (n.path("types").toString().contains("ror_display"))
                return "; its display name is \"" + n.path("value").asText() + "\"";
        return "";
    }

    /** Errors about fields of one record, naming the file, the record's first line and the record. */
    private record Errors(String file, long line, String id) {
        SourceDataException at(String field, String problem) {
            return new SourceDataException(file, line, field, problem);
        }
    }

    private org.chainkg.rdf.CountryNodes countryNodes;

    private org.chainkg.rdf.CountryNodes countryNodes() {
        if (countryNodes == null) countryNodes = new org.chainkg.rdf.CountryNodes(out);
        return countryNodes;
    }

}
