package org.chainkg.match;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * The matcher for a store as it is now, shared by the server's match endpoint and the workbench: built on first use
 * and rebuilt when the store's loads or derivations change (their PROV records).
 */
public final class CurrentMatcher {
    private static final String LOADS = """
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g ?a WHERE { GRAPH ?g { ?g prov:wasGeneratedBy ?a } } ORDER BY ?g ?a""";
    private final DatasetGraph dsg;
    private final MatchWeights weights;
    private Matcher matcher;
    private String state;

    public CurrentMatcher(DatasetGraph dsg, MatchWeights weights) {
        this.dsg = dsg;
        this.weights = weights;
    }

    /** The matcher for the store's present loads and derivations. */
    public synchronized Matcher get() {
        String now = Txn.calculateRead(dsg, () -> {
            StringBuilder sb = new StringBuilder();
            try (QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(LOADS)).build()) {
                q.select().forEachRemaining(b -> sb.append(b.get("g")).append(' ').append(b.get("a")).append('\n'));
            }
            return sb.toString();
        });
        if (matcher == null || !now.equals(state)) {
            if (matcher != null) matcher.close();
            matcher = Matcher.build(dsg, weights);
            state = now;
        }
        return matcher;
    }
}
