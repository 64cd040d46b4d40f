package org.chainkg.source.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * Reads chainkg's curated mapping tables for the ETO chain ({@code data/mappings/}): {@code eto-cpc.csv} (chain item
 * to CPC group, with a one-line rationale) and {@code eto-items-zh.csv} (Chinese names of the items). Rows name ETO
 * items by id, of the ETO dataset named in an optional {@code dataset} column (default: the bundled {@value #DATASET}),
 * and {@code cpc-concordance.csv} (pre-2026 CPC groups and their CPC 2026.01 successors, {@link CpcConcordanceTable}) and {@code organisation-aliases.csv}
 * (curated organisation names with identifiers, {@link OrganisationAliasTable}).
 */
public final class ChainMappingReader implements SourceReader {
    public static final String FORMAT = "chain-mapping";
    static final String DATASET = "eto-chip-explorer";
    static final String CPC_FILE = "eto-cpc.csv";
    static final String ZH_FILE = "eto-items-zh.csv";

    @Override public String format() { return FORMAT; }
    @Override public String version() { return "1.0.0"; }

    @Override
    public boolean accepts(List<Path> paths) {
        return !files(paths).isEmpty();
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return "eto-mappings";
    }

    private static Map<String, Path> files(List<Path> paths) {
        return SourcePaths.named(paths, List.of(CPC_FILE, ZH_FILE, CpcConcordanceTable.FILE, OrganisationAliasTable.FILE));
    }

    private static Node item(CsvRecord r, String id) {
        String dataset = r.get("dataset").isEmpty() ? DATASET : r.get("dataset");
        return Iris.instance("eto", dataset, id.startsWith("S") ? "stage" : "item", id);
    }

    private static String itemId(CsvRecord r) {
        String id = r.require("item_id");
        if (!id.matches("[NS]\\d+"))
            throw r.error("item_id", "\"" + id + "\" is not an ETO item or stage id (e.g. N20, S2)");
        return id;
    }

    /** A table beside a {@link MappingManifest} must hold the number of records declared there. */
    private static void checkCount(String name, Path file, FileScan scan, long records) {
        MappingManifest manifest = MappingManifest.besides(file);
        if (manifest != null) manifest.check(name, scan, records);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        String names = CPC_FILE + ", " + ZH_FILE + ", " + CpcConcordanceTable.FILE + " or " + OrganisationAliasTable.FILE;
        SourcePaths.requireFiles(paths, format(), n -> List.of(CPC_FILE, ZH_FILE, CpcConcordanceTable.FILE, OrganisationAliasTable.FILE).contains(n), names);
        Map<String, Path> files = files(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no " + names + " found");
        TripleWriter out = new TripleWriter(stream);
        CpcSymbols cpc = new CpcSymbols(out);
        List<SourceReport.FileReport> reports = new ArrayList<>();
        Path cpcFile = files.get(CPC_FILE);
        if (cpcFile != null) {
            FileScan scan = FileScan.scanText(cpcFile);
            Map<String, Long> seen = new HashMap<>();
            try (CsvRecords rows = CsvRecords.open(cpcFile, List.of("item_id", "item", "cpc", "cpc_title", "rationale"))) {
                for (CsvRecord r : rows) {
                    String id = itemId(r);
                    String symbol = r.require("cpc");
                    Node concept = cpc.concept(symbol).orElseThrow(() -> r.error("cpc", "\"" + symbol
                        + "\" is not a CPC symbol (write it like H01L 21/027 or G03F 7/70)"));
                    String notation = CpcSymbols.normalise(symbol).orElseThrow();
                    // Item ids repeat across ETO datasets (chains), so the item's IRI (dataset-qualified) is the key.
                    Long first = seen.putIfAbsent(item(r, id).getURI() + " " + notation, r.line());
                    if (first != null)
                        throw r.error("cpc", "item " + id + (r.get("dataset").isEmpty() ? "" : " of dataset " + r.get("dataset"))
                                             + " is mapped to " + notation + " twice (first at line " + first + ")");
                    Node m = Iris.instance("mapping", "eto-cpc", id + "-" + notation.replace(" ", "").replace('/', '-'));
                    out.type(m, CK.TechnologyMapping);
                    out.add(m, CK.mappedTechnology, concept);
                    out.add(m, CK.mappedItem, item(r, id));
                    out.text(m, CK.rationale, r.require("rationale"), "en");
                    out.integer(m, CK.sourceLine, r.line());
                    out.add(concept, CK.relevantTo, item(r, id));
                    out.text(concept, SKOS.altLabel.asNode(), r.get("cpc_title"), "en");
                }
                checkCount(CPC_FILE, cpcFile, scan, rows.count());
                reports.add(new SourceReport.FileReport(CPC_FILE, cpcFile.toString(), scan.bytes(), scan.sha256(), rows.count()));
            }
        }
        Path zhFile = files.get(ZH_FILE);
        if (zhFile != null) {
            FileScan scan = FileScan.scanText(zhFile);
            try (CsvRecords rows = CsvRecords.open(zhFile, List.of("item_id", "item", "label_zh"))) {
                for (CsvRecord r : rows)
                    out.text(item(r, itemId(r)), RDFS.label.asNode(), r.require("label_zh"), "zh");
                checkCount(ZH_FILE, zhFile, scan, rows.count());
                reports.add(new SourceReport.FileReport(ZH_FILE, zhFile.toString(), scan.bytes(), scan.sha256(), rows.count()));
            }
        }
        Path concordance = files.get(CpcConcordanceTable.FILE);
        if (concordance != null) reports.add(CpcConcordanceTable.read(concordance, out, cpc));
        Path aliases = files.get(OrganisationAliasTable.FILE);
        if (aliases != null) reports.add(OrganisationAliasTable.read(aliases, out));
        return new SourceReport("chainkg curated mappings for the ETO chain (CPC groups, Chinese names, CPC concordance, organisation names)",
                                "chainkg (curated); CPC scheme by EPO and USPTO", null, reports);
    }
}
