package org.chainkg.store;

import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Property paths that see the releases queries see. TDB2 applies its quad filter ({@link Releases}) when it matches
 * triple patterns, but ARQ evaluates a property path ({@code ck:subtypeOf*}, {@code ck:feedsInto|ck:subtypeOf}) by
 * calling {@code find} on the union graph, which the filter does not reach: a superseded release leaked into every
 * path over the default graph (found by comparing the named queries with Virtuoso, whose FROM lists exclude it). This
 * executor evaluates such paths over a union graph of the visible graphs only; paths inside {@code GRAPH}, and
 * queries that see every release, are evaluated as TDB2 does.
 */
final class ReleasePaths {
    /** Context key: the graphs hidden from queries, beside TDB2's tuple filter. */
    static final Symbol HIDDEN = Symbol.create("https://w3id.org/chainkg/ontology#hiddenGraphs");

    static final OpExecutorFactory FACTORY = Executor::new;

    private static final class Executor extends OpExecutorTDB2 {
        Executor(ExecutionContext cxt) { super(cxt); }

        @Override
        protected QueryIterator execute(OpPath op, QueryIterator input) {
            Object hidden = execCxt.getContext().get(HIDDEN);
            boolean showAll = execCxt.getContext().get(SystemTDB.symTupleFilter) == Releases.SHOW_ALL;
            Graph active = execCxt.getActiveGraph();
            boolean union = active instanceof GraphView v && Quad.isUnionGraph(v.getGraphName());
            if (!(hidden instanceof Set<?> h) || h.isEmpty() || showAll || !union) return super.execute(op, input);
            @SuppressWarnings("unchecked") Set<Node> graphs = (Set<Node>) h;
            ExecutionContext visible = new ExecutionContext(execCxt, new VisibleUnion(execCxt.getDataset(), graphs));
            return new org.apache.jena.sparql.engine.iterator.QueryIterPath(op.getTriplePath(), input, visible);
        }
    }

    /**
     * The RDF merge of the named graphs that are not hidden: TDB2's own union graph (distinct triples, matched on
     * node ids), less the triples that only hidden graphs hold. A triple costs one lookup in each hidden graph (a few
     * superseded releases), and only a triple found there is looked up in the other graphs.
     */
    private static final class VisibleUnion extends GraphBase {
        private final DatasetGraph dsg;
        private final Set<Node> hidden;

        VisibleUnion(DatasetGraph dsg, Set<Node> hidden) {
            this.dsg = dsg;
            this.hidden = hidden;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple t) {
            return dsg.getUnionGraph().find(t).filterKeep(this::visible);
        }

        private boolean visible(Triple t) {
            for (Node h : hidden) {
                if (!dsg.contains(h, t.getSubject(), t.getPredicate(), t.getObject())) continue;
                var in = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
                try {
                    while (in.hasNext()) if (!hidden.contains(in.next().getGraph())) return true;
                } finally {
                    Iter.close(in);
                }
                return false;
            }
            return true;
        }
    }

    private ReleasePaths() {}
}
