package org.chainkg.source.ppubs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;
import org.chainkg.source.json.JsonRecords;

/**
 * Reads USPTO Patent Public Search (ppubs.uspto.gov) records: search responses ({@code {"numFound": .., "patents":
 * [..]}}, e.g. {@code biblio.json}) and full-document responses (one document, or a list of them, e.g.
 * {@code doc.json}) as the service sends them ({@code *.json}, see {@link ResponseRecord}), and the flattened extract
 * of such records, one JSON object per line ({@code *.jsonl}, e.g. {@code patents_biblio.jsonl}; not a USPTO format,
 * see {@link ExtractRecord}). Patents get the IRIs of every other patent reader ({@code US11803561B1}), so a patent
 * read here and from USPTO XML or PatentsView is one node.
 * <pre>
 *   chainkg load --format uspto-ppubs data/uspto-ppubs/
 * </pre>
 * A patent given twice in records of one kind (responses, or extract lines) is refused; a patent in a response and
 * in the extract (which was flattened from such responses) is one node with the facts of both.
 */
public final class PpubsReader implements SourceReader {
    public static final String FORMAT = "uspto-ppubs";
    public static final String VERSION = "1.0.0";
    private static final String CREDIT = "USPTO Patent Public Search (ppubs.uspto.gov): search and document responses";
    /** USPTO bibliographic data: works of the US Government, in the public domain. */
    private static final String LICENSE = "https://creativecommons.org/publicdomain/mark/1.0/";
    /** A Patent Public Search record names its document as "guid": "US-..." near the top of the file. */
    private static final Pattern HEAD = Pattern.compile("\"guid\"\\s*:\\s*\"[A-Z]{2}-[A-Z]{0,2}\\d+-[A-Z]\\d?\"");
    private static final String EXPECTED = "Patent Public Search responses (*.json) or the flattened extract (*.jsonl)";

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        List<Path> files = SourcePaths.dataFiles(paths);
        return !files.isEmpty() && files.stream().allMatch(f -> isJsonName(f.getFileName().toString()) && HEAD.matcher(head(f)).find());
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.key(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), PpubsReader::isJsonName, EXPECTED);
        List<Path> files = SourcePaths.dataFiles(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no " + EXPECTED + " to read");
        PpubsTriples triples = new PpubsTriples(new TripleWriter(stream));
        Map<String, String> responses = new HashMap<>();
        Map<String, String> extract = new HashMap<>();
        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Path path : files) {
            String name = path.getFileName().toString();
            if (!isJsonName(name))
                throw new SourceDataException(name, 0, null, "not a Patent Public Search file (expected " + EXPECTED + ")");
            boolean isExtract = !name.toLowerCase(Locale.ROOT).endsWith(".json");
            FileScan scan = FileScan.scanText(path);
            Node fileNode = Iris.instance("file", scan.sha256());
            long records = 0;
            try (JsonRecords in = JsonRecords.open(path, isExtract ? null : "patents")) {
                for (JsonRecords.Record r = in.next(); r != null; r = in.next()) {
                    RecordFields f = new RecordFields(r.json(), name, r.line());
                    if (!r.json().isObject()) throw f.error(null, "expected a Patent Public Search record (a JSON object)");
                    PpubsPatent p = isExtract ? ExtractRecord.read(f) : ResponseRecord.read(f);
                    String first = (isExtract ? extract : responses).putIfAbsent(p.id, name + " line " + r.line());
                    if (first != null)
                        throw f.error("guid", "the record " + f.text("guid") + " is given twice (first at " + first + ")");
                    triples.write(p, fileNode);
                    records++;
                }
            }
            reports.add(new SourceReport.FileReport(name, path.toString(), scan.bytes(), scan.sha256(), records));
        }
        int patents = union(responses, extract);
        List<String> extracts = reports.stream().map(SourceReport.FileReport::name)
            .filter(n -> !n.toLowerCase(Locale.ROOT).endsWith(".json")).toList();
        String note = extracts.isEmpty() ? "" : "; " + String.join(", ", extracts)
            + " is a flattened extract of such records, not a USPTO format";
        return new SourceReport("USPTO Patent Public Search records (" + datasetKey(paths) + "): " + patents + " patents" + note,
                                CREDIT, LICENSE, reports);
    }

    private static int union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all.size();
    }

    private static boolean isJsonName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    /** The first 8 KB of the file as text. */
    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(8192), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
