package org.chainkg.query;

import java.math.BigDecimal;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.chainkg.rdf.TripleWriter;

/**
 * A remote engine's answers in the canonical lexical forms the embedded store gives: xsd:boolean as true/false
 * (Virtuoso 7 writes 1/0, valid but not canonical), xsd:decimal with one digit after the point at least (Virtuoso
 * writes 63 for 63.0). The values are unchanged; answers compare and export alike whichever engine gave them.
 */
final class CanonicalTerms {
    static RowSet apply(RowSet rows) {
        return map(rows, b -> {
            BindingBuilder out = BindingBuilder.create();
            b.forEach((v, n) -> out.add(v, canonical(n)));
            return out.build();
        });
    }

    /** The rows, each rewritten by {@code f} as it is read (streaming). */
    static RowSet map(RowSet rows, java.util.function.UnaryOperator<Binding> f) {
        java.util.Iterator<Binding> it = new java.util.Iterator<>() {
            @Override public boolean hasNext() { return rows.hasNext(); }
            @Override public Binding next() { return f.apply(rows.next()); }
        };
        return RowSetStream.create(rows.getResultVars(), it);
    }

    static Node canonical(Node n) {
        if (!n.isLiteral()) return n;
        String dt = n.getLiteralDatatypeURI(), lex = n.getLiteralLexicalForm();
        if (XSDDatatype.XSDboolean.getURI().equals(dt)) {
            if (lex.equals("1")) return NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);
            if (lex.equals("0")) return NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean);
        }
        if (XSDDatatype.XSDdecimal.getURI().equals(dt)) {
            try {
                String c = TripleWriter.canonical(new BigDecimal(lex.trim()));
                if (!c.equals(lex)) return NodeFactory.createLiteralDT(c, XSDDatatype.XSDdecimal);
            } catch (NumberFormatException e) {
                return n;
            }
        }
        return n;
    }

    private CanonicalTerms() {}
}
