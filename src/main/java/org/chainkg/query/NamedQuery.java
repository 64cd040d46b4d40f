package org.chainkg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/**
 * An analyst's named SPARQL query ({@code queries/NAME.rq}) with the metadata of its header comment:
 * <pre>
 * # Title: Chokepoints for a country
 * # Question: Which inputs ...?
 * # @param country string CHN  Country of interest (ISO 3166-1 alpha-3 code as in the data)
 * # Columns: item_id, item, ...
 * </pre>
 * Parameters are the query's variables {@code ?_NAME}; {@link #bind} turns given values (or defaults) into a
 * binding of RDF terms that is substituted into the parsed query.
 */
public final class NamedQuery {
    private static final Pattern PARAM = Pattern.compile("^#\\s*@param\\s+(\\w+)\\s+(string|decimal|integer|iri)\\s+(\\S+)(?:\\s+\\{([^}]*)\\})?\\s*(.*)$");
    private static final Pattern FIELD = Pattern.compile("^#\\s*(Title|Question|Columns|Order|Credit|Empty|Releases|Lists):\\s*(.*)$");

    /** Request parameters that are not query parameters: the result format and the page ({@link Page}). */
    public static final java.util.List<String> RESERVED =
        java.util.stream.Stream.concat(java.util.stream.Stream.of("format"), Page.PARAMETERS.stream()).toList();

    private final String name;
    private final String text;
    private final Query query;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, QueryParameter> parameters = new LinkedHashMap<>();

    public NamedQuery(String name, String text) {
        this.name = name;
        this.text = text;
        this.query = QueryFactory.create(text);
        parseHeader();
        if (fields.containsKey("Releases")) {
            if (!fields.get("Releases").equals("all"))
                throw new IllegalArgumentException("named query " + name + ": \"# Releases:\" takes one value, all");
            QueryRunner.seeAllReleases(query);
        }
        if (fields.containsKey("Lists")) QueryRunner.sortLists(query, SortedLists.parse(fields.get("Lists"), name));
        this.emptyNote = fields.containsKey("Empty") ? emptyNoteQuery(fields.get("Empty")) : null;
        if (emptyNote != null && fields.containsKey("Releases")) QueryRunner.seeAllReleases(emptyNote);
    }

    /**
     * The header's "Empty:" query, with the main query's prefixes: a SELECT of one ?note that says why the answer is
     * empty (e.g. how many research organisations of the country are loaded and what they hold).
     */
    private Query emptyNoteQuery(String sparql) {
        StringBuilder prologue = new StringBuilder();
        query.getPrefixMapping().getNsPrefixMap().forEach((k, v) -> prologue.append("PREFIX ").append(k).append(": <").append(v).append(">\n"));
        Query q;
        try {
            q = QueryFactory.create(prologue + sparql);
        } catch (org.apache.jena.query.QueryParseException e) {
            throw new IllegalArgumentException("named query " + name + ": its Empty: query does not parse: " + e.getMessage(), e);
        }
        if (!q.isSelectType() || !q.getResultVars().equals(List.of("note")))
            throw new IllegalArgumentException("named query " + name + ": its Empty: query must be SELECT ?note WHERE {...}");
        return q;
    }

    private final Query emptyNote;

    /** The query that explains an empty answer (one ?note), if the header declares one ("Empty:"). */
    public java.util.Optional<Query> emptyNote() { return java.util.Optional.ofNullable(emptyNote); }

    private void parseHeader() {
        String current = null;
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) break;
            Matcher p = PARAM.matcher(line);
            Matcher f = FIELD.matcher(line);
            if (p.matches()) {
                if (RESERVED.contains(p.group(1)))
                    throw new IllegalArgumentException("named query " + name + ": parameter name '" + p.group(1)
                                                       + "' is reserved for the request (" + String.join(", ", RESERVED) + ")");
                ParameterConstraint c = p.group(4) == null ? null : ParameterConstraint.parse(p.group(4), "named query " + name + ", parameter " + p.group(1));
                parameters.put(p.group(1), new QueryParameter(p.group(1), p.group(2), p.group(3), c, p.group(5).trim()));
                current = null;
            } else if (f.matches()) {
                current = f.group(1);
                fields.put(current, f.group(2).trim());
            } else if (current != null && line.matches("^#\\s{2,}\\S.*")) {
                fields.merge(current, line.substring(1).trim(), (a, b) -> a + " " + b);
            } else {
                current = null;
            }
        }
    }

    public String name() { return name; }
    public String text() { return text; }
    public Query query() { return query; }
    public String title() { return fields.getOrDefault("Title", name); }
    public String question() { return fields.getOrDefault("Question", ""); }
    public String definition() { return fields.getOrDefault("Definition", ""); }
    public String credit() { return fields.get("Credit"); }
    public Map<String, QueryParameter> parameters() { return parameters; }

    /** The declared output columns, from the header's Columns line. */
    public List<String> columns() {
        String c = fields.getOrDefault("Columns", "");
        List<String> out = new ArrayList<>();
        for (String part : c.split(",")) {
            String col = part.trim().split("\\s+")[0];
            if (!col.isEmpty()) out.add(col);
        }
        return out;
    }

    /** Binds every parameter: given values as typed RDF terms, defaults for the rest (store-independent checks only). */
    public Binding bind(Map<String, String> values) {
        return bind(values, null);
    }

    /**
     * Binds every parameter and, when {@code domain} is given, checks that country, item and chain values exist
     * (a {@link QueryParameterException} naming the parameter, with the closest known values, when not).
     */
    public Binding bind(Map<String, String> values, ParameterDomain domain) {
        for (String key : values.keySet())
            if (!parameters.containsKey(key))
                throw new QueryParameterException("query " + name + " has no parameter '" + key + "'"
                    + Suggestions.didYouMean(key, parameters.keySet()) + " (it has: " + String.join(", ", parameters.keySet()) + ")");
        BindingBuilder b = BindingBuilder.create();
        for (QueryParameter p : parameters.values()) {
            String v = values.get(p.name());
            if (v == null) {
                if (p.required())
                    throw new QueryParameterException("query " + name + " needs parameter '" + p.name() + "': " + p.description());
                v = p.defaultValue();
            }
            Node node = p.toNode(v);
            if (domain != null && p.constraint() instanceof ParameterConstraint.InStore s && !QueryParameter.ALL.equals(p.normalise(v)))
                domain.check(p, s.kind(), p.normalise(v));
            b.add(p.variable(), node);
        }
        return b.build();
    }
}
