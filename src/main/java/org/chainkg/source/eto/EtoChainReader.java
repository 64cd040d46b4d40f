package org.chainkg.source.eto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * Reads the ETO/CSET Advanced Semiconductor Supply Chain dataset (the five CSVs behind chipexplorer.eto.tech:
 * stages, inputs, providers, sequence, provision) and streams it as RDF, one record at a time.
 * <p>
 * Quirks handled (see data/eto-chip-explorer/NOTICE.md): an empty share means "supplies, figure unknown"
 * ({@code ck:shareKnown false}, no {@code ck:sharePercent}); provision rows may name a stage (S1..S3) instead of
 * an input; "Various countries"/"Various companies" are {@code ck:UnattributedProvider}s; quoted fields span
 * lines; each item keeps its ETO id as {@code dcterms:identifier} and each record its source line.
 * <p>
 * Both published schemas are read: the current one (August 2026: {@code year} and {@code source} per provision, provider
 * aliases) and the September 2022 release's (shares written {@code 61%}, a {@code negligible_market_share} flag, no
 * year, residue named {@code Various}, Malaysia as {@code MAL}). A provider flagged negligible is listed with its
 * share unknown unless a figure is given, and carries {@code ck:flaggedNegligible true}. The 2022 {@code inputs.csv}
 * is Mac OS Roman: load it with {@code --encoding x-MacRoman}.
 */
public final class EtoChainReader implements SourceReader {
    public static final String FORMAT = "eto";
    public static final String VERSION = "1.1.0";
    static final List<String> FILES = List.of("stages.csv", "inputs.csv", "providers.csv", "sequence.csv", "provision.csv");

    private static final String CREDIT = "Emerging Technology Observatory (ETO), Center for Security and Emerging "
        + "Technology (CSET), Georgetown University: Advanced Semiconductor Supply Chain dataset (chipexplorer.eto.tech)";
    private static final Map<String, Node> ITEM_TYPES = Map.of(
        "tool_resource", CK.Tool, "material_resource", CK.Material, "process", CK.Process,
        "design_resource", CK.DesignResource, "ultimate_output", CK.FinalOutput);

