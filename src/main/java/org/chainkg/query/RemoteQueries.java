package org.chainkg.query;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Named queries for a SPARQL endpoint that is not the embedded store: the parameters, bound as RDF terms, are
 * substituted into the query's algebra as the local engine does (never pasted as text), and the algebra is turned
 * back into SPARQL, so that the query can be sent over the SPARQL 1.1 protocol. (A plain syntax rewrite is not
 * enough: a sub-query that projects a parameter would become {@code ("CHN" AS ?_country)} next to a pattern that
 * still mentions it, which SPARQL forbids.)
 */
public final class RemoteQueries {
    /** The query with each parameter variable replaced by its bound term. */
    public static Query substituted(Query query, Binding binding) {
        if (binding == null || binding.isEmpty()) return query;
        Op op = Substitute.substitute(Algebra.compile(query), binding);
        Query out = OpAsQuery.asQuery(op);
        out.setPrefixMapping(query.getPrefixMapping());
        return QueryFactory.create(out.toString());
    }

    public static Query substituted(NamedQuery q, Binding binding) {
        return substituted(q.query(), binding);
    }

    private RemoteQueries() {}
}
