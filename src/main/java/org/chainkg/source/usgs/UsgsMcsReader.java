package org.chainkg.source.usgs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;
import org.chainkg.source.Shares;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * Reads the USGS Mineral Commodity Summaries data release (one {@code mcsYYYY-<commodity>_world.csv} per
 * commodity, with its {@code _meta.xml}) into the chain model: each commodity a chain item, each production type
 * of a file (a block of rows closed by its "World total" row) an item of its own, and each country a provider with
 * its share of world production (see {@link Shares}).
 * <ul>
 * <li>The figure is the latest year with a figure in the block of the production columns ({@code Prod_…_YYYY}), or of
 * the capacity columns ({@code Cap_…}) where a file has no production (then {@code ck:basis "capacity"});
 * {@code est} columns and {@code e}-prefixed values are {@code ck:estimated true}.</li>
 * <li>A "World total" row that closes a block with no country rows of its own (titanium's "ilmenite and rutile",
 * soda ash's "synthetic") aggregates other rows and gives no shares: it is skipped.</li>
 * <li>One block: the item is the commodity (id = the file's commodity key, e.g. {@code galli}); several: the
 * commodity item and one item per block ({@code coppe-1}, {@code coppe-2}, {@code ck:subtypeOf} the commodity), and
 * every mine-production block {@code ck:feedsInto} every refinery or smelter block of the same file.</li>
 * </ul>
 */
public final class UsgsMcsReader implements SourceReader {
    public static final String FORMAT = "usgs-mcs";
    public static final String VERSION = "1.0.0";
    static final Pattern WORLD_FILE = Pattern.compile("(?i)mcs(\\d{4})-(\\w+?)_world\\.csv");
    private static final Set<String> SMALL_WORDS = Set.of("and", "of", "or");
    private static final Pattern META_TITLE = Pattern.compile("- (.+?) Data Release");
    static final String CREDIT = "U.S. Geological Survey, 2024, Mineral Commodity Summaries 2024 (public domain)";

    private TripleWriter out;
    private String dataset;
    private org.chainkg.source.SupplyNodes nodes;

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }
    @Override public boolean takesEncoding() { return true; }

    @Override
    public boolean accepts(List<Path> paths) {
        return !worldFiles(paths).isEmpty();
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.folderKey(paths, FORMAT);
    }

    private static List<Path> worldFiles(List<Path> paths) {
        return SourcePaths.dataFiles(paths).stream()
            .filter(p -> WORLD_FILE.matcher(p.getFileName().toString()).matches())
            .sorted(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)))
            .toList();
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), n -> WORLD_FILE.matcher(n).matches() || n.toLowerCase(Locale.ROOT).endsWith("_meta.xml")
                                                       || n.toLowerCase(Locale.ROOT).endsWith(".txt"),
                                 "USGS MCS files mcsYYYY-<commodity>_world.csv");
        List<Path> files = worldFiles(paths);
        if (files.isEmpty())
            throw new SourceDataException(String.valueOf(paths), 0, null, "no USGS MCS world production file (mcsYYYY-<commodity>_world.csv)");
        Map<String, Path> metas = new HashMap<>();
        for (Path p : SourcePaths.dataFiles(paths))
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("_meta.xml"))
                metas.put(p.getFileName().toString().toLowerCase(Locale.ROOT), p);
        this.out = new TripleWriter(stream);
        this.dataset = datasetKey(paths);
        this.nodes = new org.chainkg.source.SupplyNodes(out, "usgs", dataset, "World mineral production by country (USGS MCS)",
                                                        "世界矿产各国产量（美国地质调查局 MCS）", CREDIT);

        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Path path : files) {
            Matcher m = WORLD_FILE.matcher(path.getFileName().toString());
            m.matches();
            String key = m.group(2).replaceAll("_+$", "").toLowerCase(Locale.ROOT);
            Path meta = metas.get(("mcs" + m.group(1) + "-" + m.group(2) + "_meta.xml").toLowerCase(Locale.ROOT));
            String commodity = key;
            if (meta != null) {
                FileScan ms = FileScan.scanBytes(meta);
                commodity = commodityName(meta).orElse(key);
                reports.add(new SourceReport.FileReport(meta.getFileName().toString(), meta.toString(), ms.bytes(), ms.sha256(), 1));
            }
            FileScan scan = FileScan.scanText(path);
            long rows = readWorld(path, key, commodity, Iris.instance("file", scan.sha256()));
            reports.add(new SourceReport.FileReport(path.getFileName().toString(), path.toString(), scan.bytes(), scan.sha256(), rows));
        }
        return new SourceReport("USGS Mineral Commodity Summaries, world production by country (" + dataset + ")", CREDIT,
                                "https://www.usgs.gov/information-policies-and-instructions/copyrights-and-credits", reports);
    }

    /** "GALLIUM" from the metadata's first title "Mineral Commodity Summaries 2024 - GALLIUM Data Release", as "Gallium". */
    static Optional<String> commodityName(Path meta) {
        String title = UsgsMeta.firstTitle(meta);
        if (title == null) return Optional.empty();
        Matcher m = META_TITLE.matcher(title);
        if (!m.find()) return Optional.empty();
        StringBuilder sb = new StringBuilder();
        for (String w : m.group(1).toLowerCase(Locale.ROOT).split(" ")) {
            if (!sb.isEmpty()) sb.append(' ');
            int i = w.startsWith("(") ? 1 : 0;
            if (sb.isEmpty() || !SMALL_WORDS.contains(w))
                sb.append(w, 0, i).append(w.length() > i ? Character.toUpperCase(w.charAt(i)) + w.substring(i + 1) : "");
            else sb.append(w);
        }
        return Optional.of(sb.toString());
    }

    private record Row(long line, UsgsPlace place, String type, Map<String, UsgsFigure> figures) {}

    private static final class Block {
        final List<Row> rows = new ArrayList<>();
        Row total;
    }

    private long readWorld(Path path, String key, String commodity, Node fileNode) {
        List<Block> blocks = new ArrayList<>();
        List<UsgsColumn> columns;
        long count;
        try (CsvRecords rows = CsvRecords.open(path, List.of("Country"))) {
            columns = UsgsColumn.of(rows.header());
            // The production type is in column Type; fluorspar's header names the type itself in its place.
            List<String> header = rows.header();
            int countryAt = header.indexOf("Country");
            String typeColumn = header.contains("Type") ? "Type"
                : countryAt + 1 < header.size() && !header.get(countryAt + 1).startsWith("Prod_") ? header.get(countryAt + 1) : null;
            if (columns.isEmpty())
                throw new SourceDataException(path.getFileName().toString(), 1, null,
                    "no figure column in the header (expected Prod_<unit>_<year> or Cap_<unit>_<year>, e.g. Prod_kt_2022)");
            Block current = new Block();
            for (CsvRecord r : rows) {
                UsgsPlace place = UsgsPlace.parse(r, "Country");
                Map<String, UsgsFigure> figures = new LinkedHashMap<>();
                for (UsgsColumn c : columns) figures.put(c.name(), UsgsFigure.parse(r, c.name()));
                Row row = new Row(r.line(), place, typeColumn == null ? "" : r.get(typeColumn), figures);
                if (place.kind() == UsgsPlace.Kind.WORLD_TOTAL) {
                    current.total = row;
                    if (!current.rows.isEmpty()) blocks.add(current);
                    current = new Block();
                } else {
                    current.rows.add(row);
                }
            }
            if (!current.rows.isEmpty()) blocks.add(current);
            count = rows.count();
        }
        if (blocks.isEmpty())
            throw new SourceDataException(path.getFileName().toString(), 0, null, "no country rows");
        Node parent = nodes.writeItem(key, commodity, null);
        if (blocks.size() == 1) {
            writeBlock(path, parent, blocks.get(0), columns, fileNode);
        } else {
            List<Node> mines = new ArrayList<>(), refineries = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                String type = label(b);
                if (type.isEmpty()) type = "production type " + (i + 1);
                Node it = nodes.writeItem(key + "-" + (i + 1), commodity + ": " + type, type);
                out.add(it, CK.subtypeOf, parent);
                writeBlock(path, it, b, columns, fileNode);
                String lower = type.toLowerCase(Locale.ROOT);
                if (lower.contains("mine")) mines.add(it);
                else if (lower.contains("refinery") || lower.contains("smelter")) refineries.add(it);
            }
            for (Node mine : mines)
                for (Node refinery : refineries) out.add(mine, CK.feedsInto, refinery);
        }
        return count;
    }

    /** The block's production type: the Type its country rows share, else that of its world-total row. */
    private static String label(Block b) {
        Set<String> types = new java.util.LinkedHashSet<>();
        for (Row r : b.rows) types.add(r.type().trim());
        if (types.size() == 1) return types.iterator().next();
        return b.total != null ? b.total.type().trim() : String.join("; ", types);
    }

    /** The column the block's shares are computed from: the latest year with a figure, production before capacity. */
    private static UsgsColumn column(Block b, List<UsgsColumn> columns) {
        for (boolean production : new boolean[] {true, false}) {
            List<UsgsColumn> kind = columns.stream().filter(c -> c.production() == production)
                .sorted(Comparator.comparingInt(UsgsColumn::year).reversed()).toList();
            for (UsgsColumn c : kind) {
                boolean any = b.rows.stream().anyMatch(r -> r.figures().get(c.name()).known())
                              || (b.total != null && b.total.figures().get(c.name()).known());
                if (any) return c;
            }
        }
        return columns.stream().filter(UsgsColumn::production).findFirst().orElse(columns.get(0));
    }

    /** The rows of one provider in a block: usually one; helium lists the United States twice (two sources). */
    private record Supplier(UsgsPlace place, List<Row> rows) {}

    private void writeBlock(Path path, Node it, Block b, List<UsgsColumn> columns, Node fileNode) {
        UsgsColumn c = column(b, columns);
        String file = path.getFileName().toString();
        Map<String, Supplier> suppliers = new LinkedHashMap<>();
        for (Row r : b.rows) {
            String who = r.place().kind() == UsgsPlace.Kind.COUNTRY ? r.place().alpha3() : Iris.slug(r.place().name());
            suppliers.computeIfAbsent(who, k -> new Supplier(r.place(), new ArrayList<>())).rows().add(r);
        }
        // A provider listed on several rows of a block supplies their sum (unknown if any row is unknown).
        List<BigDecimal> volumes = new ArrayList<>();
        for (Supplier sup : suppliers.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Row r : sup.rows()) {
                BigDecimal v = r.figures().get(c.name()).value();
                sum = v == null || sum == null ? null : sum.add(v);
            }
            volumes.add(sum);
        }
        BigDecimal stated = b.total == null ? null : b.total.figures().get(c.name()).value();
        var shares = Shares.shares(stated, volumes);
        if (stated != null) out.decimal(it, CK.worldTotal, stated);
        if (c.unitName() != null) out.text(it, CK.unit, c.unitName(), "en");
        if (!c.production()) out.text(it, CK.basis, c.qualifier() == null ? "capacity" : "capacity, " + c.qualifier(), "en");
        else if (c.qualifier() != null) out.text(it, CK.basis, c.qualifier(), "en");
        String itemId = it.getURI().substring(it.getURI().lastIndexOf('/') + 1);
        int i = 0;
        for (Map.Entry<String, Supplier> e : suppliers.entrySet()) {
            Supplier sup = e.getValue();
            Node p = Iris.instance("usgs", dataset, "provision", itemId + "-" + e.getKey());
            out.type(p, CK.Provision);
            out.add(p, CK.provider, provider(sup.place()));
            out.add(p, CK.item, it);
            var share = shares.get(i);
            out.bool(p, CK.shareKnown, share.isPresent());
            share.ifPresent(v -> out.decimal(p, CK.sharePercent, v));
            if (volumes.get(i) != null) out.decimal(p, CK.volume, volumes.get(i));
            i++;
            boolean estimated = c.estimated();
            List<String> texts = new ArrayList<>();
            for (Row r : sup.rows()) {
                UsgsFigure f = r.figures().get(c.name());
                texts.add(f.text().trim());
                estimated |= f.estimated() || r.place().estimated();
                if (r.place().basis() != null) out.text(p, CK.basis, r.place().basis(), "en");
                out.integer(p, CK.sourceLine, r.line());
            }
            out.rawText(p, CK.volumeText, String.join(" + ", texts));
            if (estimated) out.bool(p, CK.estimated, true);
            out.typed(p, CK.year, String.valueOf(c.year()), XSDDatatype.XSDgYear);
            out.text(p, DCTerms.source.asNode(), CREDIT + ", " + file + ", column " + c.name());
            out.add(p, CK.sourceFile, fileNode);
        }
    }

    private Node provider(UsgsPlace place) {
        // residue ("Other countries") and combined rows ("United States and Canada"): never a supplier
        return place.kind() == UsgsPlace.Kind.COUNTRY ? nodes.country(place.alpha3(), place.name()) : nodes.residue(place.name());
    }
}
