package org.chainkg.source.patentsview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReport;
import org.chainkg.source.uspto.PatentNumbers;

/**
 * Reads PatentsView granted-patent data in either of its two published forms, or both side by side:
 * <ul>
 * <li>the bulk tables (tab-separated, header row, quoted fields): {@code g_patent.tsv} (required for the tables)
 *   and, when present, {@code g_patent_abstract.tsv}, {@code g_assignee_disambiguated.tsv} and
 *   {@code g_cpc_current.tsv};</li>
 * <li>PatentSearch API objects, one per line: {@code patents.jsonl} and, when present, {@code assignees.jsonl} and
 *   {@code inventors.jsonl} (see {@link ApiRecords}).</li>
 * </ul>
 * Patents get the same IRI as from USPTO XML ("US" + patent_id + wipo_kind, e.g. US8926509B2), so a patent loaded
 * from both sources is one node with the facts of both.
 * <pre>
 *   chainkg load --format patentsview data/patentsview/       (a folder holding g_patent.tsv ...)
 *   chainkg load --format patentsview data/patentsview-api/   (a folder holding patents.jsonl ...)
 * </pre>
 * Assignees are organisations {@code .../id/patentsview/assignee/ASSIGNEE_ID} (rows naming an individual make no
 * organisation); the bulk assignee table has no country, so none is written from it; the API gives
 * {@code assignee_country}, which becomes the organisation's {@code ck:country}.
 */
public final class PatentsViewReader implements SourceReader {
    public static final String FORMAT = "patentsview";
    public static final String VERSION = "1.0.0";
    static final String PATENT = "g_patent.tsv";
    static final String ABSTRACT = "g_patent_abstract.tsv";
    static final String ASSIGNEE = "g_assignee_disambiguated.tsv";
    static final String CPC = "g_cpc_current.tsv";
    static final List<String> TABLES = List.of(PATENT, ABSTRACT, ASSIGNEE, CPC);
    static final List<String> API = List.of(ApiRecords.PATENTS, ApiRecords.ASSIGNEES, ApiRecords.INVENTORS);
    static final List<String> FILES = java.util.stream.Stream.concat(TABLES.stream(), API.stream()).toList();
    private static final String CREDIT_TABLES = "USPTO PatentsView (patentsview.org): granted patent bulk data download tables";
    private static final String CREDIT_API = "USPTO PatentsView (patentsview.org): PatentSearch API records";
    private static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    private TripleWriter out;
    /** patent_id -> the patent's id ("US8926509B2"), from g_patent.tsv. */
    private final Map<String, String> patents = new HashMap<>();
    private final Set<Node> organisations = new HashSet<>();

