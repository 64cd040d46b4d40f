package org.chainkg.query;

import java.math.BigDecimal;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.core.Var;

/**
 * One parameter of a named query, declared in its header as
 * {@code # @param NAME TYPE DEFAULT  description}; in the query text it is the variable {@code ?_NAME}.
 * Values are bound as RDF terms of the declared type, never pasted into the query text.
 */
public record QueryParameter(String name, String type, String defaultValue, String description) {
    public static final String REQUIRED = "-";

    public Var variable() { return Var.alloc("_" + name); }

    public boolean required() { return REQUIRED.equals(defaultValue); }

    /** The RDF term for a value given as text; throws {@link QueryParameterException} when it does not fit the type. */
    public Node toNode(String value) {
        try {
            return switch (type) {
                case "string" -> NodeFactory.createLiteralString(value);
                case "decimal" -> NodeFactory.createLiteralDT(new BigDecimal(value.trim()).toPlainString(), XSDDatatype.XSDdecimal);
                case "integer" -> NodeFactory.createLiteralDT(Long.toString(Long.parseLong(value.trim())), XSDDatatype.XSDinteger);
                case "iri" -> {
                    IRIs.checkEx(value);
                    yield NodeFactory.createURI(value);
                }
                default -> throw new IllegalStateException("unknown parameter type " + type);
            };
        } catch (NumberFormatException e) {
            throw new QueryParameterException("parameter " + name + ": \"" + value + "\" is not a " + type
                                              + " (e.g. " + (type.equals("integer") ? "20" : "12.5") + ")");
        } catch (RuntimeException e) {
            if (e instanceof QueryParameterException) throw e;
            throw new QueryParameterException("parameter " + name + ": \"" + value + "\" is not a valid " + type
                                              + ": " + e.getMessage());
        }
    }
}
