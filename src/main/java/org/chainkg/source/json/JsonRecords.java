package org.chainkg.source.json;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chainkg.source.SourceDataException;
import org.chainkg.source.csv.TextFields;

/**
 * Streams the JSON records of one file (gzip-compressed when its name ends in .gz), one object in memory at a time: JSON Lines (one object per line, or
 * objects one after another), a JSON array of objects, or an API response object whose {@code listField} holds the
 * records (e.g. Patent Public Search's {@code {"numFound": .., "patents": [..]}}). Each record knows the physical
 * line where it starts. A syntax error names that line and the JSON path inside the record where the parser
 * stopped; a text value holding a NUL or another control character is refused, naming its path.
 * <pre>
 * try (JsonRecords in = JsonRecords.open(path, "patents")) {
 *     for (JsonRecords.Record r = in.next(); r != null; r = in.next()) { ... r.json() ... r.line() ... }
 * }
 * </pre>
 */
public final class JsonRecords implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One record: the object and the physical line where it starts. */
    public record Record(JsonNode json, long line) {}

    private final String file;
    private final String listField;
    private final JsonParser parser;
    private boolean inList;
    private boolean inEnvelope;
    private long recordLine;
    private JsonStreamContext recordContext;

    private JsonRecords(String file, String listField, JsonParser parser) {
        this.file = file;
        this.listField = listField;
        this.parser = parser;
    }

    /**
     * Opens a UTF-8 file (a byte-order mark is skipped).
     * @param listField the field of a response object that holds the list of records; null when the format has none
     */
    public static JsonRecords open(Path path, String listField) {
        // A character stream (not bytes), so that Jackson's lines and columns are the ones an editor shows.
        try {
            String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            Reader in = name.endsWith(".gz")
                ? new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                      java.nio.file.Files.newInputStream(path), 1 << 16), java.nio.charset.StandardCharsets.UTF_8), 1 << 16)
                : TextFields.reader(path);
            return new JsonRecords(path.getFileName().toString(), listField, MAPPER.getFactory().createParser(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The next record, or null at the end of the file. */
    public Record next() {
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    if (inList || inEnvelope) throw syntax("the file ends inside the list of records (it is cut off)");
                    return null;
                }
                if (inList) {
                    if (t == JsonToken.END_ARRAY) { inList = false; continue; }
                    if (t != JsonToken.START_OBJECT)
                        throw syntax("the list of records holds " + describe(t) + " where a record (an object) was expected");
                    return record();
                }
                if (inEnvelope) {
                    if (t == JsonToken.END_OBJECT) { inEnvelope = false; continue; }
                    envelopeField();
                    continue;
                }
                if (t == JsonToken.START_ARRAY) { inList = true; continue; }
                if (t != JsonToken.START_OBJECT)
                    throw syntax("expected a JSON object (or a list of objects), found " + describe(t));
                return record();
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** On a START_OBJECT at the top level or in a list: the record, or the start of a response envelope. */
    private Record record() throws IOException {
        recordContext = parser.getParsingContext();
        recordLine = parser.currentTokenLocation().getLineNr();
        if (!inList && listField != null) {
            // At the top level: a response object is recognised by its first field not being a record field.
            JsonToken first = parser.nextToken();
            if (first == JsonToken.END_OBJECT) return done(MAPPER.createObjectNode());
            String name = parser.currentName();
            if (!isRecordField(name)) {
                recordContext = null;
                inEnvelope = true;
                envelopeField();
                return next();
            }
            // a record at the top level (JSON Lines): read the rest of it into a tree, starting with this field
            com.fasterxml.jackson.databind.node.ObjectNode o = MAPPER.createObjectNode();
            while (first == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                o.set(field, MAPPER.readTree(parser));
                first = parser.nextToken();
            }
            return done(o);
        }
        return done(MAPPER.readTree(parser));
    }

    /** A record's own first field; a response envelope starts with another one (numFound, meta, ...). */
    private boolean isRecordField(String name) {
        return !ENVELOPE_FIRST.contains(name);
    }

    private static final java.util.Set<String> ENVELOPE_FIRST = java.util.Set.of("numFound", "meta", "results", "group_by", "patents", "error",
        "count", "total_hits", "perPage", "page");

    private Record done(JsonNode json) {
        Record r = new Record(json, recordLine);
        checkControls(json, "");
        recordContext = null;
        return r;
    }

    /** In a response envelope: the list field opens the list of records; other fields are skipped. */
    private void envelopeField() throws IOException {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field != null && field.equals(listField)) {
            if (value == JsonToken.VALUE_NULL) return;
            if (value != JsonToken.START_ARRAY)
                throw syntax("\"" + field + "\" is " + describe(value) + ", not a list of records");
            inList = true;
        } else {
            parser.skipChildren();
        }
    }

    /** Refuses a text value holding a control character (a NUL byte, ...), naming its path in the record. */
    private void checkControls(JsonNode node, String path) {
        if (node.isTextual()) {
            TextFields.checkControls(file, recordLine, List.of(path.isEmpty() ? "(value)" : path), List.of(node.textValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) checkControls(node.get(i), path + "[" + i + "]");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkControls(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) return "the end of the file";
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "\"" + t.asString() + "\"";
        };
    }

    private SourceDataException syntax(String problem) {
        return new SourceDataException(file, parser.currentLocation().getLineNr(), null, problem);
    }

    /** A parse error: the line where the broken record starts, the path where the parser stopped, its words. */
    private SourceDataException malformed(JsonProcessingException e) {
        long at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String where = e.getLocation() == null ? "" : " at line " + at + ", column " + e.getLocation().getColumnNr();
        String message = clean(e.getOriginalMessage());
        String what = e instanceof JsonEOFException
            ? "the JSON ends in the middle of the record (the file is cut off?)"
            : message.contains("CTRL-CHAR, code 10")
            ? "malformed JSON" + where + ": the line ends inside a text value (is the record cut off? a JSON Lines "
              + "record must be whole on its line)"
            : "malformed JSON" + where + ": " + message;
        if (recordContext == null)
            return new SourceDataException(file, at, null, what, e);
        // in a cut-off file the path says where the cut fell
        return new SourceDataException(file, recordLine, path(), what, e);
    }

    /** Jackson's message without the parser-internal location and source details. */
    private static String clean(String message) {
        String m = String.valueOf(message);
        for (String cut : List.of("\n", " (start marker at", " at [Source"))
            if (m.contains(cut)) m = m.substring(0, m.indexOf(cut));
        return m.strip();
    }

    /** JSON path inside the current record, e.g. "assignees[2].assignee_country". */
    private String path() {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && c != recordContext.getParent(); c = c.getParent()) {
            if (c.inArray()) parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            else if (c.inObject() && c.getCurrentName() != null) parts.add("." + c.getCurrentName());
        }
        Collections.reverse(parts);
        String p = String.join("", parts);
        p = p.startsWith(".") ? p.substring(1) : p;
        return p.isEmpty() ? null : p;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
