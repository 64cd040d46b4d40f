package org.chainkg.source.openalex;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.chainkg.source.SourceDataException;

/**
 * Streams the OpenAlex records of one file, one JSON object in memory at a time, whatever the file's shape:
 * one object, a JSON array of objects, an API list page {@code {"meta": .., "results": [..]}}, or JSON Lines
 * (the snapshot format: one object per line; {@code .gz} files are read through gzip). Each record knows the
 * line where it starts. A JSON syntax error becomes a {@link SourceDataException} naming the line where the
 * broken record starts and the JSON path inside it where the parser stopped.
 * <pre>
 * try (OpenAlexRecords records = OpenAlexRecords.open(path)) {
 *     for (OpenAlexRecords.Record r = records.next(); r != null; r = records.next()) { ... r.json() ... }
 * }
 * </pre>
 */
final class OpenAlexRecords implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** First fields of an API list page (an entity's first field is always "id"). */
    private static final Set<String> ENVELOPE = Set.of("meta", "results", "group_by");

    /** One record: the object and the physical line where it starts. */
    record Record(JsonNode json, long line) {}

    private final String file;
    private final JsonParser parser;
    private boolean inEnvelope;
    private boolean inList;
    private long recordLine;
    private JsonStreamContext recordContext;

    private OpenAlexRecords(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static OpenAlexRecords open(Path path) {
        String name = path.getFileName().toString();
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
            return new OpenAlexRecords(name, MAPPER.getFactory().createParser(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The next record, or null at the end of the file. */
    Record next() {
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    if (inList || inEnvelope) throw syntax("the file ends inside the list of records (it is cut off)");
                    return null;
                }
                if (inList) {
                    if (t == JsonToken.END_ARRAY) { inList = false; continue; }
                    if (t == JsonToken.START_OBJECT) return record(begin(), parser.nextToken());
                    throw syntax("a list of OpenAlex records holds " + describe(t) + " where an object was expected");
                }
                if (inEnvelope) {
                    if (t == JsonToken.END_OBJECT) { inEnvelope = false; continue; }
                    envelopeField();
                    continue;
                }
                if (t == JsonToken.START_ARRAY) { inList = true; continue; }
                if (t != JsonToken.START_OBJECT)
                    throw syntax("expected a JSON object (or a list of objects), found " + describe(t));
                long line = begin();
                JsonToken first = parser.nextToken();
                if (first == JsonToken.FIELD_NAME && ENVELOPE.contains(parser.currentName())) {
                    recordContext = null;
                    inEnvelope = true;
                    envelopeField();
                    continue;
                }
                return record(line, first);
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** On a record's START_OBJECT: remembers where it starts, for errors inside it. */
    private long begin() {
        recordContext = parser.getParsingContext();
        recordLine = parser.currentTokenLocation().getLineNr();
        return recordLine;
    }

    /** Reads the rest of a record begun with {@link #begin}; {@code first} is the token after its START_OBJECT. */
    private Record record(long line, JsonToken first) throws IOException {
        JsonNode json = first == JsonToken.END_OBJECT ? JsonNodeFactory.instance.objectNode() : MAPPER.readTree(parser);
        Record r = new Record(json, line);
        recordContext = null;
        return r;
    }

    /** In a list page: "results" opens the list of records; other fields (meta, group_by) are skipped. */
    private void envelopeField() throws IOException {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("results".equals(field)) {
            if (value != JsonToken.START_ARRAY) throw syntax("\"results\" is " + describe(value) + ", not a list of records");
            inList = true;
        } else {
            parser.skipChildren();
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

    /** A parse error inside a record: the record's start line, the path where the parser stopped, its words. */
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
        return new SourceDataException(file, recordLine, path(), what, e);
    }

    /** Jackson's message without the parser-internal location and source details. */
    private static String clean(String message) {
        String m = String.valueOf(message);
        for (String cut : List.of("\n", " (start marker at", " at [Source"))
            if (m.contains(cut)) m = m.substring(0, m.indexOf(cut));
        return m.strip();
    }

    /** JSON path inside the current record, e.g. "authorships[2].institutions[0].ror". */
    private String path() {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && c != recordContext.getParent(); c = c.getParent()) {
            if (c.inArray()) parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            else if (c.inObject() && c.getCurrentName() != null) parts.add(OpenAlexNodes.key(c.getCurrentName()));
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
