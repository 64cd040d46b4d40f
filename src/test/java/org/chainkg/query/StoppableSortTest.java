package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY on a TDB2 store (the command line's path through {@link QueryRunner}): a sort of a million rows below a
 * pattern stops at the deadline, where ARQ's sort ran to its end first; sorting itself is unchanged, and TDB2's
 * own executor (pattern reordering) is kept.
 */
class StoppableSortTest {
    static final String LONG_SORT = "SELECT * { { SELECT ?a ?b { ?a <urn:p> ?o1 . ?b <urn:p> ?o2 } ORDER BY ?o2 ?o1 } ?a <urn:p> ?o }";
    static DatasetGraph dsg;

    @BeforeAll
    static void load() {
        dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            Node p = NodeFactory.createURI("urn:p");
            for (int i = 0; i < 1000; i++) g.add(NodeFactory.createURI("urn:s" + i), p, NodeFactory.createLiteralString("v" + i));
        });
        StoppableSort.install(dsg);
    }

    /** Calls of the sort key below; its first call (the sort's first comparison) sets the query's cancel signal. */
    static final AtomicLong KEY_CALLS = new AtomicLong();
    static volatile AtomicBoolean signalToTrip;

    /**
     * The cancel signal set while the sort runs (by the sort key, at the first comparison, so that no timing is
     * involved) stops it, on TDB2 and in memory. ARQ's own sort read the signal only once it had compared all rows.
     */
    @Test
    void aSignalDuringTheSortStopsIt() {
        FunctionRegistry.get().put("urn:test:tripping-key", TrippingKey.class);
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(mem, () -> Txn.executeRead(dsg, () -> dsg.getDefaultGraph().find().forEach(mem.getDefaultGraph()::add)));
        StoppableSort.install(mem);
        String q = "SELECT * { ?a <urn:p> ?o1 . ?b <urn:p> ?o2 FILTER(?a != ?b) } ORDER BY <urn:test:tripping-key>(?o2) ?o1";
        for (DatasetGraph d : List.of(dsg, mem)) {
            KEY_CALLS.set(0);
            AtomicBoolean signal = new AtomicBoolean(false);
            signalToTrip = signal;
            assertThrows(QueryCancelledException.class, () -> Txn.executeRead(d, () -> {
                try (QueryExec exec = QueryExec.dataset(d).query(q).set(ARQConstants.symCancelQuery, signal).build()) {
                    exec.select().forEachRemaining(b -> {});
                }
            }));
            // Sorting 999,000 rows takes about 20 million comparisons; a stopped sort makes one.
            assertTrue(KEY_CALLS.get() < 10, (d == dsg ? "TDB2: " : "memory: ") + KEY_CALLS.get() + " sort keys computed after the signal");
        }
    }

    public static final class TrippingKey extends FunctionBase1 {
        @Override
        public NodeValue exec(NodeValue v) {
            if (KEY_CALLS.incrementAndGet() == 1) signalToTrip.set(true);
            return v;
        }
    }

    /** The command line's path: ARQ's timeout and the deadline. */
    @Test
    void theCommandLineStopsALongSort() {
        long t0 = System.nanoTime();
        assertThrows(QueryCancelledException.class,
                     () -> new QueryRunner(dsg, 500).select(QueryFactory.create(LONG_SORT), null, rs -> rs.forEachRemaining(b -> {})));
        double seconds = (System.nanoTime() - t0) / 1e9;
        // ARQ's sort ran to its end first: 4 s on this machine.
        assertTrue(seconds < 1.5, "a 0.5 s deadline stopped the query after " + seconds + " s");
    }

    @Test
    void sortingIsUnchanged() {
        QueryRunner runner = new QueryRunner(dsg, 10_000);
        var q = QueryFactory.create("SELECT ?o { ?s <urn:p> ?o FILTER(STRLEN(?o) = 2) } ORDER BY DESC(?o)");
        List<String> got = new ArrayList<>();
        runner.select(q, null, rs -> rs.forEachRemaining(b -> got.add(b.get("o").getLiteralLexicalForm())));
        assertEquals(List.of("v9", "v8", "v7", "v6", "v5", "v4", "v3", "v2", "v1", "v0"), got);
    }

    @Test
    void tdb2KeepsItsExecutor() {
        var factory = QC.getFactory(dsg.getContext());
        var exec = factory.create(new ExecutionContext(dsg));
        assertInstanceOf(OpExecutorTDB2.class, exec, "TDB2's executor (pattern reordering) is kept");
        StoppableSort.install(dsg);
        assertEquals(factory, QC.getFactory(dsg.getContext()), "installing twice changes nothing");
    }
}
