package org.chainkg.source.cordis;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * The rows of CORDIS "organizations" CSVs, one participation of one organisation in one project per row:
 * <ul>
 * <li>organisation {@code id/cordis/org/PIC} (once per organisationID, described by its first row):
 *     org:Organization, plus ck:University + ck:ResearchOrganisation for activity type HES, ck:ResearchInstitute +
 *     ck:ResearchOrganisation for REC, ck:Firm for PRC (PUB and OTH add nothing); ck:activityType,
 *     dcterms:identifier and ck:pic the PIC, rdfs:label the name (whitespace collapsed), ck:sourceName the name as
 *     printed, skos:altLabel (and ck:sourceName) names of later rows that differ, skos:hiddenLabel the short name,
 *     ck:vatNumber, ck:country, ck:sme (first row that gives it), foaf:homepage when organizationURL is an absolute
 *     http(s) IRI (CORDIS also has bare "www.example.org" values, which are not kept), ck:sourceLine;</li>
 * <li>project {@code id/cordis/project/ID}: ck:ResearchProject, dcterms:identifier, rdfs:label the acronym,
 *     ck:participant the organisation, ck:participation the participation, ck:sourceLine of its first row;</li>
 * <li>participation {@code id/cordis/participation/PROJECT-PIC}: ck:Participation, ck:organisation, ck:role,
 *     ck:activityType and ck:sme as on that row, ck:ecContribution (euro; "," accepted as decimal mark when there
 *     is no "."), ck:sourceLine. When the same organisation has a second row in a project with another role or
 *     order (CORDIS lists some as participant and third party), that row's IRI ends in {@code -ROLE-ORDER}.</li>
 * </ul>
 * A row repeating the same project, organisation, role and order is refused: it would count the EU contribution
 * twice.
 */
final class CordisParticipations {
    static final Map<String, List<Node>> ACTIVITY_TYPES = Map.of(
        "HES", List.of(CK.University, CK.ResearchOrganisation),
        "REC", List.of(CK.ResearchInstitute, CK.ResearchOrganisation),
        "PRC", List.of(CK.Firm),
        "PUB", List.of(),
        "OTH", List.of());
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?[0-9]+,[0-9]+");
    private final TripleWriter out;
    /** Per organisation and per project: the values already written, so that later rows add only new names. */
    private final Map<String, Set<String>> organisations = new HashMap<>();
    private final Map<String, Set<String>> projects = new HashMap<>();
    /** projectID/PIC/role/order -> line of the row, to refuse repeated rows. */
    private final Map<String, Long> rows = new HashMap<>();
    private final Set<String> participationIds = new HashSet<>();
    private Node fileNode;

    CordisParticipations(TripleWriter out) {
        this.out = out;
    }

    /** True when an organisations file read so far has rows of this project. */
    boolean hasProject(String projectId) {
        return projects.containsKey(projectId);
    }

    static Node project(String projectId) { return Iris.instance("cordis", "project", projectId); }

    long read(Path path, Node file) {
        this.fileNode = file;
        try (CsvRecords csv = CsvRecords.open(path, CordisReader.ORGANISATION_COLUMNS)) {
            for (CsvRecord r : csv)
                row(r);
            return csv.count();
        }
    }

    private void row(CsvRecord r) {
        String projectId = id(r, "projectID", "a CORDIS project id");
        String pic = id(r, "organisationID", "a CORDIS organisation id (PIC)");
        String activity = r.require("activityType");
        if (!ACTIVITY_TYPES.containsKey(activity))
            throw r.error("activityType", "\"" + activity + "\" is not a CORDIS activity type (use HES, REC, PRC, PUB or OTH)");
        String role = r.require("role");
        String order = r.get("order");
        Long first = rows.putIfAbsent(projectId + "/" + pic + "/" + role + "/" + order, r.line());
        if (first != null)
            throw r.error("organisationID", "duplicate participation: organisation " + pic + " is already listed in project "
                + projectId + " as " + role + " (order " + order + ") at line " + first
                + "; remove the repeated row, or its EU contribution would count twice");
        BigDecimal contribution = euro(r, "ecContribution");
        Boolean sme = sme(r);

        Node org = organisation(r, pic, activity, sme);
        Node project = project(r, projectId);
        String local = projectId + "-" + pic;
        if (!participationIds.add(local)) local = local + "-" + role + "-" + order;
        Node p = Iris.instance("cordis", "participation", local);
        out.type(p, CK.Participation);
        out.add(p, CK.organisation, org);
        out.text(p, CK.role, role);
        out.text(p, CK.activityType, activity);
        if (contribution != null) out.decimal(p, CK.ecContribution, contribution);
        if (sme != null) out.bool(p, CK.sme, sme);
        out.integer(p, CK.sourceLine, r.line());
        out.add(p, CK.sourceFile, fileNode);
        out.add(project, CK.participant, org);
        out.add(project, CK.participation, p);
    }

