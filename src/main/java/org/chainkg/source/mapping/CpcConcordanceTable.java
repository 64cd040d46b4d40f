package org.chainkg.source.mapping;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceReport;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * The curated CPC concordance ({@code cpc-concordance.csv}): a pre-2026 CPC group (mostly H01L 21/…) and the CPC
 * 2026.01 group that took over its subject, with the basis and source of each row. Each row becomes
 * {@code old dcterms:isReplacedBy new} and a {@code ck:CpcConcordanceEntry} naming both, its basis and source, and
 * its line; {@code TechnologyReach} then lets outputs under the old group reach the new group's chain items.
 */
final class CpcConcordanceTable {
    static final String FILE = "cpc-concordance.csv";
    static final List<String> COLUMNS = List.of("old_cpc", "old_title", "new_cpc", "basis", "source");
    /** documented: a published concordance or the curator's documented evidence; title: old and new titles agree. */
    static final Set<String> BASES = Set.of("documented", "title");

    private CpcConcordanceTable() {}

    static SourceReport.FileReport read(Path file, TripleWriter out, CpcSymbols cpc) {
        FileScan scan = FileScan.scanText(file);
        Map<String, Long> seen = new HashMap<>();
        try (CsvRecords rows = CsvRecords.open(file, COLUMNS)) {
            for (CsvRecord r : rows) {
                String oldNotation = notation(r, "old_cpc");
                String newNotation = notation(r, "new_cpc");
                if (oldNotation.equals(newNotation))
                    throw r.error("new_cpc", "is the same group as old_cpc (" + oldNotation + ")");
                if (newNotation.startsWith("H01L 21/") || newNotation.startsWith("H01L 22/") || newNotation.startsWith("H01L 23/")
                    || newNotation.startsWith("H01L 24/"))
                    throw r.error("new_cpc", newNotation + " is a pre-2026 group (H01L 21-24 moved to H10P/H10W in CPC 2026.01)");
                String basis = r.require("basis");
                if (!BASES.contains(basis))
                    throw r.error("basis", "\"" + basis + "\" is not a basis (use documented or title)");
                Long first = seen.putIfAbsent(oldNotation + " " + newNotation, r.line());
                if (first != null)
                    throw r.error("new_cpc", oldNotation + " → " + newNotation + " is listed twice (first at line " + first + ")");
                Node oldGroup = cpc.concept(oldNotation).orElseThrow();
                Node newGroup = cpc.concept(newNotation).orElseThrow();
                out.add(oldGroup, DCTerms.isReplacedBy.asNode(), newGroup);
                out.text(oldGroup, SKOS.altLabel.asNode(), r.get("old_title"), "en");
                Node entry = Iris.instance("mapping", "cpc-concordance",
                                           compact(oldNotation) + "-" + compact(newNotation));
                out.type(entry, CK.CpcConcordanceEntry);
                out.add(entry, CK.formerGroup, oldGroup);
                out.add(entry, CK.successorGroup, newGroup);
                out.text(entry, CK.concordanceBasis, basis);
                out.text(entry, DCTerms.source.asNode(), r.require("source"), "en");
                out.integer(entry, CK.sourceLine, r.line());
            }
            MappingManifest manifest = MappingManifest.besides(file);
            if (manifest != null) manifest.check(FILE, scan, rows.count());
            return new SourceReport.FileReport(FILE, file.toString(), scan.bytes(), scan.sha256(), rows.count());
        }
    }

    private static String notation(CsvRecord r, String column) {
        String symbol = r.require(column);
        return CpcSymbols.normalise(symbol).orElseThrow(() -> r.error(column, "\"" + symbol
            + "\" is not a CPC symbol (write it like H01L 21/265; a notation prefix such as H01L 21/7625 stands for its groups)"));
    }

    private static String compact(String notation) {
        return notation.replace(" ", "").replace('/', '-');
    }
}
