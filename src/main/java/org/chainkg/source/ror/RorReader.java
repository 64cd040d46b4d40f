package org.chainkg.source.ror;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.riot.system.StreamRDF;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;

/**
 * Reads Research Organization Registry (ROR) schema v2 records (and v1 records, rewritten by {@link RorV1Record}) and streams each as an organisation whose IRI is
 * its ROR id. A file may hold one record (as in the ror-records repository), a JSON array of records (the ROR
 * data dump) or one record per line (JSON Lines); a folder is read file by file (*.json, *.jsonl, *.ndjson, in
 * name order). Records are parsed one at a time with Jackson's streaming parser, never the whole file.
 * <pre>
 * new SourceLoader(store.dataset()).load(new RorReader(), List.of(Path.of("ror-v2.json")), null);
 * </pre>
 * What each record becomes is described in {@link RorRecordWriter}.
 */
public final class RorReader implements SourceReader {
    public static final String FORMAT = "ror";
    public static final String VERSION = "1.0.0";
    static final String CREDIT = "Research Organization Registry (ROR), ror.org, CC0 1.0; locations from GeoNames";
    static final String LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A v2 record names its own ROR IRI as "id" and has "names"; OpenAlex only names ROR ids under "ror". */
    private static final Pattern ROR_RECORD_ID = Pattern.compile("\"id\"\\s*:\\s*\"https://ror\\.org/0");
    private static final int PEEK_BYTES = 16 * 1024;

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        List<Path> files = files(paths);
        return !files.isEmpty() && files.stream().allMatch(RorReader::looksLikeRor);
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.key(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), n -> isJsonName(Path.of(n)), "ROR records in *.json, *.jsonl or *.ndjson files");
        List<Path> files = files(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null,
                "no ROR record files here (expected *.json, *.jsonl or *.ndjson files, or their folder)");
        RorRecordWriter records = new RorRecordWriter(new TripleWriter(stream));
        Map<String, String> seen = new HashMap<>();
        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (sizeOf(file) == 0)
                throw new SourceDataException(name, 0, null,
                    "the file is empty (expected a ROR record, a JSON array of records, or JSON Lines)");
            FileScan scan = FileScan.scanText(file);
            long count = readFile(file, name, Iris.instance("file", scan.sha256()), records, seen);
            reports.add(new SourceReport.FileReport(name, file.toString(), scan.bytes(), scan.sha256(), count));
        }
        return new SourceReport("Research Organization Registry records (" + datasetKey(paths) + ")", CREDIT, LICENSE, reports);
    }

    /** Streams one file: a record, an array of records, or several records one after another (JSON Lines). */
    private long readFile(Path path, String name, org.apache.jena.graph.Node fileNode, RorRecordWriter records,
                          Map<String, String> seen) {
        long count = 0;
        long recordLine = 0;
        long arrayLine = 0;
        // A character stream (not bytes) so that Jackson's columns are the characters an editor counts.
        try (Reader in = utf8Reader(path); JsonParser p = MAPPER.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY && arrayLine == 0) {
                    arrayLine = line(p.currentTokenLocation());
                    continue;
                }
                if (t == JsonToken.END_ARRAY && arrayLine > 0) {
                    arrayLine = 0;
                    continue;
                }
                recordLine = line(p.currentTokenLocation());
                if (t != JsonToken.START_OBJECT)
                    throw new SourceDataException(name, recordLine, null,
                        "expected a ROR record (a JSON object {...}) but found " + describe(t));
                JsonNode record = MAPPER.readTree(p);
                if (RorV1Record.isV1(record)) record = RorV1Record.toV2(name, recordLine, record);
                String id = RorRecordWriter.recordId(name, recordLine, record);
                String first = seen.putIfAbsent(id, name + " line " + recordLine);
                if (first != null)
                    throw new SourceDataException(name, recordLine, "id",
                        "the record " + id + " is given twice (first at " + first + ")");
                records.write(name, recordLine, fileNode, id, record);
                recordLine = 0;
                count++;
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if (e instanceof JsonEOFException || e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                long line = recordLine > 0 ? recordLine : arrayLine;
                throw new SourceDataException(name, line > 0 ? line : line(at), null, "the file ends inside "
                    + (recordLine > 0 ? "the record that starts on this line" : "the JSON array that starts on this line")
                    + " (truncated JSON: a closing } or ] is missing)", e);
            }
            throw new SourceDataException(name, recordLine > 0 ? recordLine : line(at), null,
                "malformed JSON at line " + line(at) + ", column " + (at == null ? 0 : at.getColumnNr()) + ": "
                + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return count;
    }

    /** UTF-8 text without its byte-order mark, if any (FileScan has checked the bytes). */
    private static Reader utf8Reader(Path path) throws IOException {
        Reader in = new BufferedReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), 1 << 16);
        in.mark(1);
        if (in.read() != '\uFEFF') in.reset();
        return in;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array inside the array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static long line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The record files: given files as they are, folders' JSON files in name order (not recursive). */
    static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> Files.isRegularFile(f) && isJsonName(f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    private static boolean isJsonName(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    /** A JSON file whose first 16 KB hold a record id that is a ROR IRI and a v2 "names" list (or a v1 "name" and country). */
    private static boolean looksLikeRor(Path f) {
        if (!isJsonName(f)) return false;
        byte[] head = new byte[PEEK_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(f)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) n += r;
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8).stripLeading();
        return (text.startsWith("{") || text.startsWith("["))
            && ROR_RECORD_ID.matcher(text).find()
            && (text.contains("\"names\"") || text.contains("\"name\"") && text.contains("\"country_code\""));
    }
}
