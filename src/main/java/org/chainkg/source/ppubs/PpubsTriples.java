package org.chainkg.source.ppubs;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CountryNodes;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.uspto.PatentNumbers;

/**
 * Writes {@link PpubsPatent}s in the shape every patent reader writes (see {@code source.uspto.PatentTriples}): the
 * patent node at its {@link PatentNumbers} IRI ({@code ck:Patent}, {@code dcterms:identifier}, title and abstract
 * with the record's language, issued and submitted dates, kind, application number, family id), CPC concepts
 * ({@code ck:cpcInventive} / {@code ck:cpcAdditional} via {@link CpcSymbols}), IPC symbols, inventor countries, and
 * assignees and applicants as {@code org:Organization} nodes, one per cleaned name, with their country
 * ({@link CountryNodes}) where the record gives one.
 */
final class PpubsTriples {
    private final TripleWriter out;
    private final CpcSymbols cpc;
    private final CountryNodes countries;
    private final Set<Node> organisations = new HashSet<>();

    PpubsTriples(TripleWriter out) {
        this.out = out;
        this.cpc = new CpcSymbols(out);
        this.countries = new CountryNodes(out);
    }

    void write(PpubsPatent r, Node sourceFile) {
        Node p = PatentNumbers.iri(r.id);
        out.type(p, CK.Patent, CK.ResearchOutput);
        out.text(p, DCTerms.identifier.asNode(), r.id);
        out.text(p, DCTerms.title.asNode(), r.title, r.lang);
        out.text(p, DCTerms.abstract_.asNode(), r.abstractText, r.lang);
        out.typed(p, DCTerms.issued.asNode(), r.date, XSDDatatype.XSDdate);
        if (!r.filingDate.isEmpty()) out.typed(p, DCTerms.dateSubmitted.asNode(), r.filingDate, XSDDatatype.XSDdate);
        out.text(p, CK.patentKind, r.kind);
        out.text(p, CK.applicationNumber, r.applicationNumber);
        out.text(p, CK.familyId, r.familyId);
        for (PpubsPatent.Party a : r.assignees) out.add(p, CK.assignee, organisation(a, r.line));
        for (PpubsPatent.Party a : r.applicants) out.add(p, CK.applicant, organisation(a, r.line));
        for (String c : r.inventorCountries) out.add(p, CK.inventorCountry, countries.node(c));
        for (PpubsPatent.Cpc c : r.cpc)
            out.add(p, c.inventive() ? CK.cpcInventive : CK.cpcAdditional, cpc.concept(c.symbol()).orElseThrow());
        for (String ipc : r.ipc) out.text(p, CK.ipcSymbol, ipc);
        out.integer(p, CK.sourceLine, r.line);
        out.add(p, CK.sourceFile, sourceFile);
    }

    /** One node per cleaned name (an IRI slug: case and punctuation folded); its first record gives its line. */
    private Node organisation(PpubsPatent.Party a, long line) {
        Node org = Iris.instance("uspto-ppubs", "organisation", Iris.slug(a.name()));
        if (organisations.add(org)) {
            out.type(org, Vocab.orgOrganization);
            out.integer(org, CK.sourceLine, line);
        }
        out.text(org, RDFS.label.asNode(), a.name());
        out.text(org, CK.sourceName, a.rawName());
        if (a.country() != null) out.add(org, CK.country, countries.node(a.country()));
        return org;
    }
}
