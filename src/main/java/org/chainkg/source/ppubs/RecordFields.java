package org.chainkg.source.ppubs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.uspto.PatentNumbers;

/**
 * Typed access to the fields of one Patent Public Search record, each failure a {@link SourceDataException} naming
 * file, the record's line and the field. Shared by the response and the extract readers.
 */
final class RecordFields {
    /** "US-11803561-B1", "US-D369194-S", "US-RE28436-E", "US-T949002-I4", "US-20230008865-A1". */
    private static final Pattern GUID = Pattern.compile("^([A-Z]{2})-([A-Z]{0,2}\\d+)-([A-Z]\\d?)$");
    /** "2023-10-31T00:00:00Z" (responses) or "2023-10-31" (extract). */
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T00:00:00(?:\\.0+)?Z)?$");
    /** A cpcInventive entry with its version date, "H01L21/30604 20130101". */
    private static final Pattern VERSIONED = Pattern.compile("^(\\S+)\\s+\\d{8}$");

    final JsonNode json;
    final String file;
    final long line;

    RecordFields(JsonNode json, String file, long line) {
        this.json = json;
        this.file = file;
        this.line = line;
    }

    SourceDataException error(String field, String problem) {
        return new SourceDataException(file, line, field, problem);
    }

    /** A text field ("" when absent or null); a field of another JSON type is refused. */
    String text(String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) return "";
        if (v.isTextual()) return v.textValue();
        if (v.isNumber()) return v.asText();
        throw error(field, "expected a text, found " + kind(v));
    }

    String require(String field) {
        String v = text(field).trim();
        if (v.isEmpty()) throw error(field, "is empty but required");
        return v;
    }

    /** A list of texts (empty when absent or null); a single text is a list of one. */
    List<String> list(String field) {
        JsonNode v = json.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) { out.add(v.textValue()); return out; }
        if (!v.isArray()) throw error(field, "expected a list of texts, found " + kind(v));
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isNull()) { out.add(""); continue; }
            if (!e.isTextual()) throw error(field + "[" + i + "]", "expected a text, found " + kind(e));
            out.add(e.textValue());
        }
        return out;
    }

    /** The record's guid as chainkg's patent id ("US-11803561-B1" -> "US11803561B1") and its kind code. */
    String[] guid(String field) {
        String guid = require(field);
        Matcher m = GUID.matcher(guid);
        if (!m.matches())
            throw error(field, "\"" + guid + "\" is not a Patent Public Search document id (expected e.g. US-11803561-B1)");
        String id = PatentNumbers.id(m.group(1), m.group(2), m.group(3))
            .orElseThrow(() -> error(field, "\"" + guid + "\" is not a patent number"));
        return new String[] {id, m.group(3)};
    }

    /** A date field as YYYY-MM-DD ("" when absent). */
    String date(String field) {
        return date(field, text(field));
    }

    String date(String field, String raw) {
        String v = raw.trim();
        if (v.isEmpty()) return "";
        Matcher m = DATE.matcher(v);
        try {
            if (m.matches()) return LocalDate.parse(m.group(1)).toString();
        } catch (DateTimeParseException e) {
            // fall through to the message
        }
        throw error(field, "\"" + v + "\" is not a date (expected e.g. 2023-10-31T00:00:00Z or 2023-10-31)");
    }

    /** A CPC symbol as printed ("H01L21/30604", or with its version date); refused when it is not one. */
    String cpc(String field, String raw) {
        String s = raw.trim();
        Matcher m = VERSIONED.matcher(s);
        if (m.matches()) s = m.group(1);
        String symbol = s;
        return CpcSymbols.normalise(symbol).orElseThrow(() ->
            error(field, "\"" + raw + "\" is not a CPC symbol (expected e.g. H01L21/027)"));
    }

    /**
     * The ISO alpha-3 code of a two-letter country; empty for "N/A" and "" (the service's "not given"), and for
     * two-letter codes with no current ISO code (historical ones such as SU, DD); other values are refused.
     */
    Optional<String> country(String field, String raw) {
        String c = raw == null ? "" : raw.trim();
        if (c.isEmpty() || c.equals("N/A")) return Optional.empty();
        if (!c.matches("[A-Za-z]{2}"))
            throw error(field, "\"" + raw + "\" is not a two-letter country code (expected e.g. US, JP, or N/A)");
        return CountryCodes.alpha3(c);
    }

    /** Symbols of a field holding a list, or one text of symbols separated by semicolons ("A;B"). */
    List<String> symbols(String field) {
        List<String> out = new ArrayList<>();
        for (String v : list(field))
            for (String s : v.split(";"))
                if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    private static String kind(JsonNode v) {
        if (v.isArray()) return "a list";
        if (v.isObject()) return "an object";
        if (v.isBoolean()) return "a boolean";
        if (v.isNumber()) return "a number";
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
