package org.chainkg.source.epo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.SourceDataException;

/**
 * Turns one OPS record — an {@code exchange-document} (bibliographic data) or an {@code ops:family-member} — into
 * triples about one {@code ck:Patent}. Parties, classifications and citations are in {@link OpsParties} and
 * {@link OpsClassifications}; this class holds identity, dates, titles, abstracts and family links.
 */
final class OpsRecordWriter {
    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]+");

    private final TripleWriter out;
    private final OpsParties parties;
    private final OpsClassifications classifications;
    private String file;
    private Node fileNode;

    OpsRecordWriter(TripleWriter out) {
        this.out = out;
        this.parties = new OpsParties(out);
        this.classifications = new OpsClassifications(out, new CpcSymbols(out));
    }

    /** The file being read: its name for error messages, its SHA-256 for ck:sourceFile (the load's file node). */
    void file(String name, String sha256) {
        this.file = name;
        this.fileNode = Iris.instance("file", sha256);
        classifications.file(name);
    }

    SourceDataException error(OpsElement at, String field, String problem) {
        return new SourceDataException(file, at.line(), field, problem);
    }

    /** An exchange-document: identity from its attributes, then its bibliographic data and abstracts. */
    Node document(OpsElement doc) {
        String country = requiredAttr(doc, "country");
        String number = requiredAttr(doc, "doc-number");
        String kind = requiredAttr(doc, "kind");
        Node patent = patent(doc, country, number, kind, doc.path() + "/@doc-number");
        out.text(patent, CK.familyId, doc.attr("family-id").trim());
        source(patent, doc);
        OpsElement bib = doc.child("bibliographic-data");
        if (bib != null) {
            OpsElement pub = docdb(bib.child("publication-reference"));
            if (pub != null) date(patent, DCTerms.issued.asNode(), pub);
            application(patent, bib.child("application-reference"));
            for (OpsElement title : bib.children("invention-title"))
                text(patent, DCTerms.title.asNode(), title.text(), title.attr("lang"));
            parties.write(patent, bib.child("parties"));
            classifications.write(patent, bib);
            classifications.citations(patent, bib.child("references-cited"));
        }
        for (OpsElement abs : doc.children("abstract"))
            text(patent, DCTerms.abstract_.asNode(), paragraphs(abs), abs.attr("lang"));
        return patent;
    }

    /** A family member: the publication's docdb id, dates and application; any biblio inside is read too. */
    Node familyMember(OpsElement member) {
        OpsElement pub = docdb(member.child("publication-reference"));
        if (pub == null)
            throw error(member, member.path() + "/publication-reference",
                "the family member has no publication-reference with a document-id of type docdb");
        Node patent = patent(pub, required(pub, "country"), required(pub, "doc-number"), pub.childText("kind"),
                             pub.path() + "/doc-number");
        out.text(patent, CK.familyId, member.attr("family-id").trim());
        source(patent, member);
        date(patent, DCTerms.issued.asNode(), pub);
        application(patent, member.child("application-reference"));
        for (OpsElement doc : member.children("exchange-document"))
            document(doc);
        return patent;
    }

    /** Where the record is: line and file (a patent read from several files has several of each). */
    private void source(Node patent, OpsElement record) {
        out.integer(patent, CK.sourceLine, record.line());
        out.add(patent, CK.sourceFile, fileNode);
    }

    /** Every member of one family is a ck:familyMember of every other, in both directions (the relation is symmetric). */
    void familyLinks(List<Node> members) {
        for (Node a : members)
            for (Node b : members)
                if (!a.equals(b)) out.add(a, CK.familyMember, b);
    }

    /**
     * The patent's node: IRI and identifier CC + number without leading zeros + kind. Written again for each
     * record that names it (the loader keeps one copy of each triple), so nothing grows with the load's size.
     */
    private Node patent(OpsElement at, String country, String number, String kind, String numberField) {
        if (!COUNTRY.matcher(country).matches())
            throw error(at, at.path() + (at.name().equals("document-id") ? "/country" : "/@country"),
                "\"" + country + "\" is not a two-letter office code (e.g. EP, US, JP)");
        if (!NUMBER.matcher(number).matches())
            throw error(at, numberField, "\"" + number + "\" is not a publication number (letters and digits only)");
        String id = patentId(country, number, kind);
        Node patent = Iris.instance("patent", id);
        out.type(patent, CK.Patent, CK.ResearchOutput);
        out.text(patent, DCTerms.identifier.asNode(), id);
        out.text(patent, CK.patentKind, kind);
        return patent;
    }

    /** "EP" + "0680812" + "A1" -> "EP680812A1": the IRI form all patent readers share. */
    static String patentId(String country, String number, String kind) {
        return country + number.replaceFirst("^0+(?=.)", "") + kind;
    }

    private void application(Node patent, OpsElement ref) {
        if (ref == null) return;
        OpsElement docdb = docdb(ref);
        if (docdb != null && !docdb.childText("doc-number").isEmpty())
            out.text(patent, CK.applicationNumber, docdb.childText("country") + docdb.childText("doc-number"));
        // Biblio responses date the application only in the epodoc form; family responses in docdb.
        OpsElement dated = docdb != null && docdb.child("date") != null ? docdb : byType(ref, "epodoc");
        if (dated != null) date(patent, DCTerms.dateSubmitted.asNode(), dated);
    }

    private void date(Node patent, Node property, OpsElement documentId) {
        OpsElement date = documentId.child("date");
        if (date == null) return;
        Matcher m = DATE.matcher(date.text());
        if (!m.matches() || Integer.parseInt(m.group(2)) > 12 || Integer.parseInt(m.group(3)) > 31)
            throw error(date, date.path(), "\"" + date.text() + "\" is not a date in the form YYYYMMDD");
        out.typed(patent, property, m.group(1) + "-" + m.group(2) + "-" + m.group(3), XSDDatatype.XSDdate);
    }

    private void text(Node s, Node p, String value, String lang) {
        if (lang.isBlank()) out.text(s, p, value);
        else out.text(s, p, value, lang.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** An abstract's paragraphs joined by a space (tags inside a paragraph dropped). */
    private static String paragraphs(OpsElement abs) {
        List<OpsElement> ps = abs.children("p");
        if (ps.isEmpty()) return abs.text();
        StringBuilder sb = new StringBuilder();
        for (OpsElement p : ps) {
            String t = p.text();
            if (t.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t);
        }
        return sb.toString();
    }

    /** The document-id of type docdb under a reference element, or null. */
    static OpsElement docdb(OpsElement ref) {
        return ref == null ? null : byType(ref, "docdb");
    }

    private static OpsElement byType(OpsElement ref, String type) {
        for (OpsElement id : ref.children("document-id"))
            if (id.attr("document-id-type").equals(type)) return id;
        return null;
    }

    private String requiredAttr(OpsElement e, String attr) {
        String v = e.attr(attr).trim();
        if (v.isEmpty())
            throw error(e, e.path() + "/@" + attr, "the " + e.name() + " has no " + attr
                + " attribute (an OPS exchange-document names its country, doc-number and kind)");
        return v;
    }

    private String required(OpsElement e, String child) {
        String v = e.childText(child);
        if (v.isEmpty())
            throw error(e, e.path() + "/" + child, "the document-id has no " + child);
        return v;
    }
}
