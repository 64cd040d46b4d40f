package org.chainkg.source.openalex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.SourceDataException;

/**
 * The nodes that OpenAlex records share — institutions, topics with their subfield/field/domain, countries —
 * and the checked reading of JSON values, with errors that name the file, the record's line and the JSON path.
 */
final class OpenAlexNodes {
    static final String OPENALEX = "https://openalex.org/";
    static final Node TOPIC_SCHEME = Iris.instance("openalex-topics");
    private static final Pattern ID = Pattern.compile("^(?:https?://openalex\\.org/)?([A-Za-z])(\\d+)$");
    private static final Pattern ROR = Pattern.compile("^(?:https?://ror\\.org/)?(0[a-z0-9]{6}\\d{2})$");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TripleWriter out;
    private final Set<Node> written = new HashSet<>();
    private String file;
    private Node fileNode;
    private long line;

    OpenAlexNodes(TripleWriter out) {
        this.out = out;
    }

    TripleWriter out() { return out; }

    /** The file being read: its name for errors, its SHA-256 for ck:sourceFile (the load's file node). */
    void file(String name, String sha256) {
        this.file = name;
        this.fileNode = Iris.instance("file", sha256);
    }

    /** The record being read starts at this line. */
    void at(long line) {
        this.line = line;
    }

    /** Where the record of a main node is: its line and file. */
    void source(Node main) {
        out.integer(main, CK.sourceLine, line);
        out.add(main, CK.sourceFile, fileNode);
    }

    SourceDataException error(String field, String problem) {
        return new SourceDataException(file, line, field, problem);
    }

    /** ".name", or "[\"odd key\"]" when the key is not a plain word (JSON path step). */
    static String key(String name) {
        return SIMPLE_KEY.matcher(name).matches() ? "." + name : "[\"" + name.replace("\"", "\\\"") + "\"]";
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + key(field);
    }

    // ---- checked JSON values ----

