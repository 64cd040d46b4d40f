package org.chainkg.source.openalex;

import org.chainkg.source.json.JsonRecords;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;

/**
 * Reads OpenAlex API records — works (W...), institutions (I...) and topics (T...), told apart by their id —
 * from JSON files holding one object, a list of objects, an API list page ({"meta": .., "results": [..]}) or
 * JSON Lines as in the OpenAlex snapshot ({@code .jsonl}, optionally {@code .gz}). Streams one record at a time.
 * <pre>
 *   java -jar chainkg.jar load --format openalex --db DIR works.jsonl.gz
 * </pre>
 */
public final class OpenAlexReader implements SourceReader {
    public static final String FORMAT = "openalex";
    public static final String VERSION = "1.0.0";

    private static final String CREDIT = "OpenAlex (OurResearch), openalex.org: works, institutions and topics";
    private static final String LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/";
    /** An OpenAlex work, institution or topic names its id first; a list page has it after a short "meta". */
    private static final Pattern HEAD = Pattern.compile("\"id\"\\s*:\\s*\"https://openalex\\.org/[WIT]\\d+\"");
    private static final Pattern WIKIDATA = Pattern.compile("^https?://www\\.wikidata\\.org/(?:wiki|entity)/(Q\\d+)$");
    private static final Pattern LANG_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        List<Path> files = SourcePaths.dataFiles(paths);
        return !files.isEmpty() && files.stream().allMatch(f -> isJsonName(f) && HEAD.matcher(head(f)).find());
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.key(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), n -> isJsonName(Path.of(n)), "*.json, *.jsonl or *.ndjson files, optionally gzipped");
        List<Path> files = SourcePaths.dataFiles(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no OpenAlex JSON files to read (give .json or .jsonl files or their folder)");
        OpenAlexNodes nodes = new OpenAlexNodes(new TripleWriter(stream));
        OpenAlexWorks works = new OpenAlexWorks(nodes);
        List<SourceReport.FileReport> reports = new ArrayList<>();
        // Each record id once per load, as the ROR reader does: a second copy would merge two records silently.
        Map<String, String> seen = new HashMap<>();
        for (Path path : files) {
            boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            FileScan scan = gz ? FileScan.scanBytes(path) : FileScan.scanText(path);
            long records = 0;
            nodes.file(scan.name(), scan.sha256());
            // An OpenAlex list page keeps its records in "results" (API responses and the snapshot's JSON Lines alike).
            try (JsonRecords in = JsonRecords.open(path, "results")) {
                for (JsonRecords.Record r = in.next(); r != null; r = in.next()) {
                    nodes.at(r.line());
                    if (!r.json().isObject())
                        throw nodes.error(null, "expected an OpenAlex record (a JSON object)");
                    String id = nodes.id(r.json(), "id", "", "WIT");
                    String first = seen.putIfAbsent(id, scan.name() + " line " + r.line());
                    if (first != null)
                        throw nodes.error("id", "the record " + id + " is given twice (first at " + first + ")");
                    switch (id.charAt(0)) {
                        case 'W' -> works.write(r.json(), id);
                        case 'I' -> institution(nodes, r.json());
                        default -> topic(nodes, r.json());
                    }
                    records++;
                }
            }
            reports.add(new SourceReport.FileReport(scan.name(), path.toString(), scan.bytes(), scan.sha256(), records));
        }
        return new SourceReport("OpenAlex records (" + datasetKey(paths) + ")", CREDIT, LICENSE, reports);
    }

    /**
     * An institution record: the shared organisation node plus its other names (alternatives as skos:altLabel,
     * acronyms as skos:hiddenLabel, names in other languages as language-tagged rdfs:label), Wikidata
     * (schema:sameAs) and its parent and child institutions (org:subOrganizationOf).
     */
    private static void institution(OpenAlexNodes nodes, JsonNode json) {
        TripleWriter out = nodes.out();
        Node org = nodes.institution(json, "");
        for (JsonNode alt : nodes.list(json, "display_name_alternatives", ""))
            out.text(org, SKOS.altLabel.asNode(), OpenAlexNodes.collapse(alt.asText("")));
        for (JsonNode acronym : nodes.list(json, "display_name_acronyms", ""))
            out.text(org, SKOS.hiddenLabel.asNode(), OpenAlexNodes.collapse(acronym.asText("")));
        JsonNode names = json.path("international").path("display_name");
        for (var it = names.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!LANG_TAG.matcher(e.getKey()).matches())
                throw nodes.error("international.display_name" + OpenAlexNodes.key(e.getKey()),
                    "\"" + e.getKey() + "\" is not a language tag (e.g. zh, zh-hant, en-gb)");
            out.text(org, RDFS.label.asNode(), OpenAlexNodes.collapse(e.getValue().asText("")), e.getKey().toLowerCase(Locale.ROOT));
        }
        String wikidata = nodes.text(json.get("ids"), "wikidata", "ids");
        if (!wikidata.isEmpty()) {
            Matcher m = WIKIDATA.matcher(wikidata.trim());
            if (!m.matches())
                throw nodes.error("ids.wikidata", "\"" + wikidata + "\" is not a Wikidata entity (e.g. https://www.wikidata.org/wiki/Q230492)");
            out.add(org, NodeFactory.createURI(Vocab.SCHEMA + "sameAs"), NodeFactory.createURI("http://www.wikidata.org/entity/" + m.group(1)));
        }
        parents(nodes, org, json);
        nodes.source(org);
    }

    /**
     * Parent links from associated institutions: relationship "parent" gives org:subOrganizationOf, "child" the
     * same the other way; "related" institutions have no ORG term and are left out. (A two-entry lineage is
     * read with the organisation node itself, see {@link OpenAlexNodes#institution}.)
     */
    private static void parents(OpenAlexNodes nodes, Node org, JsonNode json) {
        TripleWriter out = nodes.out();
        List<JsonNode> associated = nodes.list(json, "associated_institutions", "");
        for (int i = 0; i < associated.size(); i++) {
            JsonNode a = associated.get(i);
            String path = "associated_institutions[" + i + "]";
            switch (nodes.text(a, "relationship", path)) {
                case "parent" -> out.add(org, Vocab.orgSubOrganizationOf, nodes.institution(a, path));
                case "child" -> out.add(nodes.institution(a, path), Vocab.orgSubOrganizationOf, org);
                default -> { /* related: no ORG term for it */ }
            }
        }
    }

    /** A topic record: the shared concept plus its description (skos:definition) and keywords (skos:altLabel). */
    private static void topic(OpenAlexNodes nodes, JsonNode json) {
        TripleWriter out = nodes.out();
        Node topic = nodes.topic(json, "");
        out.text(topic, SKOS.definition.asNode(), OpenAlexNodes.collapse(nodes.text(json, "description", "")), "en");
        for (JsonNode keyword : nodes.list(json, "keywords", ""))
            out.text(topic, SKOS.altLabel.asNode(), OpenAlexNodes.collapse(keyword.asText("")), "en");
        nodes.source(topic);
    }

    private static boolean isJsonName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    /** The first 8 KB of the file as text (decompressed for .gz). */
    private static String head(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new String(in.readNBytes(8192), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
