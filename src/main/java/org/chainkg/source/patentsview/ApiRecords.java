package org.chainkg.source.patentsview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.CountryNodes;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.json.JsonRecords;
import org.chainkg.source.uspto.PatentNumbers;

/**
 * The PatentsView PatentSearch API objects (search.patentsview.org/api/v1): {@code patents.jsonl},
 * {@code assignees.jsonl} and {@code inventors.jsonl}, one object per line as the API's {@code patents},
 * {@code assignees} and {@code inventors} lists hold them (a whole response, {@code {"error": false, "count": ..,
 * "patents": [..]}}, is read too). What each becomes:
 * <ul>
 * <li>a patent: the same node as from the bulk tables when the object has {@code wipo_kind} ("US" + patent_id + kind);
 * the API gives no kind unless it is asked for, and then the id has none ({@code US5116621}, as for citations without
 * kind), which does not merge with the same patent read with its kind elsewhere. Title, abstract, date, application
 * number and filing date when present;</li>
 * <li>{@code cpc_current}: {@code ck:technology} (the API does not say which groups are inventive);</li>
 * <li>{@code assignees[]}: the organisation {@code .../patentsview/assignee/ID} of the bulk tables, with
 *   {@code ck:country} from {@code assignee_country}; an individual makes no organisation;</li>
 * <li>{@code inventors[].inventor_country}: {@code ck:inventorCountry};</li>
 * <li>{@code assignees.jsonl}: the same organisation nodes, country from {@code assignee_lastknown_country};</li>
 * <li>{@code inventors.jsonl}: persons, of which chainkg keeps no nodes; the records are checked and counted.</li>
 * </ul>
 */
final class ApiRecords {
    static final String PATENTS = "patents.jsonl";
    static final String ASSIGNEES = "assignees.jsonl";
    static final String INVENTORS = "inventors.jsonl";
    /** Fields that name an assignee; an entity holding none of them (only its id) names nothing. */
    private static final Set<String> NAME_FIELDS = Set.of("assignee_organization", "assignee_individual_name_first",
        "assignee_individual_name_last");

    private final TripleWriter out;
    private final CpcSymbols cpc;
    private final CountryNodes countries;
    private final Set<Node> organisations;
    private final Map<String, String> patents = new HashMap<>();
    private String file;
    private long line;

    ApiRecords(TripleWriter out, CpcSymbols cpc, Set<Node> organisations) {
        this.out = out;
        this.cpc = cpc;
        this.countries = new CountryNodes(out);
        this.organisations = organisations;
    }

    int patentCount() { return patents.size(); }

    long read(String kind, Path path, Node fileNode) {
        file = path.getFileName().toString();
        String list = kind.substring(0, kind.indexOf('.'));
        Map<String, Long> seen = new HashMap<>();
        long count = 0;
        try (JsonRecords in = JsonRecords.open(path, list)) {
            for (JsonRecords.Record r = in.next(); r != null; r = in.next()) {
                line = r.line();
                JsonNode json = r.json();
                if (!json.isObject()) throw error(null, "expected a PatentsView API object");
                String idField = switch (kind) {
                    case PATENTS -> "patent_id";
                    case ASSIGNEES -> "assignee_id";
                    default -> "inventor_id";
                };
                String id = require(json, idField, idField);
                Long first = seen.putIfAbsent(id, line);
                if (first != null)
                    throw error(idField, "the record " + id + " is given twice (first at line " + first + ")");
                switch (kind) {
                    case PATENTS -> patent(json, id, fileNode);
                    case ASSIGNEES -> assigneeEntity(json, id);
                    default -> inventorEntity(json);
                }
                count++;
            }
        }
        return count;
    }

