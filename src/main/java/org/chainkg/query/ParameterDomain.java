package org.chainkg.query;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.chainkg.rdf.CountryCodes;

/**
 * The values that country, item and chain parameters may take, read from the store a query runs on (embedded or
 * remote): a country is an ISO 3166-1 alpha-3 code or a code the data gives a {@code ck:Country} (regions such as
 * EUR); an item is an element id of a loaded chain; a chain is a loaded {@code ck:IndustrialChain}. Each check is
 * one indexed lookup; only a refused value costs the list of known values, for the suggestions.
 */
public final class ParameterDomain {
    private static final String PREFIXES = "PREFIX ck: <https://w3id.org/chainkg/ontology#>\n"
        + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n";
    private static final Query COUNTRIES = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?v { ?c a ck:Country ; skos:notation ?v }");
    private static final Query ITEMS = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?v { ?e ck:inChain ?ch ; dcterms:identifier ?v }");
    private static final Query CHAINS = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?v { ?v a ck:IndustrialChain }");

    private static final Query IS_COUNTRY = QueryFactory.create(PREFIXES + "SELECT ?c { ?c a ck:Country ; skos:notation ?x } LIMIT 1");
    private static final Query IS_ITEM = QueryFactory.create(PREFIXES + "SELECT ?e { ?e dcterms:identifier ?x ; ck:inChain ?ch } LIMIT 1");
    private static final Query IS_CHAIN = QueryFactory.create(PREFIXES + "SELECT ?x { ?x a ck:IndustrialChain } LIMIT 1");

    private final QueryRunner runner;

    public ParameterDomain(QueryRunner runner) {
        this.runner = runner;
    }

    /** Throws {@link QueryParameterException} when {@code value} (normalised) is not a value of that kind. */
    void check(QueryParameter p, ParameterConstraint.Kind kind, String value) {
        switch (kind) {
            case COUNTRY -> {
                if (CountryCodes.isAlpha3(value) || exists(IS_COUNTRY, NodeFactory.createLiteralString(value))) return;
                Set<String> inData = values(COUNTRIES);
                Set<String> all = new TreeSet<>(inData);
                all.addAll(CountryCodes.alpha3Codes());
                throw p.refuse(value, "is not an ISO 3166-1 alpha-3 code nor a region of the data"
                    + hint(value, inData, all));
            }
            case COUNTRIES -> {
                if (value.equals("none")) return;
                if (value.isEmpty() || value.startsWith(",") || value.endsWith(",") || value.contains(",,"))
                    throw p.refuse(value, "is not a comma-separated list of country codes (e.g. NLD,JPN), or none");
                for (String code : value.split(",")) {
                    try {
                        check(p, ParameterConstraint.Kind.COUNTRY, code);
                    } catch (QueryParameterException e) {
                        throw p.refuse(value, "lists \"" + code + "\", which is not an ISO 3166-1 alpha-3 code nor a region of the data"
                            + hint(code, values(COUNTRIES), CountryCodes.alpha3Codes()));
                    }
                }
            }
            case ITEM -> {
                if (exists(IS_ITEM, NodeFactory.createLiteralString(value))) return;
                Set<String> items = values(ITEMS);
                throw p.refuse(value, "is not an item or stage id of a loaded chain" + hint(value, items, items));
            }
            case CHAIN -> {
                if (org.apache.jena.irix.IRIs.check(value) && exists(IS_CHAIN, NodeFactory.createURI(value))) return;
                Set<String> chains = values(CHAINS);
                throw p.refuse(value, "is not a loaded chain (loaded: " + (chains.isEmpty() ? "none" : String.join(", ", chains))
                    + (p.acceptsAll() ? "; or * for all" : "") + ")");
            }
        }
    }

    private static String hint(String value, Set<String> preferred, Set<String> all) {
        var close = Suggestions.closest(value, preferred, 3);
        if (close.isEmpty()) close = Suggestions.closest(value.toUpperCase(Locale.ROOT), all, 3);
        return close.isEmpty() ? "" : " (did you mean '" + String.join("' or '", close) + "'?)";
    }

    /** Whether the membership query has a row with {@code ?x} bound to {@code x} (one indexed lookup). */
    private boolean exists(Query q, org.apache.jena.graph.Node x) {
        return runner.selectAll(q, BindingFactory.binding(Var.alloc("x"), x)).hasNext();
    }

    private Set<String> values(Query q) {
        RowSetRewindable rows = runner.selectAll(q, null);
        Set<String> out = new TreeSet<>();
        Var v = Var.alloc("v");
        rows.forEachRemaining(b -> {
            var n = b.get(v);
            if (n != null) out.add(n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
        });
        return out;
    }
}