    private Node organisation(CsvRecord r, String pic, String activity, Boolean sme) {
        Node o = Iris.instance("cordis", "org", pic);
        String raw = r.require("name");
        String name = raw.strip().replaceAll("\\s+", " ");
        Set<String> written = organisations.get(pic);
        if (written == null) {
            written = new HashSet<>();
            organisations.put(pic, written);
            out.type(o, Vocab.orgOrganization);
            out.type(o, ACTIVITY_TYPES.get(activity).toArray(Node[]::new));
            out.text(o, CK.activityType, activity);
            out.text(o, DCTerms.identifier.asNode(), pic);
            out.text(o, CK.pic, pic);
            out.text(o, RDFS.label.asNode(), name);
            written.add("label " + name);
            country(r, o);
            out.integer(o, CK.sourceLine, r.line());
            out.add(o, CK.sourceFile, fileNode);
        } else if (written.add("label " + name)) {
            out.text(o, SKOS.altLabel.asNode(), name);
        }
        if (written.add("name " + raw)) out.text(o, CK.sourceName, raw);
        String shortName = r.get("shortName");
        if (!shortName.isEmpty() && written.add("short " + shortName)) out.text(o, SKOS.hiddenLabel.asNode(), shortName);
        String vat = r.get("vatNumber");
        if (!vat.isEmpty() && written.add("vat " + vat)) out.text(o, CK.vatNumber, vat);
        if (sme != null && written.add("sme")) out.bool(o, CK.sme, sme);
        String url = r.get("organizationURL");
        if (isWebIri(url) && written.add("url " + url)) out.add(o, FOAF.homepage.asNode(), NodeFactory.createURI(url));
        return o;
    }

    private Node project(CsvRecord r, String projectId) {
        Node p = project(projectId);
        String acronym = r.get("projectAcronym");
        Set<String> written = projects.get(projectId);
        if (written == null) {
            written = new HashSet<>();
            projects.put(projectId, written);
            out.type(p, CK.ResearchProject);
            out.text(p, DCTerms.identifier.asNode(), projectId);
            out.text(p, RDFS.label.asNode(), acronym);
            written.add(acronym);
            out.integer(p, CK.sourceLine, r.line());
            out.add(p, CK.sourceFile, fileNode);
        } else if (written.add(acronym)) {
            out.text(p, SKOS.altLabel.asNode(), acronym);
        }
        return p;
    }

    private void country(CsvRecord r, Node o) {
        String code = r.get("country");
        if (code.isEmpty()) return;
        String alpha3 = CountryCodes.alpha3(code).orElseThrow(() -> r.error("country",
            "\"" + code + "\" is not a country code (CORDIS uses ISO 3166-1 alpha-2, with UK and EL)"));
        out.add(o, CK.country, countryNodes().node(alpha3));
    }

    private static String id(CsvRecord r, String column, String what) {
        String v = r.require(column);
        if (!DIGITS.matcher(v).matches())
            throw r.error(column, "\"" + v + "\" is not " + what + " (digits only)");
        return v;
    }

    /** "True" / "False" / empty (not given). */
    private static Boolean sme(CsvRecord r) {
        return switch (r.get("SME")) {
            case "" -> null;
            case "True" -> true;
            case "False" -> false;
            default -> throw r.error("SME", "\"" + r.get("SME") + "\" is not True or False");
        };
    }

    /**
     * A euro amount: "2674336.55", or "4175063,55" with a comma as decimal mark (CORDIS writes some money columns
     * so); empty means not given.
     */
    static BigDecimal euro(CsvRecord r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) return null;
        if (DOT_DECIMAL.matcher(v).matches()) return new BigDecimal(v);
        if (COMMA_DECIMAL.matcher(v).matches()) return new BigDecimal(v.replace(',', '.'));
        throw r.error(column, "\"" + v + "\" is not an amount in euro (write digits with one decimal mark, \".\" or "
            + "\",\", and no thousands separators, e.g. 2674336.55)");
    }

    private static boolean isWebIri(String url) {
        if (!(url.startsWith("http://") || url.startsWith("https://"))) return false;
        try {
            IRIx iri = IRIx.create(url);
            return iri.isAbsolute() && !iri.hasViolations();
        } catch (IRIException e) {
            return false;
        }
    }

    private org.chainkg.rdf.CountryNodes countryNodes;

    private org.chainkg.rdf.CountryNodes countryNodes() {
        if (countryNodes == null) countryNodes = new org.chainkg.rdf.CountryNodes(out);
        return countryNodes;
    }

}
