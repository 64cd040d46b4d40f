package org.chainkg.query;

import java.math.BigDecimal;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.core.Var;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * One parameter of a named query, declared in its header as
 * {@code # @param NAME TYPE DEFAULT [{CONSTRAINT}]  description}; in the query text it is the variable {@code ?_NAME}.
 * Values are bound as RDF terms of the declared type, never pasted into the query text, and refused when they
 * do not fit the type or the constraint ({@link ParameterConstraint}).
 */
public record QueryParameter(String name, String type, String defaultValue, ParameterConstraint constraint, String description) {
    public static final String REQUIRED = "-";
    /** "All": accepted by country, item and chain parameters whose default it is. */
    public static final String ALL = "*";
    /** Longest value accepted for any parameter (characters). */
    public static final int MAX_LENGTH = 2000;
    private static final int MAX_NUMBER_LENGTH = 40;

    public QueryParameter(String name, String type, String defaultValue, String description) {
        this(name, type, defaultValue, null, description);
    }

    public Var variable() { return Var.alloc("_" + name); }

    public boolean required() { return REQUIRED.equals(defaultValue); }

    /** Whether {@code *} means "all" for this parameter. */
    public boolean acceptsAll() { return ALL.equals(defaultValue); }

    /** The value as the query sees it: country codes upper-cased, numbers and words as given (trimmed). */
    public String normalise(String value) {
        String v = value.trim();
        if (constraint instanceof ParameterConstraint.InStore s && s.kind() == ParameterConstraint.Kind.COUNTRY)
            return v.toUpperCase(Locale.ROOT);
        if (constraint instanceof ParameterConstraint.InStore s && s.kind() == ParameterConstraint.Kind.COUNTRIES)
            return v.equalsIgnoreCase("none") ? "none" : v.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return v;
    }

    /** The RDF term for a value given as text; throws {@link QueryParameterException} when it does not fit the type or constraint. */
    public Node toNode(String given) {
        if (given.length() > MAX_LENGTH)
            throw refuse(given.substring(0, 40) + "…", "is too long (" + given.length() + " characters; at most " + MAX_LENGTH + ")");
        String value = normalise(given);
        try {
            return switch (type) {
                case "string" -> {
                    checkWord(value);
                    yield NodeFactory.createLiteralString(value);
                }
                case "decimal" -> NodeFactory.createLiteralDT(checkNumber(value).toPlainString(), XSDDatatype.XSDdecimal);
                case "integer" -> {
                    long n = Long.parseLong(value);
                    checkNumber(value);
                    yield NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
                }
                case "iri" -> {
                    IRIs.checkEx(value);
                    yield NodeFactory.createURI(value);
                }
                default -> throw new IllegalStateException("unknown parameter type " + type);
            };
        } catch (NumberFormatException e) {
            throw refuse(value, "is not " + (type.equals("integer") ? "a whole number" : "a number")
                                + " (e.g. " + (type.equals("integer") ? "20" : "12.5") + ")" + rangeHint());
        } catch (RuntimeException e) {
            if (e instanceof QueryParameterException) throw e;
            throw refuse(value, "is not a valid " + type + ": " + e.getMessage());
        }
    }

    private BigDecimal checkNumber(String value) {
        if (value.length() > MAX_NUMBER_LENGTH)
            throw refuse(value, "has too many characters for a number" + rangeHint());
        BigDecimal n = new BigDecimal(value);
        if (constraint instanceof ParameterConstraint.Range r && (n.compareTo(r.min()) < 0 || n.compareTo(r.max()) > 0))
            throw refuse(value, "is out of range: allowed " + r.min().toPlainString() + " to " + r.max().toPlainString());
        if (n.scale() < -MAX_NUMBER_LENGTH || n.scale() > MAX_NUMBER_LENGTH)
            throw refuse(value, "has too many digits");
        return n;
    }

    private void checkWord(String value) {
        if (constraint instanceof ParameterConstraint.OneOf o && !o.values().contains(value))
            throw refuse(value, "is not one of " + String.join(", ", o.values()));
        if (constraint instanceof ParameterConstraint.InStore && ALL.equals(value) && !acceptsAll())
            throw refuse(value, "is not accepted here: give one " + constraint);
        if (constraint instanceof ParameterConstraint.InStore s && s.kind() == ParameterConstraint.Kind.COUNTRY
            && !ALL.equals(value) && !value.matches("[A-Z]{3}"))
            throw refuse(value, "is not a country code: give an ISO 3166-1 alpha-3 code such as CHN, USA, DEU");
        if (constraint instanceof ParameterConstraint.LuceneSyntax)
            checkLucene(value);
    }

    private void checkLucene(String value) {
        try {
            new QueryParser("text", new WhitespaceAnalyzer()).parse(value);
        } catch (ParseException | RuntimeException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^Cannot parse '.*?': ", "");
            String near = msg.replaceFirst("(?s).*?(at line \\d+, column \\d+).*", "$1");
            throw new QueryParameterException("parameter " + name + ": bad search syntax near "
                + (near.equals(msg) ? "the end" : near) + " of \"" + value + "\" (Lucene syntax: words, \"phrases\", "
                + "AND/OR/NOT between terms, * and ? wildcards; quote or escape special characters)");
        }
    }

    private String rangeHint() {
        return constraint instanceof ParameterConstraint.Range r ? "; allowed " + r.min().toPlainString() + " to " + r.max().toPlainString() : "";
    }

    QueryParameterException refuse(String value, String why) {
        return new QueryParameterException("parameter " + name + ": \"" + value + "\" " + why);
    }
}
