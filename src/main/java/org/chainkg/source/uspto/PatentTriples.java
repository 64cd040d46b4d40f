package org.chainkg.source.uspto;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.SourceDataException;

/**
 * Writes {@link PatentRecord}s as RDF: the patent node ({@code ck:Patent}, IRI from {@link PatentNumbers}), its
 * assignee organisations ({@code org:Organization}, one node per exact cleaned name), inventor countries, CPC
 * concepts, IPC symbols and citations. Organisations, countries and CPC concepts are written once per load.
 */
final class PatentTriples {
    private final TripleWriter out;
    private final CpcSymbols cpc;
    private final Set<Node> organisations = new HashSet<>();
    private final Set<String> countries = new HashSet<>();

    PatentTriples(TripleWriter out) {
        this.out = out;
        this.cpc = new CpcSymbols(out);
    }

    void write(PatentRecord r, String file, Node sourceFile) {
        String id = PatentNumbers.id(r.country, r.docNumber, r.kind).orElseThrow(() -> new SourceDataException(file,
            r.startLine, r.biblio() + "/publication-reference/document-id/doc-number", "\"" + r.docNumber + "\" is not a patent number"));
        Node p = PatentNumbers.iri(id);
        out.type(p, CK.Patent, CK.ResearchOutput);
        out.text(p, DCTerms.identifier.asNode(), id);
        out.text(p, DCTerms.title.asNode(), r.title, r.lang);
        out.text(p, DCTerms.abstract_.asNode(), r.abstractText, r.lang);
        out.typed(p, DCTerms.issued.asNode(), r.date, XSDDatatype.XSDdate);
        if (!r.filingDate.isEmpty()) out.typed(p, DCTerms.dateSubmitted.asNode(), r.filingDate, XSDDatatype.XSDdate);
        out.text(p, CK.patentKind, r.kind.toUpperCase(Locale.ROOT));
        out.text(p, CK.applicationNumber, r.applicationNumber);
        for (PatentRecord.Assignee a : r.assignees)
            if (a.orgName() != null) out.add(p, CK.assignee, organisation(a, r.startLine));
        for (String c : r.inventorCountries)
            out.add(p, CK.inventorCountry, country(c));
        for (PatentRecord.Cpc c : r.cpc)
            out.add(p, c.inventive() ? CK.cpcInventive : CK.cpcAdditional, cpc.concept(c.symbol()).orElseThrow());
        for (String ipc : r.ipc)
            out.text(p, CK.ipcSymbol, ipc);
        for (PatentRecord.Citation c : r.citations) {
            String cited = PatentNumbers.id(c.country(), c.number(), c.kind()).orElseThrow(() -> new SourceDataException(file,
                r.startLine, c.path(), "\"" + c.number() + "\" is not a patent number"));
            out.add(p, CK.cites, PatentNumbers.iri(cited));
        }
        for (String npl : r.nonPatentCitations)
            out.text(p, CK.citesNonPatent, npl);
        out.integer(p, CK.sourceLine, r.startLine);
        out.add(p, CK.sourceFile, sourceFile);
    }

    /**
     * One node per name (compared as an IRI slug: case and punctuation folded), so an assignee named on several
     * patents is one organisation; its first record gives its source line.
     */
    private Node organisation(PatentRecord.Assignee a, long line) {
        String label = UsptoDocumentParser.collapse(a.orgName());
        Node org = Iris.instance("uspto", "assignee", Iris.slug(label));
        if (organisations.add(org)) {
            out.type(org, Vocab.orgOrganization);
            out.integer(org, CK.sourceLine, line);
        }
        // Names differing only in case or punctuation share the node; each spelling is kept.
        out.text(org, RDFS.label.asNode(), label);
        out.text(org, CK.sourceName, a.orgName());
        if (a.country() != null) out.add(org, CK.country, country(a.country()));
        return org;
    }

    /** The country node, typed and labelled once per load. */
    private Node country(String alpha3) {
        return countryNodes().node(alpha3);
    }


    private org.chainkg.rdf.CountryNodes countryNodes;

    private org.chainkg.rdf.CountryNodes countryNodes() {
        if (countryNodes == null) countryNodes = new org.chainkg.rdf.CountryNodes(out);
        return countryNodes;
    }

}
