package org.chainkg.source.mapping;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * Reads chainkg's curated links between chains, {@code data/mappings/cross-chain.csv}: each row says that an element
 * of one chain goes into an element of another ({@code from_dataset}/{@code from_item} → {@code to_dataset}/{@code to_item};
 * a dataset is written as reader prefix and dataset key, e.g. {@code pv/nrel-pv-ice}, {@code eto/eto-chip-explorer}),
 * with a rationale, a confidence (high, medium, low) and, where the upstream figures stand in for something else, the
 * proxy. Each row becomes a {@code ck:ChainLink} and the {@code ck:feedsInto} edge itself, in this table's own graph.
 * The labels are for the people who curate the table; the test on the bundled data checks every row against the
 * loaded items.
 */
public final class CrossChainReader implements SourceReader {
    public static final String FORMAT = "cross-chain";
    static final String FILE = "cross-chain.csv";
    private static final Set<String> PREFIXES = Set.of("eto", "usgs", "iea", "pv");
    private static final Set<String> CONFIDENCE = Set.of("high", "medium", "low");

    @Override public String format() { return FORMAT; }
    @Override public String version() { return "1.0.0"; }
    @Override public boolean takesEncoding() { return true; }

    /** Only the file itself: its folder (data/mappings) is read by {@link ChainMappingReader}. */
    @Override
    public boolean accepts(List<Path> paths) {
        return paths.stream().allMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(FILE)
                                            && java.nio.file.Files.isRegularFile(p));
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return "cross-chain";
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        Path file = SourcePaths.named(paths, List.of(FILE)).get(FILE);
        if (file == null)
            throw new SourceDataException(String.valueOf(paths), 0, null, "no " + FILE + " (give the file itself)");
        TripleWriter out = new TripleWriter(stream);
        FileScan scan = FileScan.scanText(file);
        Map<String, Long> seen = new HashMap<>();
        try (CsvRecords rows = CsvRecords.open(file, List.of("from_dataset", "from_item", "to_dataset", "to_item", "confidence", "rationale", "proxy"))) {
            for (CsvRecord r : rows) {
                Node from = element(r, "from_dataset", "from_item");
                Node to = element(r, "to_dataset", "to_item");
                if (from.equals(to)) throw r.error("to_item", "the link goes from an element to itself");
                String confidence = r.require("confidence");
                if (!CONFIDENCE.contains(confidence))
                    throw r.error("confidence", "\"" + confidence + "\" is not a confidence (use high, medium or low)");
                Long first = seen.putIfAbsent(from.getURI() + " " + to.getURI(), r.line());
                if (first != null) throw r.error("to_item", "the same link is listed twice (first at line " + first + ")");
                Node link = Iris.instance("mapping", "cross-chain", "link-" + r.line());
                out.type(link, CK.ChainLink);
                out.add(link, CK.linkFrom, from);
                out.add(link, CK.linkTo, to);
                out.text(link, CK.linkConfidence, confidence);
                out.text(link, CK.rationale, r.require("rationale"), "en");
                out.text(link, CK.proxy, r.get("proxy"), "en");
                out.integer(link, CK.sourceLine, r.line());
                out.add(from, CK.feedsInto, to);
            }
            MappingManifest manifest = MappingManifest.besides(file);
            if (manifest != null) manifest.check(FILE, scan, rows.count());
            return new SourceReport("chainkg curated links between chains (cross-chain.csv)", "chainkg (curated)", null,
                List.of(new SourceReport.FileReport(FILE, file.toString(), scan.bytes(), scan.sha256(), rows.count())));
        }
    }

    /** The element a dataset and item column name: reader prefix/dataset key, and the item id in that dataset. */
    private static Node element(CsvRecord r, String datasetColumn, String itemColumn) {
        String dataset = r.require(datasetColumn);
        String[] parts = dataset.split("/");
        if (parts.length != 2 || !PREFIXES.contains(parts[0]) || parts[1].isEmpty())
            throw r.error(datasetColumn, "\"" + dataset + "\" is not a dataset (write prefix/key with prefix "
                                         + String.join(", ", new java.util.TreeSet<>(PREFIXES)) + ", e.g. pv/nrel-pv-ice)");
        String id = r.require(itemColumn);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]*"))
            throw r.error(itemColumn, "\"" + id + "\" is not an item id (e.g. N26, polysilicon, coppe-2)");
        boolean stage = parts[0].equals("eto") && id.matches("S\\d+");
        return Iris.instance(parts[0], parts[1], stage ? "stage" : "item", id);
    }
}
