package org.chainkg.source.pvice;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.CountryNames;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * Reads NREL PV_ICE's country market shares of the crystalline-silicon solar chain into the chain model: one item per
 * stage, MG-Si → polysilicon → mono and multi ingots → wafer → cell → module ({@code ck:feedsInto}), and per stage
 * and country the share (percent, as given) of the latest year with a figure as its {@code ck:Provision}; every
 * earlier year a {@code ck:HistoricalFigure} that only the concentration-trend query reads. The stage files have one
 * row per country and one column per year; the module file is transposed (one row per year, one column per country,
 * an empty first header). An empty cell is an unknown share; 0 is 0 (a country before it entered the stage).
 * PV_ICE dropped countries under 1 %, so shares need not sum to 100; there is no residue row.
 */
public final class PvIceReader implements SourceReader {
    public static final String FORMAT = "pv-ice";
    public static final String VERSION = "1.0.0";
    static final String CREDIT = "NREL PV_ICE, from BNEF and USGS data (BSD-3-Clause, Alliance for Sustainable Energy, LLC); "
        + "Ovaitt et al., iScience 2022, doi:10.1016/j.isci.2021.103488";

    /** A stage of the chain: its file, id, label and what its shares measure. */
    record Stage(String file, String id, String label, String basis, boolean transposed) {}

    static final List<Stage> STAGES = List.of(
        new Stage("input-silicon-CountryMarketshare-mgsi.csv", "mgsi", "Metallurgical-grade silicon (MG-Si)", "production (USGS)", false),
        new Stage("input-silicon-CountryMarketshare-polysilicon.csv", "polysilicon", "Polysilicon (solar grade)", "commissioned capacity (BNEF)", false),
        new Stage("input-silicon-CountryMarketshare-ingot-mono.csv", "ingot-mono", "Monocrystalline silicon ingot", "commissioned capacity (BNEF)", false),
        new Stage("input-silicon-CountryMarketshare-ingot-multi.csv", "ingot-multi", "Multicrystalline silicon ingot", "commissioned capacity (BNEF)", false),
        new Stage("input-silicon-CountryMarketshare-wafer.csv", "wafer", "Silicon wafer (solar)", "commissioned capacity (BNEF)", false),
        new Stage("input-silicon-CountryMarketshare-cell.csv", "cell", "Crystalline-silicon solar cell", "commissioned capacity (BNEF)", false),
        new Stage("input-modules-countryMarketshare-Mfging-bnef.csv", "module", "Solar PV module", "manufacturing capacity (BNEF)", true));
    /** upstream id -> downstream id, in the order PV_ICE describes the chain. */
    static final List<String[]> FLOW = List.of(
        new String[] {"mgsi", "polysilicon"}, new String[] {"polysilicon", "ingot-mono"}, new String[] {"polysilicon", "ingot-multi"},
        new String[] {"ingot-mono", "wafer"}, new String[] {"ingot-multi", "wafer"}, new String[] {"wafer", "cell"},
        new String[] {"cell", "module"});