    /** A string field ("" when absent or null); a number is taken as its text; an object or list is an error. */
    String text(JsonNode obj, String field, String path) {
        JsonNode v = obj == null ? null : obj.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isValueNode()) throw error(path(path, field), "expected a text value, found " + (v.isArray() ? "a list" : "an object"));
        return v.asText();
    }

    /** The elements of a list field (none when absent or null). */
    List<JsonNode> list(JsonNode obj, String field, String path) {
        JsonNode v = obj == null ? null : obj.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (v == null || v.isNull()) return items;
        if (!v.isArray()) throw error(path(path, field), "expected a list, found " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        v.forEach(items::add);
        return items;
    }

    /** The short OpenAlex id ("W2741809807") of an id field, checked against the kinds allowed here. */
    String id(JsonNode obj, String field, String path, String kinds) {
        String raw = text(obj, field, path);
        if (raw.isEmpty())
            throw error(path(path, field), "the object has no \"" + field + "\" (every OpenAlex record has one, e.g. "
                                           + "\"https://openalex.org/W2741809807\")");
        return id(raw, path(path, field), kinds);
    }

    String id(String raw, String field, String kinds) {
        Matcher m = ID.matcher(raw.trim());
        if (!m.matches())
            throw error(field, "\"" + raw + "\" is not an OpenAlex id (e.g. https://openalex.org/I27837315)");
        String kind = m.group(1).toUpperCase(Locale.ROOT);
        if (!kinds.contains(kind))
            throw error(field, "\"" + raw + "\" is an OpenAlex " + kindName(kind) + " id; expected " + kindNames(kinds));
        return kind + m.group(2);
    }

    static Node iri(String shortId) {
        return NodeFactory.createURI(OPENALEX + shortId);
    }

    private static String kindName(String k) {
        return switch (k) {
            case "W" -> "work"; case "I" -> "institution"; case "T" -> "topic"; case "A" -> "author";
            case "S" -> "source"; case "P" -> "publisher"; case "F" -> "funder"; case "C" -> "concept";
            default -> "\"" + k + "\"";
        };
    }

    private static String kindNames(String kinds) {
        List<String> names = new ArrayList<>();
        for (char k : kinds.toCharArray()) {
            String name = kindName(String.valueOf(k));
            names.add((name.startsWith("i") ? "an " : "a ") + name + " (" + k + "...)");
        }
        return String.join(" or ", names);
    }

    // ---- institutions ----

    /**
     * An institution as OpenAlex embeds it (in authorships, associated_institutions) or as a record: identity,
     * name, ROR, country and type. The common part is written once per load.
     * <p>
     * OpenAlex's institution {@code type} is unreliable: many universities are typed "funder" (University of
     * Michigan, Université de Montréal). So only education (university), facility (laboratory) and company
     * (firm) add a chainkg class; every other type — funder, government, healthcare, nonprofit, archive, other —
     * gives a plain org:Organization and leaves the kind to other sources (ROR, CORDIS).
     */
    Node institution(JsonNode inst, String path) {
        String id = id(inst, "id", path, "I");
        Node org = iri(id);
        if (!written.add(org)) return org;
        out.type(org, Vocab.orgOrganization);
        switch (text(inst, "type", path)) {
            case "education" -> out.type(org, CK.University, CK.ResearchOrganisation);
            case "facility" -> out.type(org, CK.Laboratory, CK.ResearchOrganisation);
            case "company" -> out.type(org, CK.Firm);
            default -> { /* unreliable or no research kind: org:Organization only (see above) */ }
        }
        String name = text(inst, "display_name", path);
        out.text(org, RDFS.label.asNode(), collapse(name));
        out.text(org, CK.sourceName, name);
        out.text(org, DCTerms.identifier.asNode(), id);
        String ror = text(inst, "ror", path);
        if (!ror.isEmpty()) out.add(org, CK.ror, ror(ror, path(path, "ror")));
        country(text(inst, "country_code", path), path(path, "country_code")).ifPresent(c -> out.add(org, CK.country, c));
        // A two-entry lineage is [self, direct parent] in either order; a longer one does not say which
        // ancestor is the direct parent, so it gives no link.
        List<JsonNode> lineage = list(inst, "lineage", path);
        if (lineage.size() == 2)
            for (int i = 0; i < 2; i++) {
                String other = id(lineage.get(i).asText(""), path(path, "lineage") + "[" + i + "]", "I");
                if (!other.equals(id)) out.add(org, Vocab.orgSubOrganizationOf, iri(other));
            }
        return org;
    }

    Node ror(String raw, String field) {
        Matcher m = ROR.matcher(raw.trim());
        if (!m.matches()) throw error(field, "\"" + raw + "\" is not a ROR id (e.g. https://ror.org/00jmfr291)");
        return NodeFactory.createURI("https://ror.org/" + m.group(1));
    }

    /** The country node of a two-letter code ("" gives none); written once per load. */
    java.util.Optional<Node> country(String alpha2, String field) {
        if (alpha2.isBlank()) return java.util.Optional.empty();
        String a3 = CountryCodes.alpha3(alpha2)
            .orElseThrow(() -> error(field, "\"" + alpha2 + "\" is not an ISO 3166-1 two-letter country code"));
        return java.util.Optional.of(countryNodes().node(a3));
    }

    // ---- topics ----

    /** A topic (T...) as a SKOS concept of the OpenAlex topic scheme, under its subfield, field and domain. */
    Node topic(JsonNode topic, String path) {
        String id = id(topic, "id", path, "T");
        Node t = iri(id);
        if (!written.add(t)) return t;
        concept(t, text(topic, "display_name", path));
        out.text(t, DCTerms.identifier.asNode(), id);
        Node narrower = t;
        for (String level : List.of("subfield", "field", "domain")) {
            JsonNode broader = topic.get(level);
            if (broader == null || broader.isNull()) continue;
            String raw = text(broader, "id", path(path, level));
            if (!raw.startsWith(OPENALEX) || raw.length() == OPENALEX.length())
                throw error(path(path(path, level), "id"), "\"" + raw + "\" is not an OpenAlex " + level + " id (e.g. "
                                                           + OPENALEX + level + "s/27)");
            Node b = NodeFactory.createURI(raw);
            if (written.add(b)) {
                concept(b, text(broader, "display_name", path(path, level)));
                if (level.equals("domain")) out.add(b, SKOS.topConceptOf.asNode(), TOPIC_SCHEME);
            }
            out.add(narrower, SKOS.broader.asNode(), b);
            narrower = b;
        }
        return t;
    }

    private void concept(Node c, String label) {
        out.type(c, CK.Technology, SKOS.Concept.asNode());
        out.text(c, SKOS.prefLabel.asNode(), collapse(label), "en");   // OpenAlex names its topics in English
        out.add(c, SKOS.inScheme.asNode(), TOPIC_SCHEME);
        if (written.add(TOPIC_SCHEME)) {
            out.type(TOPIC_SCHEME, CK.TechnologyScheme, SKOS.ConceptScheme.asNode());
            out.text(TOPIC_SCHEME, SKOS.prefLabel.asNode(), "OpenAlex topics", "en");
        }
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private org.chainkg.rdf.CountryNodes countryNodes;

    private org.chainkg.rdf.CountryNodes countryNodes() {
        if (countryNodes == null) countryNodes = new org.chainkg.rdf.CountryNodes(out);
        return countryNodes;
    }

}
