package org.chainkg.source.cordis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDF;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;

/**
 * Reads the CORDIS Horizon 2020 "organizations" CSV (one row per participation of an organisation in a project)
 * and, optionally, the project "topics" CSV (projectID, topic, title), streaming them row by row. Files are told
 * apart by their header line: a CSV with a {@code topic} column is a topics file, any other an organisations file.
 * Organisations files are read first (topics refer to their projects).
 * <pre>
 * new SourceLoader(store.dataset()).load(new CordisReader(), List.of(Path.of("data/cordis-h2020")), null);
 * </pre>
 * What the rows become is described in {@link CordisParticipations} and {@link CordisTopics}.
 */
public final class CordisReader implements SourceReader {
    public static final String FORMAT = "cordis";
    public static final String VERSION = "1.0.0";
    static final String CREDIT = "© European Union, CORDIS (cordis.europa.eu): Horizon 2020 projects, organisations "
        + "and topics open datasets, reused under the Commission's reuse policy";
    /** Commission Decision 2011/833/EU on the reuse of Commission documents (reuse with attribution). */
    static final String LICENSE = "http://data.europa.eu/eli/dec/2011/833/oj";

    static final List<String> ORGANISATION_COLUMNS = List.of("projectID", "projectAcronym", "organisationID",
        "vatNumber", "name", "shortName", "SME", "activityType", "country", "organizationURL", "order", "role",
        "ecContribution");
    static final List<String> TOPIC_COLUMNS = List.of("projectID", "topic", "title");

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        List<Path> files = csvFiles(paths);
        boolean organisations = false;
        for (Path f : files) {
            List<String> header = header(f);
            if (header.containsAll(ORGANISATION_COLUMNS)) organisations = true;
            else if (!header.containsAll(TOPIC_COLUMNS)) return false;
        }
        return organisations;
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.key(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), n -> n.endsWith(".csv"), "CORDIS *.csv files");
        List<Path> organisations = new ArrayList<>();
        List<Path> topics = new ArrayList<>();
        for (Path f : csvFiles(paths))
            (header(f).contains("topic") ? topics : organisations).add(f);
        if (organisations.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no CORDIS organisations CSV here (a CSV "
                + "whose header has " + String.join(", ", ORGANISATION_COLUMNS) + ")");
        TripleWriter out = new TripleWriter(stream);
        CordisParticipations participations = new CordisParticipations(out);
        CordisTopics topicRows = new CordisTopics(out, participations);
        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Path f : organisations) {
            FileScan scan = FileScan.scanText(f);
            long rows = participations.read(f, Iris.instance("file", scan.sha256()));
            reports.add(new SourceReport.FileReport(scan.name(), f.toString(), scan.bytes(), scan.sha256(), rows));
        }
        for (Path f : topics) {
            FileScan scan = FileScan.scanText(f);
            long rows = topicRows.read(f, Iris.instance("file", scan.sha256()));
            reports.add(new SourceReport.FileReport(scan.name(), f.toString(), scan.bytes(), scan.sha256(), rows));
        }
        return new SourceReport("CORDIS Horizon 2020 participations (" + datasetKey(paths) + ")", CREDIT, LICENSE, reports);
    }

    /** Given CSV files as they are, and the *.csv files of given folders in name order (not recursive). */
    static List<Path> csvFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> Files.isRegularFile(f)
                                     && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    /** The column names of a CSV's first line (quotes and a BOM removed); empty when it cannot be read. */
    static List<String> header(Path f) {
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(f),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)), 1 << 14)) {
            char[] buf = new char[1 << 14];
            int n = in.read(buf);
            if (n <= 0) return List.of();
            String text = new String(buf, 0, n);
            int eol = text.indexOf('\n');
            String line = (eol >= 0 ? text.substring(0, eol) : text).replace("\uFEFF", "").strip();
            return Arrays.stream(line.split(",", -1)).map(c -> c.strip().replace("\"", "")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
