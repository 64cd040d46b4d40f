package org.chainkg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.ParameterDomain;
import org.chainkg.query.QueryRunner;

/**
 * Runs the named queries for the pages (the same definitions as {@code query NAME} and {@code /chainkg/q/NAME}), with
 * the parameters checked against the store, and the few look-ups a page needs besides (labels in a language, the
 * provenance of a source graph).
 */
public final class Tables {
    private static final java.util.Set<String> IRI_PARAMETERS = java.util.Set.of("chain", "canon");
    private final QueryRunner runner;
    private final ParameterDomain domain;

    public Tables(DatasetGraph dsg, long timeoutMillis) {
        this.runner = new QueryRunner(dsg, timeoutMillis);
        this.domain = new ParameterDomain(runner);
    }

    /** The rows of a named query; a parameter the store does not know is refused (QueryParameterException). */
    public Table named(String name, Map<String, String> params) {
        NamedQuery q = NamedQueries.get(name);
        Binding b = q.bind(params, domain);
        return rows(name, params, q.columns(), q.query(), b);
    }

    /** A country code the store knows (upper-cased), or a 400 naming the parameter {@code country}. */
    public String country(String value) {
        String c = value.trim().toUpperCase(java.util.Locale.ROOT);
        check("chokepoints", Map.of("country", c));
        return c;
    }

    /** Checks a named query's parameters against the query and the store without running it (400 when wrong). */
    public void check(String name, Map<String, String> params) {
        NamedQueries.get(name).bind(params, domain);
    }

    /** The rows of a query of the workbench's own (look-ups, never a definition). */
    public Table lookup(String sparql, Map<String, String> params) {
        Query q = QueryFactory.create(sparql);
        org.apache.jena.sparql.engine.binding.BindingBuilder b = org.apache.jena.sparql.engine.binding.BindingBuilder.create();
        // "chain" and "canon" are IRIs (a chain, a canonical organisation); every other parameter is a string.
        params.forEach((k, v) -> b.add(Var.alloc(k), IRI_PARAMETERS.contains(k) ? org.apache.jena.graph.NodeFactory.createURI(v)
                                                                              : org.apache.jena.graph.NodeFactory.createLiteralString(v)));
        return rows("lookup", params, q.getResultVars(), q, b.build());
    }

    private Table rows(String name, Map<String, String> params, List<String> columns, Query q, Binding b) {
        List<Map<String, String>> out = new ArrayList<>();
        runner.select(q, b, (RowSet rs) -> rs.forEachRemaining(row -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (String c : columns) {
                Node n = row.get(Var.alloc(c));
                m.put(c, n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
            }
            out.add(m);
        }));
        return new Table(name, params, columns, out);
    }

    /** Why a named query's answer is empty, from its header's Empty: query (null when it has none). */
    public String emptyNote(String name, Map<String, String> params) {
        NamedQuery q = NamedQueries.get(name);
        return org.chainkg.query.EmptyAnswer.note(runner, q, q.bind(params, domain), 0, 0).orElse(null);
    }

    /** The named query's SPARQL with the parameters written into it: runnable as is (the "show the SPARQL" link). */
    public static String sparql(String name, Map<String, String> params) {
        NamedQuery q = NamedQueries.get(name);
        return org.chainkg.query.RemoteQueries.substituted(q.query(), q.bind(params)).toString();
    }
}
