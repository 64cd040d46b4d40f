package org.chainkg.source.iea;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.CountryNames;
import org.chainkg.source.FileScan;
import org.chainkg.source.Shares;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;

/**
 * Reads the IEA Critical Minerals Data Explorer supply figures ({@code iea.json}:
 * {@code supply.<mineral>.<stage>.countries.<country>.<year>} in kilotonnes, with the stage {@code total}) into the
 * chain model, streaming with Jackson's parser so that every error names its line and JSON path.
 * <ul>
 * <li>Each mineral is an item ({@code copper}), each stage an item of its own ({@code copper-mining},
 * {@code copper-refining}, {@code ck:subtypeOf} the mineral), and mining {@code ck:feedsInto} refining.</li>
 * <li>The earliest year (2024) is the reported figure: a {@code ck:Provision} per country with its share of the
 * stage total (see {@link Shares}; "Rest of world" is residue, never a supplier; {@code null} is unknown).</li>
 * <li>Every later year (2030, 2035, 2040) is the IEA base-case projection: a {@code ck:ScenarioFigure}, with its own
 * properties, that no current-status query reads.</li>
 * <li>Keys under {@code countries} whose values are all null and that name no country are spreadsheet notes that the
 * conversion to JSON carried along (rare earths: "Notes: Supply projections ..."): kept as the item's
 * {@code skos:note}, never a provider. Any other name that is in no table is an error.</li>
 * </ul>
 */
public final class IeaMineralsReader implements SourceReader {
    public static final String FORMAT = "iea-minerals";
    public static final String VERSION = "1.0.0";
    static final String FILE = "iea.json";
    static final String CREDIT = "Source: IEA (2024) Critical Minerals Data Explorer, CC BY 4.0; converted to JSON by "
        + "barrytho/uk-critical-minerals-dashboard; modified";
    static final String SCENARIO = "IEA base case";
    private static final JsonFactory JSON = new JsonFactory();

    private TripleWriter out;
    private String dataset;
    private Node fileNode;
    private String file;
    private org.chainkg.source.SupplyNodes nodes;

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

    @Override
    public boolean accepts(List<Path> paths) {
        return SourcePaths.named(paths, List.of(FILE)).containsKey(FILE);
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.folderKey(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), FILE::equals, "the file " + FILE);
        Path path = SourcePaths.named(paths, List.of(FILE)).get(FILE);
        if (path == null) throw new SourceDataException(String.valueOf(paths), 0, null, "no " + FILE);
        this.out = new TripleWriter(stream);
        this.dataset = datasetKey(paths);
        this.file = path.getFileName().toString();
        FileScan scan = FileScan.scanText(path);
        this.fileNode = Iris.instance("file", scan.sha256());
        this.nodes = new org.chainkg.source.SupplyNodes(out, "iea", dataset, "Critical minerals, mining and refining by country (IEA)",
                                                        "关键矿产各国开采与精炼（国际能源署）", CREDIT);
        long minerals;
        try (Reader reader = org.chainkg.source.csv.TextFields.reader(path); JsonParser p = JSON.createParser(reader)) {
            minerals = readTop(p);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceDataException(file, line, null, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceDataException(file, 0, null, "cannot read: " + e.getMessage(), e);
        }
        return new SourceReport("IEA Critical Minerals Data Explorer, supply by country (" + dataset + ")", CREDIT,
            "https://creativecommons.org/licenses/by/4.0/",
            List.of(new SourceReport.FileReport(file, path.toString(), scan.bytes(), scan.sha256(), minerals)));
    }

    private SourceDataException error(JsonParser p, String path, String problem) {
        return new SourceDataException(file, p.currentTokenLocation().getLineNr(), path, problem);
    }

