package org.chainkg.source.epo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;

/**
 * Reads EPO Open Patent Services (OPS 3.2) responses in the exchange format: bibliographic responses
 * ({@code ops:world-patent-data/exchange-documents/exchange-document}, one {@code ck:Patent} each) and family
 * responses ({@code ops:patent-family/ops:family-member}, one {@code ck:Patent} per member, all members linked
 * by {@code ck:familyMember} in both directions). Streams with StAX, one record in memory at a time; DTDs and
 * external entities are never loaded.
 * <pre>
 *   java -jar chainkg.jar load --format epo-ops --db DIR responses/     # a folder of saved OPS XML responses
 * </pre>
 */
public final class EpoOpsReader implements SourceReader {
    public static final String FORMAT = "epo-ops";
    public static final String VERSION = "1.0.0";
    static final String OPS_NS = "http://ops.epo.org";

    private static final String CREDIT = "European Patent Office (EPO): bibliographic patent data (DOCDB) "
        + "served by Open Patent Services (OPS)";
    /** EPO data via OPS is used under the OPS terms and conditions (no open-licence IRI exists for it). */
    private static final String LICENSE =
        "https://www.epo.org/en/service-support/ordering/terms-and-conditions/ops-terms-and-conditions";

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        List<Path> files = SourcePaths.dataFiles(paths);
        return !files.isEmpty() && files.stream().allMatch(EpoOpsReader::looksLikeOps);
    }

    /** An OPS response names the OPS namespace and its root element in its first few KB. */
    private static boolean looksLikeOps(Path file) {
        String head = head(file);
        return head.stripLeading().startsWith("<") && head.contains(OPS_NS) && head.contains("world-patent-data");
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.key(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), n -> n.endsWith(".xml"), "OPS exchange-format *.xml files");
        List<Path> files = SourcePaths.dataFiles(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no OPS XML files to read (give .xml files or their folder)");
        OpsRecordWriter writer = new OpsRecordWriter(new TripleWriter(stream));
        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Path path : files) {
            FileScan scan = FileScan.scanText(path);
            writer.file(scan.name(), scan.sha256());
            long records = readFile(path, scan.name(), writer);
            reports.add(new SourceReport.FileReport(scan.name(), path.toString(), scan.bytes(), scan.sha256(), records));
        }
        return new SourceReport("EPO OPS patent documents (" + datasetKey(paths) + ")", CREDIT, LICENSE, reports);
    }

    private long readFile(Path path, String name, OpsRecordWriter writer) {
        String head = head(path).stripLeading();
        if (!head.startsWith("<"))
            throw new SourceDataException(name, 1, null, "this is not XML (it starts with \""
                + head.substring(0, Math.min(1, head.length())) + "\"); an EPO OPS response is XML whose root is ops:world-patent-data"
                + (head.startsWith("{") || head.startsWith("[") ? " (this looks like JSON)" : ""));
        long records = 0;
        long recordLine = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            boolean root = false;
            List<Node> family = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!root) {
                        checkRoot(name, r);
                        root = true;
                        continue;
                    }
                    recordLine = r.getLocation().getLineNumber();
                    switch (r.getLocalName()) {
                        case "exchange-document" -> { writer.document(OpsElement.read(r)); records++; }
                        case "family-member" -> {
                            Node member = writer.familyMember(OpsElement.read(r));
                            if (family != null) family.add(member);
                            records++;
                        }
                        case "patent-family" -> family = new ArrayList<>();
                        default -> { /* containers (exchange-documents) and the family's query reference */ }
                    }
                    recordLine = 0;
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("patent-family")) {
                    writer.familyLinks(family);
                    family = null;
                }
            }
            r.close();
            if (!root)
                throw new SourceDataException(name, 0, null, "the file has no root element (expected ops:world-patent-data)");
            return records;
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new SourceDataException(name, line, null, "malformed XML: " + parserMessage(e)
                + (recordLine > 0 && recordLine != line ? " (in the record that starts at line " + recordLine + ")" : ""), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void checkRoot(String file, XMLStreamReader r) {
        if (OPS_NS.equals(r.getNamespaceURI()) && r.getLocalName().equals("world-patent-data")) return;
        String root = (r.getPrefix() == null || r.getPrefix().isEmpty() ? "" : r.getPrefix() + ":") + r.getLocalName();
        throw new SourceDataException(file, r.getLocation().getLineNumber(), root,
            "the root element is " + root + ", not ops:world-patent-data (namespace " + OPS_NS
            + "): this is not an EPO OPS response" + (root.startsWith("us-patent") ? " (it looks like USPTO patent XML)" : ""));
    }

    /** The JDK's own StAX parser (not whatever is on the class path), with DTDs and external entities off. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The parser's own words without its "ParseError at [row,col]" prefix (the line is in the message already). */
    private static String parserMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String s = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            return "";
        }
    }
}
