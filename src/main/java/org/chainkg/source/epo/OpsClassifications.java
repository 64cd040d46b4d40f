package org.chainkg.source.epo;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.SourceDataException;

/**
 * CPC, IPCR and cited documents of an OPS document.
 * <ul>
 * <li>CPC: {@code patent-classifications/patent-classification} whose {@code classification-scheme/@scheme} starts
 *   with "CPC" (CPCI in OPS 3.2; other schemes such as UC, the US classes, are not CPC and are left out), split
 *   into section/class/subclass/main-group/subgroup. Value I is inventive, A additional; with no value the
 *   symbol is a plain ck:technology. The same symbol repeats once per generating office: written once. The
 *   symbols of combination sets (C-sets, {@code combination-set/combination-rank/patent-classification} with a
 *   {@code classification-symbol}) count the same way.</li>
 * <li>IPCR: fixed-width text such as "G06T   9/    00            A I"; its first fields give the symbol.</li>
 * <li>Citations: {@code patcit} by its docdb document-id (epodoc when there is none), {@code nplcit} as text.</li>
 * </ul>
 */
final class OpsClassifications {
    private static final Pattern IPCR = Pattern.compile("^\\s*([A-H])\\s*(\\d{2})\\s*([A-Z])\\s*(\\d{1,4})\\s*/\\s*(\\d{1,6})(?:\\s.*)?$");
    private static final Pattern EPODOC_NUMBER = Pattern.compile("([A-Z]{2})(\\d[A-Z0-9]*)");

    private final TripleWriter out;
    private final CpcSymbols cpc;
    private String file;

    OpsClassifications(TripleWriter out, CpcSymbols cpc) {
        this.out = out;
        this.cpc = cpc;
    }

    void file(String name) { this.file = name; }

    private SourceDataException error(OpsElement at, String field, String problem) {
        return new SourceDataException(file, at.line(), field, problem);
    }

    void write(Node patent, OpsElement bib) {
        Set<String> seen = new HashSet<>();
        OpsElement list = bib.child("patent-classifications");
        if (list != null) {
            for (OpsElement pc : list.descendants("patent-classification")) {
                OpsElement scheme = pc.child("classification-scheme");
                if (scheme == null || !scheme.attr("scheme").startsWith("CPC")) continue;
                String symbol = symbol(pc);
                String value = pc.childText("classification-value");
                Node property = switch (value) {
                    case "I" -> CK.cpcInventive;
                    case "A" -> CK.cpcAdditional;
                    case "" -> CK.technology;
                    default -> throw error(pc.child("classification-value"), pc.path() + "/classification-value",
                        "\"" + value + "\" is not a CPC classification value (I inventive or A additional)");
                };
                if (seen.add(property.getURI() + " " + symbol))
                    out.add(patent, property, cpc.concept(symbol).orElseThrow());
            }
        }
        OpsElement ipcr = bib.child("classifications-ipcr");
        if (ipcr != null) {
            for (OpsElement c : ipcr.children("classification-ipcr")) {
                OpsElement text = c.child("text");
                if (text == null) continue;
                Matcher m = IPCR.matcher(text.rawText());
                if (!m.matches())
                    throw error(text, text.path(), "\"" + text.text() + "\" is not an IPC symbol (expected fixed-width "
                                                   + "text such as \"G06T   9/    00            A I\")");
                CpcSymbols.normalise(m.group(1) + m.group(2) + m.group(3) + " " + m.group(4) + "/" + m.group(5))
                    .ifPresent(s -> out.text(patent, CK.ipcSymbol, s));
            }
        }
    }

    /** The symbol from split fields (section ... subgroup) or, in combination sets, from classification-symbol. */
    private String symbol(OpsElement pc) {
        if (pc.child("section") == null && pc.child("classification-symbol") != null) {
            String text = pc.childText("classification-symbol");
            return CpcSymbols.normalise(text).orElseThrow(() -> error(pc, pc.path() + "/classification-symbol",
                "\"" + text + "\" is not a CPC symbol (e.g. H01L21/027)"));
        }
        return CpcSymbols.of(pc.childText("section"), pc.childText("class"), pc.childText("subclass"),
                             pc.childText("main-group"), pc.childText("subgroup"))
            .orElseThrow(() -> error(pc, pc.path() + "/subgroup", "\"" + pc.childText("section") + pc.childText("class")
                + pc.childText("subclass") + " " + pc.childText("main-group") + "/" + pc.childText("subgroup")
                + "\" is not a CPC symbol (section, class, subclass, main-group and subgroup must all be given)"));
    }

    void citations(Node patent, OpsElement references) {
        if (references == null) return;
        for (OpsElement citation : references.children("citation")) {
            for (OpsElement patcit : citation.children("patcit"))
                out.add(patent, CK.cites, cited(patcit));
            for (OpsElement npl : citation.children("nplcit"))
                out.text(patent, CK.citesNonPatent, npl.text());
        }
    }

    /** The cited patent's IRI: CC + number without leading zeros + kind (CC + number when the kind is not given). */
    private Node cited(OpsElement patcit) {
        OpsElement docdb = OpsRecordWriter.docdb(patcit);
        if (docdb != null && !docdb.childText("country").isEmpty() && !docdb.childText("doc-number").isEmpty())
            return Iris.instance("patent", OpsRecordWriter.patentId(docdb.childText("country"),
                docdb.childText("doc-number"), docdb.childText("kind")));
        for (OpsElement id : patcit.children("document-id")) {
            Matcher m = EPODOC_NUMBER.matcher(id.childText("doc-number"));
            if (id.attr("document-id-type").equals("epodoc") && m.matches())
                return Iris.instance("patent", OpsRecordWriter.patentId(m.group(1), m.group(2), ""));
        }
        throw error(patcit, patcit.path() + "/document-id",
            "the cited patent has no document-id of type docdb (country, doc-number, kind) nor an epodoc number");
    }
}