    private void patent(JsonNode json, String patentId, Node fileNode) {
        String kind = text(json, "wipo_kind", "wipo_kind");
        if (!patentId.matches("[A-Z]{0,2}\\d+"))
            throw error("patent_id", "\"" + patentId + "\" is not a patent number (expected e.g. 5116621, D369194, RE28436)");
        if (!kind.isEmpty() && !kind.matches("[A-Z]\\d?"))
            throw error("wipo_kind", "\"" + kind + "\" is not a kind code (expected e.g. B2, A, S1)");
        String id = PatentNumbers.id("US", patentId, kind).orElseThrow();
        patents.put(patentId, id);
        Node p = PatentNumbers.iri(id);
        out.type(p, CK.Patent, CK.ResearchOutput);
        out.text(p, DCTerms.identifier.asNode(), id);
        out.text(p, DCTerms.title.asNode(), collapse(text(json, "patent_title", "patent_title")), "en");
        out.text(p, DCTerms.abstract_.asNode(), collapse(text(json, "patent_abstract", "patent_abstract")), "en");
        date(json, "patent_date", "patent_date").ifPresent(d -> out.typed(p, DCTerms.issued.asNode(), d, XSDDatatype.XSDdate));
        out.text(p, CK.patentKind, kind);
        JsonNode apps = array(json, "application");
        if (apps.size() > 0) {
            out.text(p, CK.applicationNumber, text(apps.get(0), "application_id", "application[0].application_id"));
            date(apps.get(0), "filing_date", "application[0].filing_date")
                .ifPresent(d -> out.typed(p, DCTerms.dateSubmitted.asNode(), d, XSDDatatype.XSDdate));
        }
        JsonNode groups = array(json, "cpc_current");
        for (int i = 0; i < groups.size(); i++) {
            String at = "cpc_current[" + i + "]";
            String group = require(groups.get(i), "cpc_group_id", at + ".cpc_group_id");
            String symbol = CpcSymbols.normalise(group).orElseThrow(() -> error(at + ".cpc_group_id",
                "\"" + group + "\" is not a CPC symbol (expected e.g. H01L21/027)"));
            String subclass = text(groups.get(i), "cpc_subclass_id", at + ".cpc_subclass_id");
            if (!subclass.isEmpty() && !symbol.startsWith(subclass))
                throw error(at + ".cpc_subclass_id", "\"" + subclass + "\" is not the subclass of cpc_group_id \"" + group + "\"");
            out.add(p, CK.technology, cpc.concept(symbol).orElseThrow());
        }
        JsonNode assignees = array(json, "assignees");
        for (int i = 0; i < assignees.size(); i++) {
            String at = "assignees[" + i + "]";
            JsonNode a = assignees.get(i);
            Node org = organisation(a, at, "assignee_country", false);
            if (org != null) out.add(p, CK.assignee, org);
        }
        JsonNode inventors = array(json, "inventors");
        for (int i = 0; i < inventors.size(); i++)
            country(inventors.get(i), "inventor_country", "inventors[" + i + "].inventor_country")
                .ifPresent(c -> out.add(p, CK.inventorCountry, countries.node(c)));
        out.integer(p, CK.sourceLine, line);
        out.add(p, CK.sourceFile, fileNode);
    }

    private void assigneeEntity(JsonNode json, String id) {
        if (NAME_FIELDS.stream().noneMatch(json::has)) return;   // only the id: the API answered with no fields
        organisation(json, "", "assignee_lastknown_country", true);
    }

    /** The organisation of an assignee object; null for an individual. */
    private Node organisation(JsonNode a, String at, String countryField, boolean entity) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (!a.isObject()) throw error(at, "expected an assignee object");
        Optional<String> country = country(a, countryField, prefix + countryField);   // checked for individuals too
        String name = text(a, "assignee_organization", prefix + "assignee_organization");
        if (name.isBlank()) {
            if (text(a, "assignee_individual_name_last", prefix + "assignee_individual_name_last").isBlank()
                && text(a, "assignee_individual_name_first", prefix + "assignee_individual_name_first").isBlank())
                throw error(prefix + "assignee_organization", "the assignee names neither an organisation nor a person");
            return null;
        }
        String assigneeId = require(a, "assignee_id", prefix + "assignee_id");
        Node org = Iris.instance("patentsview", "assignee", assigneeId);
        if (organisations.add(org)) {
            out.type(org, Vocab.orgOrganization);
            out.text(org, DCTerms.identifier.asNode(), assigneeId);
            out.integer(org, CK.sourceLine, line);
        }
        out.text(org, RDFS.label.asNode(), collapse(name));
        out.text(org, CK.sourceName, name);
        country.ifPresent(c -> out.add(org, CK.country, countries.node(c)));
        return org;
    }

    private void inventorEntity(JsonNode json) {
        country(json, "inventor_lastknown_country", "inventor_lastknown_country");   // checked, not written: a person
    }

    /** ISO alpha-3 of a two-letter code; empty when null or with no current ISO code; other values refused. */
    private Optional<String> country(JsonNode o, String field, String path) {
        String c = text(o, field, path).trim();
        if (c.isEmpty()) return Optional.empty();
        if (!c.matches("[A-Za-z]{2}"))
            throw error(path, "\"" + c + "\" is not a two-letter country code (expected e.g. US, JP)");
        return CountryCodes.alpha3(c);
    }

    private Optional<String> date(JsonNode o, String field, String path) {
        String v = text(o, field, path).trim();
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(v).toString());
        } catch (DateTimeParseException e) {
            throw error(path, "\"" + v + "\" is not a date (expected YYYY-MM-DD, e.g. 1992-05-26)");
        }
    }

    private JsonNode array(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (!v.isArray()) throw error(field, "expected a list, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return v;
    }

    /** A text (or number) field; "" when absent or null. */
    private String text(JsonNode o, String field, String path) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return "";
        if (v.isTextual()) return v.textValue();
        if (v.isNumber()) return v.asText();
        throw error(path, "expected a text, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private String require(JsonNode o, String field, String path) {
        String v = text(o, field, path).trim();
        if (v.isEmpty()) throw error(path, "is empty but required");
        return v;
    }

    private SourceDataException error(String field, String problem) {
        return new SourceDataException(file, line, field, problem);
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
