package org.chainkg.rdf;

import java.math.BigDecimal;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;

/** Small helpers over a {@link StreamRDF} so that readers state facts, not node plumbing. Empty strings are skipped. */
public final class TripleWriter {
    private final StreamRDF out;
    private long triples;

    public TripleWriter(StreamRDF out) {
        this.out = out;
    }

    public long triples() { return triples; }

    public void add(Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
        triples++;
    }

    public void type(Node s, Node... classes) {
        for (Node c : classes) add(s, RDF.Nodes.type, c);
    }

    /** A plain xsd:string literal; nothing when the value is empty. */
    public void text(Node s, Node p, String value) {
        if (value != null && !value.isEmpty()) add(s, p, NodeFactory.createLiteralString(value));
    }

    /** A string literal kept even when empty (raw source values). */
    public void rawText(Node s, Node p, String value) {
        add(s, p, NodeFactory.createLiteralString(value == null ? "" : value));
    }

    /** A language-tagged literal; nothing when the value is empty. */
    public void text(Node s, Node p, String value, String lang) {
        if (value != null && !value.isEmpty()) add(s, p, NodeFactory.createLiteralLang(value, lang));
    }

    /**
     * An xsd:decimal in canonical form ("100.0", "2.4", "0.8"): TDB2 stores decimals by value and hands back the
     * canonical form, so a non-canonical lexical form ("1", "2.40") could not be found again to be deleted.
     */
    public void decimal(Node s, Node p, BigDecimal value) {
        add(s, p, NodeFactory.createLiteralDT(canonical(value), XSDDatatype.XSDdecimal));
    }

    /** The XSD canonical lexical form of a decimal: no trailing zeros, at least one digit after the point. */
    public static String canonical(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() <= 0 ? v.toBigInteger() + ".0" : v.toPlainString();
    }

    public void integer(Node s, Node p, long value) {
        add(s, p, NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger));
    }

    public void bool(Node s, Node p, boolean value) {
        add(s, p, NodeFactory.createLiteralDT(Boolean.toString(value), XSDDatatype.XSDboolean));
    }

    public void typed(Node s, Node p, String lexical, XSDDatatype type) {
        add(s, p, NodeFactory.createLiteralDT(lexical, type));
    }
}