    private long readTop(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw error(p, null, "expected a JSON object with a \"supply\" field");
        long minerals = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("supply")) minerals = readSupply(p);
            else p.skipChildren();   // demand tables: not supply by country
        }
        if (minerals < 0) throw new SourceDataException(file, 0, "supply", "the file has no \"supply\" object");
        return minerals;
    }

    private long readSupply(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "supply");
        long n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String mineral = p.currentName();
            p.nextToken();
            String at = "supply." + mineral;
            expect(p, JsonToken.START_OBJECT, at);
            String id = Iris.slug(mineral.toLowerCase(Locale.ROOT));
            Node parent = nodes.writeItem(id, mineral, null);
            Map<String, Node> stages = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String stage = p.currentName();
                p.nextToken();
                String stageId = id + "-" + Iris.slug(stage.toLowerCase(Locale.ROOT));
                Node it = nodes.writeItem(stageId, mineral + ": " + stage, stage);
                out.add(it, CK.subtypeOf, parent);
                stages.put(stage.toLowerCase(Locale.ROOT), it);
                readStage(p, at + "." + stage, it, stageId);
            }
            if (stages.containsKey("mining") && stages.containsKey("refining"))
                out.add(stages.get("mining"), CK.feedsInto, stages.get("refining"));
            n++;
        }
        return n;
    }

    private void expect(JsonParser p, JsonToken token, String path) {
        if (p.currentToken() != token)
            throw error(p, path, "expected " + (token == JsonToken.START_OBJECT ? "an object" : token) + ", found " + p.currentToken());
    }

    /** One country row of a stage: its line and figures by year (null: unknown). */
    private record Row(String name, long line, Map<String, BigDecimal> years) {}

    private void readStage(JsonParser p, String at, Node it, String stageId) throws IOException {
        expect(p, JsonToken.START_OBJECT, at);
        List<Row> rows = new ArrayList<>();
        Map<String, BigDecimal> total = Map.of();
        long stageLine = p.currentTokenLocation().getLineNr();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("countries")) {
                expect(p, JsonToken.START_OBJECT, at + ".countries");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String country = p.currentName();
                    long line = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    rows.add(new Row(country, line, years(p, at + ".countries." + country)));
                }
            } else if (field.equals("total")) {
                total = years(p, at + ".total");
            } else {
                p.skipChildren();   // top3Share: derivable
            }
        }
        TreeSet<String> years = new TreeSet<>(total.keySet());
        rows.forEach(r -> years.addAll(r.years().keySet()));
        if (years.isEmpty()) throw new SourceDataException(file, stageLine, at, "the stage has no figures by year");
        String reported = years.first();
        List<Row> providers = new ArrayList<>();
        for (Row r : rows) {
            Optional<CountryNames.Entry> e = CountryNames.lookup(r.name());
            if (e.isEmpty() && r.years().values().stream().allMatch(v -> v == null)) {
                out.text(it, SKOS.note.asNode(), r.name(), "en");   // a spreadsheet note carried into the JSON
                continue;
            }
            if (e.isEmpty())
                throw new SourceDataException(file, r.line(), at + ".countries." + r.name(), CountryNames.notInTable(r.name(), "\"Rest of world\""));
            providers.add(r);
        }
        out.text(it, CK.unit, "thousand metric tons", "en");
        for (String year : years) {
            List<BigDecimal> volumes = providers.stream().map(r -> r.years().get(year)).toList();
            BigDecimal stated = total.get(year);
            if (stated != null && year.equals(reported)) out.decimal(it, CK.worldTotal, stated);
            var shares = Shares.shares(stated, volumes);
            for (int i = 0; i < providers.size(); i++) {
                Row r = providers.get(i);
                CountryNames.Entry e = CountryNames.lookup(r.name()).orElseThrow();
                String who = e.isCountry() ? e.alpha3() : Iris.slug(e.name().toLowerCase(Locale.ROOT));
                boolean now = year.equals(reported);
                Node f = Iris.instance("iea", dataset, now ? "provision" : "scenario", stageId + "-" + who + (now ? "" : "-" + year));
                if (now) {
                    out.type(f, CK.Provision);
                    out.add(f, CK.provider, provider(e));
                    out.add(f, CK.item, it);
                } else {
                    out.type(f, CK.ScenarioFigure);
                    out.add(f, CK.figureProvider, provider(e));
                    out.add(f, CK.figureItem, it);
                    out.text(f, CK.scenario, SCENARIO + " " + year, "en");
                }
                var share = shares.get(i);
                out.bool(f, CK.shareKnown, share.isPresent());
                share.ifPresent(s -> out.decimal(f, CK.sharePercent, s));
                if (volumes.get(i) != null) out.decimal(f, CK.volume, volumes.get(i));
                out.rawText(f, CK.volumeText, volumes.get(i) == null ? "null" : volumes.get(i).toPlainString());
                out.typed(f, CK.year, year, XSDDatatype.XSDgYear);
                out.text(f, DCTerms.source.asNode(), CREDIT + ", " + file + ", " + at + ".countries." + r.name() + "." + year);
                out.integer(f, CK.sourceLine, r.line());
                out.add(f, CK.sourceFile, fileNode);
            }
        }
    }

    /** An object of year -> number or null. */
    private Map<String, BigDecimal> years(JsonParser p, String at) throws IOException {
        expect(p, JsonToken.START_OBJECT, at);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String year = p.currentName();
            JsonToken t = p.nextToken();
            if (!year.matches("\\d{4}")) throw error(p, at + "." + year, "\"" + year + "\" is not a year (expected e.g. \"2024\")");
            if (t == JsonToken.VALUE_NULL) out.put(year, null);
            else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal v = p.getDecimalValue();
                if (v.signum() < 0) throw error(p, at + "." + year, "negative figure " + v);
                out.put(year, v);
            } else throw error(p, at + "." + year, "expected a number or null, found " + p.getText());
        }
        return out;
    }

    private Node provider(CountryNames.Entry e) {
        return e.isCountry() ? nodes.country(e.alpha3(), e.name()) : nodes.residue(e.name());
    }
}