    private TripleWriter out;
    private String dataset;
    private Node chain;
    /** ETO id -> line where it was defined, per kind: stages and inputs share one id space ("items"). */
    private final Map<String, Long> items = new HashMap<>();
    private final Map<String, Node> providers = new HashMap<>();
    private final Map<String, ProviderRow> providerRows = new HashMap<>();
    private final Set<String> countriesWritten = new HashSet<>();

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }
    @Override public boolean takesEncoding() { return true; }

    @Override
    public boolean accepts(List<Path> paths) {
        return resolveFiles(paths) != null;
    }

    @Override
    public String datasetKey(List<Path> paths) {
        return SourcePaths.folderKey(paths, FORMAT);
    }

    @Override
    public SourceReport read(List<Path> paths, StreamRDF stream) {
        SourcePaths.requireFiles(paths, format(), FILES::contains, "the ETO files " + String.join(", ", FILES));
        Map<String, Path> files = resolveFiles(paths);
        if (files == null)
            throw new SourceDataException(String.valueOf(paths), 0, null,
                "an ETO dataset needs the files " + String.join(", ", FILES) + " (give their folder or all five)");
        this.out = new TripleWriter(stream);
        this.dataset = datasetKey(paths);
        this.chain = Iris.instance("eto", dataset, "chain");
        out.type(chain, CK.IndustrialChain);
        out.text(chain, RDFS.label.asNode(), "Industrial chain of ETO dataset '" + dataset + "'", "en");
        out.text(chain, DCTerms.source.asNode(), CREDIT);

        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (String name : FILES) {
            Path path = files.get(name);
            FileScan scan = FileScan.scanText(path);
            long rows = switch (name) {
                case "stages.csv" -> readStages(path);
                case "inputs.csv" -> readInputs(path);
                case "providers.csv" -> readProviders(path);
                case "sequence.csv" -> readSequence(path);
                default -> readProvision(path);
            };
            reports.add(new SourceReport.FileReport(name, path.toString(), scan.bytes(), scan.sha256(), rows));
        }
        return new SourceReport("ETO Advanced Semiconductor Supply Chain dataset (" + dataset + ")", CREDIT,
                                "https://creativecommons.org/licenses/by/4.0/", reports);
    }

    /** The five files by name, from one folder or from the files themselves; null when any is missing. */
    static Map<String, Path> resolveFiles(List<Path> paths) {
        Map<String, Path> found = SourcePaths.named(paths, FILES);
        return found.size() == FILES.size() ? found : null;
    }

    private Node item(String id) { return Iris.instance("eto", dataset, id.startsWith("S") ? "stage" : "item", id); }

    private void defineItem(CsvRecord r, String column, String id) {
        Long first = items.putIfAbsent(id, r.line());
        if (first != null)
            throw r.error(column, "duplicate id \"" + id + "\" (first defined at line " + first + ")");
    }

    private long readStages(Path path) {
        try (CsvRecords rows = CsvRecords.open(path, List.of("stage_id", "stage_name", "description"))) {
            for (CsvRecord r : rows) {
                String id = EtoValues.id(r, "stage_id", "S");
                defineItem(r, "stage_id", id);
                Node s = item(id);
                out.type(s, CK.ChainStage, CK.ChainElement);
                out.text(s, DCTerms.identifier.asNode(), id);
                out.text(s, RDFS.label.asNode(), r.require("stage_name"), "en");
                out.text(s, DCTerms.description.asNode(), r.get("description"), "en");
                out.text(s, CK.marketSize, r.get("market_share_chart_global_market_size_info"));
                out.text(s, DCTerms.source.asNode(), r.get("market_share_chart_source"));
                out.add(s, CK.inChain, chain);
                out.integer(s, CK.sourceLine, r.line());
            }
            return rows.count();
        }
    }

    private long readInputs(Path path) {
        try (CsvRecords rows = CsvRecords.open(path, List.of("input_id", "input_name", "type", "stage_id", "description"))) {
            for (CsvRecord r : rows) {
                String id = EtoValues.id(r, "input_id", "N");
                defineItem(r, "input_id", id);
                Node type = ITEM_TYPES.get(r.get("type"));
                if (type == null)
                    throw r.error("type", "\"" + r.get("type") + "\" is not an ETO input type (use one of "
                                          + String.join(", ", new java.util.TreeSet<>(ITEM_TYPES.keySet())) + ")");
                Node s = item(id);
                out.type(s, CK.ChainItem, CK.ChainElement, type);
                out.text(s, DCTerms.identifier.asNode(), id);
                out.text(s, RDFS.label.asNode(), r.require("input_name"), "en");
                out.text(s, DCTerms.description.asNode(), r.get("description"), "en");
                String stage = r.get("stage_id");
                if (!stage.isEmpty()) {
                    if (!stage.startsWith("S") || !items.containsKey(stage))
                        throw r.error("stage_id", "stage \"" + stage + "\" is not defined in stages.csv");
                    out.add(s, CK.inStage, item(stage));
                }
                EtoValues.year(r, "year").ifPresent(y -> out.typed(s, CK.year, y, org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear));
                out.text(s, CK.marketSize, r.get("market_share_chart_global_market_size_info"));
                out.text(s, DCTerms.source.asNode(), r.get("market_share_chart_source"));
                out.add(s, CK.inChain, chain);
                out.integer(s, CK.sourceLine, r.line());
            }
            return rows.count();
        }
    }

    private long readProviders(Path path) {
        try (CsvRecords rows = CsvRecords.open(path, List.of("provider_name", "provider_id", "provider_type", "country"))) {
            for (CsvRecord r : rows) {
                String id = EtoValues.id(r, "provider_id", "P");
                String name = r.require("provider_name");
                String kind = r.get("provider_type");
                String key = name + "|" + kind + "|" + r.get("country");
                ProviderRow first = providerRows.get(id);
                if (first != null) {
                    // ETO repeats a provider's row to list more aliases; a repeat that disagrees is an error.
                    if (!first.key().equals(key))
                        throw r.error("provider_id", "duplicate id \"" + id + "\" with another name, type or country than at line "
                                                     + first.line() + " (\"" + first.key().replace('|', ',') + "\")");
                    out.text(providers.get(id), SKOS.altLabel.asNode(), r.get("alias"));
                    continue;
                }
                providerRows.put(id, new ProviderRow(key, r.line()));
                providers.put(id, provider(r, id, name, kind));
            }
            return rows.count();
        }
    }

    private Node provider(CsvRecord r, String id, String name, String kind) {
        Node p;
        if (EtoValues.isResidue(name)) {
            p = Iris.instance("eto", dataset, "provider", id);
            out.type(p, CK.UnattributedProvider);
            out.text(p, DCTerms.identifier.asNode(), id);
            out.text(p, RDFS.label.asNode(), name, "en");
        } else if (kind.equals("country")) {
            String code = countryCode(r, name);
            p = country(code);
            out.text(p, RDFS.label.asNode(), r.get("alias"), "en");
        } else if (kind.equals("organization")) {
            p = Iris.instance("eto", dataset, "provider", id);
            out.type(p, CK.Firm, Vocab.orgOrganization);
            out.text(p, DCTerms.identifier.asNode(), id);
            out.text(p, RDFS.label.asNode(), name);
            out.text(p, FOAF.name.asNode(), name);
            out.text(p, SKOS.altLabel.asNode(), r.get("alias"));
            String c = r.get("country");
            if (!c.isEmpty() && !EtoValues.isResidue(c)) {
                if (!Iris.isCountryCode(c))
                    throw r.error("country", "\"" + c + "\" is not an ISO 3166-1 alpha-3 country code (e.g. USA, CHN)");
                out.add(p, CK.country, country(c));
            }
            out.integer(p, CK.sourceLine, r.line());
        } else {
            throw r.error("provider_type", "\"" + kind + "\" is not a provider type (use country or organization)");
        }
        return p;
    }

    private record ProviderRow(String key, long line) {}

    private record ProvisionRow(String values, long line) {}

    /**
     * The alpha-3 code of a country provider: its name when that is an ISO code (or ETO's region EUR), else the
     * curated name table (the 2022 release writes MAL for Malaysia), else the country column.
     */
    private static String countryCode(CsvRecord r, String name) {
        if (org.chainkg.rdf.CountryCodes.isAlpha3(name) || name.equals("EUR")) return name;
        var entry = org.chainkg.source.CountryNames.lookup(name).filter(org.chainkg.source.CountryNames.Entry::isCountry);
        if (entry.isPresent()) return entry.get().alpha3();
        String c = r.get("country");
        if (org.chainkg.rdf.CountryCodes.isAlpha3(c)) return c;
        throw r.error("provider_name", "country provider \"" + name + "\" has no ISO 3166-1 alpha-3 code and is not in "
            + "the country-name table (put the code in provider_name or country)");
    }

    private Node country(String code) {
        Node c = Iris.country(code);
        if (countriesWritten.add(code)) {
            out.type(c, CK.Country);
            out.text(c, SKOS.notation.asNode(), code);
        }
        return c;
    }

    private long readSequence(Path path) {
        try (CsvRecords rows = CsvRecords.open(path, List.of("input_id", "goes_into_id", "is_type_of_id"))) {
            for (CsvRecord r : rows) {
                String from = knownItem(r, "input_id", r.require("input_id"));
                String into = r.get("goes_into_id");
                String typeOf = r.get("is_type_of_id");
                if (into.isEmpty() && typeOf.isEmpty())
                    throw r.error("goes_into_id", "the row links to nothing (fill goes_into_id or is_type_of_id)");
                if (!into.isEmpty())
                    out.add(item(from), CK.feedsInto, item(knownItem(r, "goes_into_id", into)));
                if (!typeOf.isEmpty())
                    out.add(item(from), CK.subtypeOf, item(knownItem(r, "is_type_of_id", typeOf)));
            }
            return rows.count();
        }
    }

    private String knownItem(CsvRecord r, String column, String id) {
        if (!items.containsKey(id))
            throw r.error(column, "\"" + id + "\" is not an input or stage id defined in inputs.csv or stages.csv");
        return id;
    }

    private long readProvision(Path path) {
        Map<String, ProvisionRow> seen = new HashMap<>();
        try (CsvRecords rows = CsvRecords.open(path, List.of("provider_id", "provided_id", "share_provided"))) {
            for (CsvRecord r : rows) {
                String providerId = r.require("provider_id");
                Node provider = providers.get(providerId);
                if (provider == null)
                    throw r.error("provider_id", "\"" + providerId + "\" is not a provider id defined in providers.csv");
                String itemId = knownItem(r, "provided_id", r.require("provided_id"));
                String values = String.join("\u0000", r.get("share_provided"), r.get("negligible_market_share"),
                                            r.get("year"), r.get("source"));
                ProvisionRow first = seen.putIfAbsent(providerId + "/" + itemId, new ProvisionRow(values, r.line()));
                if (first != null) {
                    // The 2022 release repeats one row verbatim (Powertech/S3): an identical repeat adds nothing.
                    if (first.values().equals(values)) continue;
                    throw r.error("provided_id", "duplicate provision row for provider " + providerId + " and item "
                                                 + itemId + " with other values than at line " + first.line());
                }
                Node p = Iris.instance("eto", dataset, "provision", providerId + "-" + itemId);
                out.type(p, CK.Provision);
                out.add(p, CK.provider, provider);
                out.add(p, CK.item, item(itemId));
                String shareText = r.get("share_provided");
                out.rawText(p, CK.shareText, shareText);
                EtoValues.share(r, "share_provided").ifPresentOrElse(
                    share -> { out.bool(p, CK.shareKnown, true); out.decimal(p, CK.sharePercent, share); },
                    () -> out.bool(p, CK.shareKnown, false));
                if (EtoValues.negligible(r, "negligible_market_share")) out.bool(p, CK.flaggedNegligible, true);
                EtoValues.year(r, "year").ifPresent(y -> out.typed(p, CK.year, y, org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear));
                out.text(p, DCTerms.source.asNode(), r.get("source"));
                out.integer(p, CK.sourceLine, r.line());
            }
            return rows.count();
        }
    }
}