    private TripleWriter out;
    private String dataset;
    private org.chainkg.source.SupplyNodes nodes;

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }
    @Override public boolean takesEncoding() { return true; }

    private static Set<String> names() {
        Set<String> n = new HashSet<>();
        STAGES.forEach(s -> n.add(s.file()));
        return n;
    }

    @Override
    public boolean accepts(List<Path> paths) {
        return SourcePaths.named(paths, List.copyOf(names())).size() == STAGES.size();
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.folderKey(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        Set<String> names = names();
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(java.util.Locale.ROOT)));
        SourcePaths.requireFiles(paths, format(), lower::contains, "the PV_ICE market-share files (" + String.join(", ", new TreeSet<>(names)) + ")");
        Map<String, Path> files = SourcePaths.named(paths, List.copyOf(names));
        for (Stage s : STAGES)
            if (!files.containsKey(s.file()))
                throw new SourceDataException(String.valueOf(paths), 0, null, "PV_ICE needs the file " + s.file() + " (give the folder or every stage file)");
        this.out = new TripleWriter(stream);
        this.dataset = datasetKey(paths);
        this.nodes = new org.chainkg.source.SupplyNodes(out, "pv", dataset, "Solar PV crystalline-silicon chain (NREL PV_ICE)",
                                                        "晶硅光伏产业链（NREL PV_ICE）", CREDIT);
        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Stage s : STAGES) {
            Path path = files.get(s.file());
            FileScan scan = FileScan.scanText(path);
            Node it = nodes.writeItem(s.id(), s.label(), null);
            out.text(it, CK.basis, s.basis(), "en");
            long rows = readStage(path, s, it, Iris.instance("file", scan.sha256()));
            reports.add(new SourceReport.FileReport(s.file(), path.toString(), scan.bytes(), scan.sha256(), rows));
        }
        for (String[] f : FLOW) out.add(nodes.item(f[0]), CK.feedsInto, nodes.item(f[1]));
        return new SourceReport("NREL PV_ICE, country market shares of the crystalline-silicon PV chain (" + dataset + ")", CREDIT,
                                "https://opensource.org/license/bsd-3-clause", reports);
    }

    /** One figure as read: country, year, share (null: unknown), line and column. */
    private record Cell(CountryNames.Entry country, String year, BigDecimal share, String text, long line, String column) {}

    private long readStage(Path path, Stage s, Node it, Node fileNode) {
        List<Cell> cells = new ArrayList<>();
        long count;
        try (CsvRecords rows = CsvRecords.open(path, s.transposed() ? List.of() : List.of("Country"))) {
            List<String> header = rows.header();
            Map<String, CountryNames.Entry> columnCountry = new LinkedHashMap<>();
            if (s.transposed())
                for (String h : header.subList(1, header.size())) columnCountry.put(h, country(path, 1, h, h));
            for (CsvRecord r : rows) {
                if (s.transposed()) {
                    String year = year(r, header.get(0), r.get(0));   // first column: no name in the header
                    for (var c : columnCountry.entrySet())
                        cells.add(new Cell(c.getValue(), year, share(r, c.getKey()), r.get(c.getKey()), r.line(), c.getKey()));
                } else {
                    CountryNames.Entry country = country(path, r.line(), "Country", r.require("Country"));
                    for (String h : header.subList(1, header.size()))
                        cells.add(new Cell(country, year(r, h, h), share(r, h), r.get(h), r.line(), h));
                }
            }
            count = rows.count();
        }
        String latest = cells.stream().filter(c -> c.share() != null).map(Cell::year).max(String::compareTo).orElse(null);
        Set<String> seen = new HashSet<>();
        for (Cell c : cells) {
            String key = c.country().alpha3() + "-" + c.year();
            if (!seen.add(key))
                throw new SourceDataException(path.getFileName().toString(), c.line(), c.column(), c.country().name()
                    + " has two figures for " + c.year() + " (a country must appear once)");
            boolean now = c.year().equals(latest);
            Node f = Iris.instance("pv", dataset, now ? "provision" : "figure", s.id() + "-" + key);
            Node country = nodes.country(c.country().alpha3(), c.country().name());
            if (now) {
                out.type(f, CK.Provision);
                out.add(f, CK.provider, country);
                out.add(f, CK.item, it);
            } else {
                out.type(f, CK.HistoricalFigure);
                out.add(f, CK.figureProvider, country);
                out.add(f, CK.figureItem, it);
            }
            out.bool(f, CK.shareKnown, c.share() != null);
            out.rawText(f, CK.shareText, c.text());
            if (c.share() != null) out.decimal(f, CK.sharePercent, c.share());
            out.typed(f, CK.year, c.year(), XSDDatatype.XSDgYear);
            out.text(f, DCTerms.source.asNode(), CREDIT + ", " + s.file() + ", column " + c.column());
            out.integer(f, CK.sourceLine, c.line());
            out.add(f, CK.sourceFile, fileNode);
        }
        return count;
    }

    private static String year(CsvRecord r, String column, String value) {
        if (!value.matches("\\d{4}")) throw r.error(column, "\"" + value + "\" is not a year (expected e.g. 2021)");
        return value;
    }

    private static BigDecimal share(CsvRecord r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) return null;
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0)
                throw r.error(column, "share " + v + " is outside 0..100 (PV_ICE shares are percents)");
            return d;
        } catch (NumberFormatException e) {
            throw r.error(column, "\"" + v + "\" is not a share (expected a percent, e.g. 41.7, or empty)");
        }
    }

    private static CountryNames.Entry country(Path path, long line, String column, String name) {
        CountryNames.Entry e = CountryNames.lookup(name).orElseThrow(() -> new SourceDataException(path.getFileName().toString(), line, column,
            CountryNames.notInTable(name, null)));
        if (!e.isCountry())
            throw new SourceDataException(path.getFileName().toString(), line, column, "\"" + name + "\" is not one country (PV_ICE lists countries only)");
        return e;
    }

}
