package org.chainkg.query;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.chainkg.rdf.CountryCodes;

/**
 * The values that country, item and chain parameters may take, read from the store a query runs on (embedded or
 * remote): a country is an ISO 3166-1 alpha-3 code or a code the data gives a {@code ck:Country} (regions such as
 * EUR); an item is an element id of a loaded chain; a chain is a loaded {@code ck:IndustrialChain}. Each check is
 * one small SELECT; suggestions come from the same lists.
 */
public final class ParameterDomain {
    private static final String PREFIXES = "PREFIX ck: <https://w3id.org/chainkg/ontology#>\n"
        + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n";
    private static final Query COUNTRIES = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?v { ?c a ck:Country ; skos:notation ?v }");
    private static final Query ITEMS = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?v { ?e ck:inChain ?ch ; dcterms:identifier ?v }");
    private static final Query CHAINS = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?v { ?v a ck:IndustrialChain }");

    private final QueryRunner runner;

    public ParameterDomain(QueryRunner runner) {
        this.runner = runner;
    }

    /** Throws {@link QueryParameterException} when {@code value} (normalised) is not a value of that kind. */
    void check(QueryParameter p, ParameterConstraint.Kind kind, String value) {
        switch (kind) {
            case COUNTRY -> {
                Set<String> inData = values(COUNTRIES);
                if (inData.contains(value) || CountryCodes.isAlpha3(value)) return;
                Set<String> all = new TreeSet<>(inData);
                all.addAll(CountryCodes.alpha3Codes());
                throw p.refuse(value, "is not an ISO 3166-1 alpha-3 code nor a region of the data"
                    + hint(value, inData, all));
            }
            case ITEM -> {
                Set<String> items = values(ITEMS);
                if (items.contains(value)) return;
                throw p.refuse(value, "is not an item or stage id of a loaded chain" + hint(value, items, items));
            }
            case CHAIN -> {
                Set<String> chains = values(CHAINS);
                if (chains.contains(value)) return;
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
