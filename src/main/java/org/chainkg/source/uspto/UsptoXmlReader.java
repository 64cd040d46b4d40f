package org.chainkg.source.uspto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;

/**
 * Reads USPTO full-text patent XML: grants ({@code us-patent-grant}, DTD v4.x) and pre-grant publications
 * ({@code us-patent-application}), one document per file or concatenated as in the weekly bulk files
 * ({@code ipgYYMMDD.xml}, {@code ipaYYMMDD.xml}), streaming one document at a time. Sequence listings
 * ({@code sequence-cwu}) carry no bibliographic data: they are counted and skipped.
 * <pre>
 *   chainkg load --format uspto-xml data/ipg130416.xml
 * </pre>
 * Give files or folders (the {@code *.xml} files of a folder are read in name order).
 */
public final class UsptoXmlReader implements SourceReader {
    public static final String FORMAT = "uspto-xml";
    public static final String VERSION = "1.0.0";
    private static final String CREDIT = "United States Patent and Trademark Office (USPTO): full-text patent grant and "
        + "application XML (bulkdata.uspto.gov)";
    /** US patent text is generally free of copyright restrictions (37 CFR 1.71(d) lets applicants reserve some). */
    private static final String LICENSE = "https://creativecommons.org/publicdomain/mark/1.0/";
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final int PEEK = 8192;

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        try {
            List<Path> files = files(paths);
            if (files.isEmpty()) return false;
            for (Path f : files)
                if (!rootElement(f).map(r -> r.equals(UsptoDocumentParser.GRANT) || r.equals(UsptoDocumentParser.APPLICATION)
                                             || r.equals(UsptoDocumentParser.SEQUENCE)).orElse(false))
                    return false;
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.key(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), n -> n.endsWith(".xml"), "USPTO full-text *.xml files");
        List<Path> files = files(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no .xml file to read (give USPTO XML files or their folder)");
        PatentTriples triples = new PatentTriples(new TripleWriter(stream));
        List<SourceReport.FileReport> reports = new ArrayList<>();
        long patents = 0, sequences = 0;
        for (Path path : files) {
            String name = path.getFileName().toString();
            if (size(path) == 0)
                throw new SourceDataException(name, 0, null, "the file is empty (expected USPTO patent XML)");
            FileScan scan = FileScan.scanText(path);
            Node fileNode = Iris.instance("file", scan.sha256());
            long documents = 0;
            try (XmlDocuments docs = new XmlDocuments(path)) {
                for (XmlDocuments.Document d = docs.next(); d != null; d = docs.next()) {
                    documents++;
                    Optional<PatentRecord> record = UsptoDocumentParser.parse(name, d.startLine(), d.reader());
                    if (record.isPresent()) {
                        triples.write(record.get(), name, fileNode);
                        patents++;
                    } else {
                        sequences++;
                    }
                }
            }
            reports.add(new SourceReport.FileReport(name, path.toString(), scan.bytes(), scan.sha256(), documents));
        }
        String note = patents + " patent document" + (patents == 1 ? "" : "s")
            + (sequences > 0 ? ", " + sequences + " sequence listing" + (sequences == 1 ? "" : "s") + " skipped" : "");
        return new SourceReport("USPTO full-text patent XML (" + datasetKey(paths) + "): " + note, CREDIT, LICENSE, reports);
    }

    /** The XML files: given files as they are, folders' {@code *.xml} files in name order. */
    static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase().endsWith(".xml"))
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

    /** The name of the first element of the file (after declaration, comments and DOCTYPE), from its first 8 KB. */
    static Optional<String> rootElement(Path file) {
        byte[] head = new byte[PEEK];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, PEEK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8)
            .replaceAll("(?s)<\\?.*?\\?>", "").replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?s)<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", "");
        Matcher m = ROOT.matcher(text);
        if (!m.find()) return Optional.empty();
        String name = m.group(1);
        return Optional.of(name.substring(name.indexOf(':') + 1));
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