    @Override public String format() { return FORMAT; }
    @Override public String version() { return VERSION; }

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
        SourcePaths.requireFiles(paths, format(), FILES::contains, "the PatentsView tables " + String.join(", ", TABLES)
            + " or the PatentSearch API files " + String.join(", ", API));
        Map<String, Path> files = resolveFiles(paths);
        if (files == null)
            throw new SourceDataException(String.valueOf(paths), 0, null, "a PatentsView source needs " + PATENT + " or "
                + ApiRecords.PATENTS + " (give its folder, or the g_*.tsv files including " + PATENT
                + ", or the *.jsonl files including " + ApiRecords.PATENTS + ")");
        out = new TripleWriter(stream);
        CpcSymbols cpc = new CpcSymbols(out);
        ApiRecords api = new ApiRecords(out, cpc, organisations);
        List<SourceReport.FileReport> reports = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Path path = e.getValue();
            FileScan scan = FileScan.scanText(path);
            Node fileNode = Iris.instance("file", scan.sha256());
            long rows = switch (e.getKey()) {
                case PATENT -> readPatents(path, fileNode);
                case ABSTRACT -> readAbstracts(path);
                case ASSIGNEE -> readAssignees(path);
                case CPC -> readCpc(path, cpc);
                default -> api.read(e.getKey(), path, fileNode);
            };
            reports.add(new SourceReport.FileReport(e.getKey(), path.toString(), scan.bytes(), scan.sha256(), rows));
        }
        boolean tables = files.containsKey(PATENT);
        boolean apiFiles = files.containsKey(ApiRecords.PATENTS);
        String credit = tables && apiFiles ? CREDIT_TABLES + "; PatentSearch API records" : tables ? CREDIT_TABLES : CREDIT_API;
        return new SourceReport("PatentsView granted patents (" + datasetKey(paths) + "): "
                                + (patents.size() + api.patentCount()) + " patents", credit, LICENSE, reports);
    }

    /**
     * The known files by name, g_patent.tsv first, then the API files; null when neither g_patent.tsv nor
     * patents.jsonl is there, or when the tables other than g_patent.tsv come without it (and the same for the API).
     */
    static Map<String, Path> resolveFiles(List<Path> paths) {
        if (!SourcePaths.onlyNamed(paths, FILES)) return null; // a file that is not a PatentsView table
        Map<String, Path> found = SourcePaths.named(paths, FILES);
        boolean tables = TABLES.stream().anyMatch(found::containsKey);
        boolean api = API.stream().anyMatch(found::containsKey);
        if (tables && !found.containsKey(PATENT) || api && !found.containsKey(ApiRecords.PATENTS)) return null;
        return tables || api ? found : null;
    }

    private long readPatents(Path path, Node fileNode) {
        try (TsvTable t = TsvTable.open(path, List.of("patent_id", "patent_date", "patent_title", "wipo_kind"))) {
            Map<String, Long> lines = new HashMap<>();
            for (TsvTable.Row r : t) {
                String patentId = r.require("patent_id");
                Long first = lines.putIfAbsent(patentId, r.line());
                if (first != null)
                    throw r.error("patent_id", "duplicate patent " + patentId + " (first at line " + first + ")");
                String kind = r.require("wipo_kind");
                String id = PatentNumbers.id("US", patentId, kind)
                    .orElseThrow(() -> r.error("patent_id", "\"" + patentId + "\" is not a patent number"));
                patents.put(patentId, id);
                Node p = PatentNumbers.iri(id);
                out.type(p, CK.Patent, CK.ResearchOutput);
                out.text(p, DCTerms.identifier.asNode(), id);
                out.text(p, DCTerms.title.asNode(), collapse(r.get("patent_title")), "en");
                out.typed(p, DCTerms.issued.asNode(), date(r, "patent_date"), XSDDatatype.XSDdate);
                out.text(p, CK.patentKind, kind);
                out.integer(p, CK.sourceLine, r.line());
                out.add(p, CK.sourceFile, fileNode);
            }
            return t.count();
        }
    }

    private long readAbstracts(Path path) {
        try (TsvTable t = TsvTable.open(path, List.of("patent_id", "patent_abstract"))) {
            for (TsvTable.Row r : t)
                out.text(patent(r), DCTerms.abstract_.asNode(), collapse(r.get("patent_abstract")), "en");
            return t.count();
        }
    }

    private long readAssignees(Path path) {
        List<String> required = List.of("patent_id", "assignee_id", "disambig_assignee_individual_name_first",
            "disambig_assignee_individual_name_last", "disambig_assignee_organization");
        try (TsvTable t = TsvTable.open(path, required)) {
            for (TsvTable.Row r : t) {
                Node p = patent(r);
                String name = r.get("disambig_assignee_organization");
                if (name.isEmpty()) {
                    if (r.get("disambig_assignee_individual_name_last").isEmpty() && r.get("disambig_assignee_individual_name_first").isEmpty())
                        throw r.error("disambig_assignee_organization", "the row names neither an organisation nor a person");
                    continue; // an individual assignee: no organisation
                }
                String assigneeId = r.require("assignee_id");
                Node org = Iris.instance("patentsview", "assignee", assigneeId);
                if (organisations.add(org)) {
                    out.type(org, Vocab.orgOrganization);
                    out.text(org, DCTerms.identifier.asNode(), assigneeId);
                    out.integer(org, CK.sourceLine, r.line());
                }
                out.text(org, RDFS.label.asNode(), collapse(name));
                out.text(org, CK.sourceName, name);
                out.add(p, CK.assignee, org);
            }
            return t.count();
        }
    }

    private long readCpc(Path path, CpcSymbols cpc) {
        try (TsvTable t = TsvTable.open(path, List.of("patent_id", "cpc_subclass", "cpc_group", "cpc_type"))) {
            for (TsvTable.Row r : t) {
                Node p = patent(r);
                String group = r.require("cpc_group");
                String symbol = CpcSymbols.normalise(group).orElseThrow(() -> r.error("cpc_group",
                    "\"" + group + "\" is not a CPC symbol (expected e.g. H01L21/027)"));
                String subclass = r.get("cpc_subclass");
                if (!subclass.isEmpty() && !symbol.startsWith(subclass))
                    throw r.error("cpc_subclass", "\"" + subclass + "\" is not the subclass of cpc_group \"" + group + "\"");
                Node property = switch (r.get("cpc_type")) {
                    case "inventional" -> CK.cpcInventive;
                    case "additional" -> CK.cpcAdditional;
                    default -> throw r.error("cpc_type", "\"" + r.get("cpc_type") + "\" is neither inventional nor additional");
                };
                out.add(p, property, cpc.concept(symbol).orElseThrow());
            }
            return t.count();
        }
    }

    /** The patent of a row of a table other than g_patent.tsv; it must be in g_patent.tsv. */
    private Node patent(TsvTable.Row r) {
        String patentId = r.require("patent_id");
        String id = patents.get(patentId);
        if (id == null)
            throw r.error("patent_id", "patent " + patentId + " is not in " + PATENT);
        return PatentNumbers.iri(id);
    }

    private static String date(TsvTable.Row r, String column) {
        String v = r.require(column);
        try {
            return LocalDate.parse(v).toString();
        } catch (DateTimeParseException e) {
            throw r.error(column, "\"" + v + "\" is not a date (expected YYYY-MM-DD, e.g. 2015-01-06)");
        }
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
