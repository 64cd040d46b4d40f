package org.chainkg.source.ror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chainkg.source.SourceDataException;

/**
 * A ROR schema v1 record (releases before v2; "name", "aliases", "acronyms", "labels", "country", capitalised types)
 * rewritten as the schema v2 record it stands for, as ROR's own v1-to-v2 conversion maps the fields:
 * <ul>
 *   <li>name → a names entry of type ror_display (v1 names carry no language); aliases → alias; acronyms → acronym;
 *       labels[{label, iso639}] → label with lang;</li>
 *   <li>types ("Company", "Education" …) → lower case; relationships' types ("Parent", "Child" …) → lower case;</li>
 *   <li>country.country_code → locations[0].geonames_details.country_code;</li>
 *   <li>external_ids {"Wikidata": {"preferred", "all"}} → [{"type": "wikidata", "preferred", "all"}] (all may be a
 *       string or a list in v1); links [url …] → [{"type": "website", "value": url}] (the first link).</li>
 * </ul>
 * Fields v2 has no place for (email_address, ip_addresses, wikipedia_url, addresses beyond the country) are dropped,
 * as {@link RorRecordWriter} drops them from v2 records. Errors name the v1 field.
 */
final class RorV1Record {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RorV1Record() {}

    /** True for a record in schema v1: it has "name" and no "names". */
    static boolean isV1(JsonNode record) {
        return !record.has("names") && record.has("name");
    }

    static ObjectNode toV2(String file, long line, JsonNode v1) {
        ObjectNode v2 = F.objectNode();
        v2.set("id", v1.get("id"));
        v2.set("status", v1.get("status"));
        ArrayNode names = v2.putArray("names");
        String name = v1.path("name").asText("");
        if (name.isBlank()) throw new SourceDataException(file, line, "name", "is empty but required (the record's display name)");
        names.add(name(name, null, "ror_display"));
        for (JsonNode a : list(file, line, v1, "aliases")) names.add(name(a.asText(), null, "alias"));
        for (JsonNode a : list(file, line, v1, "acronyms")) names.add(name(a.asText(), null, "acronym"));
        JsonNode labels = list(file, line, v1, "labels");
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i).path("label").asText("");
            if (label.isBlank())
                throw new SourceDataException(file, line, "labels[" + i + "].label", "is missing (a v1 label is {\"label\": …, \"iso639\": …})");
            JsonNode lang = labels.get(i).get("iso639");
            names.add(name(label, lang == null || lang.isNull() ? null : lang.asText(), "label"));
        }
        ArrayNode types = v2.putArray("types");
        for (JsonNode t : list(file, line, v1, "types")) types.add(t.asText().toLowerCase(java.util.Locale.ROOT));
        if (!v1.has("types")) v2.remove("types");
        JsonNode code = v1.path("country").get("country_code");
        if (code != null && !code.isNull())
            v2.putArray("locations").addObject().putObject("geonames_details").set("country_code", code);
        ArrayNode rels = v2.putArray("relationships");
        for (JsonNode r : list(file, line, v1, "relationships")) {
            ObjectNode rel = rels.addObject();
            rel.set("id", r.get("id"));
            if (r.hasNonNull("type")) rel.put("type", r.get("type").asText().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode ids = v2.putArray("external_ids");
        JsonNode wikidata = v1.path("external_ids").get("Wikidata");
        if (wikidata != null && !wikidata.isNull()) {
            ObjectNode w = ids.addObject().put("type", "wikidata");
            if (wikidata.hasNonNull("preferred")) w.set("preferred", wikidata.get("preferred"));
            JsonNode all = wikidata.get("all");
            ArrayNode list = w.putArray("all");
            if (all != null && all.isArray()) list.addAll((ArrayNode) all);
            else if (all != null && !all.isNull()) list.add(all.asText());
        }
        JsonNode links = list(file, line, v1, "links");
        if (links.size() > 0) v2.putArray("links").addObject().put("type", "website").put("value", links.get(0).asText());
        return v2;
    }

    private static ObjectNode name(String value, String lang, String type) {
        ObjectNode n = F.objectNode().put("value", value);
        if (lang != null) n.put("lang", lang);
        n.putArray("types").add(type);
        return n;
    }

    private static JsonNode list(String file, long line, JsonNode v1, String field) {
        JsonNode a = v1.get(field);
        if (a == null || a.isNull()) return F.arrayNode();
        if (!a.isArray()) throw new SourceDataException(file, line, field, "must be a JSON array [...]");
        return a;
    }
}
