package org.chainkg.source.mapping;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.CountryNodes;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourceReport;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * Curated organisation names ({@code organisation-aliases.csv}): a name under which sources list an organisation
 * (a former name, for instance) that no name rule can tie to the organisation's record, or that no source gives a
 * country or kind, with the organisation's identifier (CORDIS PIC, ROR id, or a curated key that ties rows naming one
 * organisation no registry identifies), its kind (firm, research) when the row says it, and the evidence. Each row
 * becomes a {@code ck:OrganisationAlias} organisation with that name, country, identifier and kind, so the identity
 * resolver joins it to the organisation by the identifier and to the sources that print the name by the name.
 */
final class OrganisationAliasTable {
    static final String FILE = "organisation-aliases.csv";
    static final List<String> COLUMNS = List.of("name", "country", "identifier", "kind", "evidence");
    private static final Pattern PIC = Pattern.compile("pic:(\\d{9})");
    private static final Pattern ROR = Pattern.compile("ror:(0[a-z0-9]{6}[0-9]{2})");
    private static final Pattern KEY = Pattern.compile("key:([a-z0-9][a-z0-9-]*)");

    private OrganisationAliasTable() {}

    static SourceReport.FileReport read(Path file, TripleWriter out) {
        FileScan scan = FileScan.scanText(file);
        CountryNodes countries = new CountryNodes(out);
        Map<String, Long> seen = new HashMap<>();
        try (CsvRecords rows = CsvRecords.open(file, COLUMNS)) {
            for (CsvRecord r : rows) {
                String name = r.require("name").strip().replaceAll("\\s+", " ");
                String country = r.require("country");
                if (!CountryCodes.isAlpha3(country))
                    throw r.error("country", "\"" + country + "\" is not an ISO 3166-1 alpha-3 country code (e.g. FRA)");
                String id = r.require("identifier");
                var pic = PIC.matcher(id);
                var ror = ROR.matcher(id);
                var key = KEY.matcher(id);
                if (!pic.matches() && !ror.matches() && !key.matches())
                    throw r.error("identifier", "\"" + id + "\" is not pic:NNNNNNNNN (a CORDIS PIC), ror:0xxxxxxNN (a ROR id) "
                                  + "or key:NAME (a curated key, lower case, for an organisation no registry identifies)");
                String kind = r.get("kind") == null ? "" : r.get("kind").strip();
                if (!List.of("", "firm", "research").contains(kind))
                    throw r.error("kind", "\"" + kind + "\" is not a kind (use firm, research, or leave it empty)");
                Long first = seen.putIfAbsent(name + "|" + country, r.line());
                if (first != null) throw r.error("name", "\"" + name + "\" (" + country + ") is listed twice (first at line " + first + ")");
                Node alias = Iris.instance("mapping", "organisation-alias", Iris.slug(name + " " + country));
                out.type(alias, Vocab.orgOrganization, CK.OrganisationAlias);
                out.text(alias, RDFS.label.asNode(), name);
                out.text(alias, CK.sourceName, r.get("name"));
                out.add(alias, CK.country, countries.node(country));
                if (pic.matches()) out.text(alias, CK.pic, pic.group(1));
                else if (ror.matches()) out.add(alias, CK.ror, NodeFactory.createURI("https://ror.org/" + ror.group(1)));
                else out.text(alias, CK.curatedKey, key.group(1));
                if (kind.equals("firm")) out.type(alias, CK.Firm);
                if (kind.equals("research")) out.type(alias, CK.ResearchOrganisation);
                out.text(alias, DCTerms.source.asNode(), r.require("evidence"), "en");
                out.integer(alias, CK.sourceLine, r.line());
            }
            MappingManifest manifest = MappingManifest.besides(file);
            if (manifest != null) manifest.check(FILE, scan, rows.count());
            return new SourceReport.FileReport(FILE, file.toString(), scan.bytes(), scan.sha256(), rows.count());
        }
    }
}
