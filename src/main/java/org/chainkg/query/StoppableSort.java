package org.chainkg.query;

import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * ORDER BY that stops at the query's cancel signal while it sorts.
 * <p>
 * ARQ sorts all rows in one call ({@code Arrays.sort} inside {@link QueryIterSort}); the cancel signal that
 * {@link QueryDeadline} sets is read between rows, so a sort of a million rows ran 4–5 s past a 1 s timeout before
 * the query stopped (ARQ's own abort reaches the sort only once the plan is built, and a sort below a pattern runs
 * while it is being built). Here each comparison reads the signal and stops the sort with ARQ's
 * {@code QueryCancelledException} (a 503 on the server, "cancelled" on the command line).
 * <p>
 * {@link #install} keeps the dataset's own executor (TDB2's, which reorders patterns) and changes only ORDER BY.
 */
public final class StoppableSort {
    private StoppableSort() {}

    /** Makes ORDER BY in queries on {@code dsg} stoppable by the query's cancel signal. */
    public static void install(DatasetGraph dsg) {
        OpExecutorFactory current = QC.getFactory(dsg.getContext());
        if (current instanceof Factory) return;
        boolean tdb2 = current == OpExecutorTDB2.OpExecFactoryTDB;
        if (current != null && !tdb2)
            // Another executor (a library's): left as it is rather than replaced by one that lacks its optimisations.
            return;
        QC.setFactory(dsg.getContext(), new Factory(tdb2));
    }

    private record Factory(boolean tdb2) implements OpExecutorFactory {
        @Override
        public OpExecutor create(ExecutionContext execCxt) {
            return tdb2 ? new Tdb2(execCxt) : new Plain(execCxt);
        }
    }

    /** The comparator of ORDER BY's conditions, reading the cancel signal at each comparison. */
    static QueryIterator sort(QueryIterator rows, OpOrder order, ExecutionContext execCxt) {
        Comparator<Binding> conditions = new BindingComparator(order.getConditions(), execCxt);
        AtomicBoolean signal = execCxt.getCancelSignal();
        if (signal == null) return new QueryIterSort(rows, conditions, execCxt);
        Comparator<Binding> stoppable = (a, b) -> {
            if (signal.get()) throw new QueryCancelledException();
            return conditions.compare(a, b);
        };
        return new QueryIterSort(rows, stoppable, execCxt);
    }

    private static final class Plain extends OpExecutor {
        Plain(ExecutionContext execCxt) {
            super(execCxt);
        }

        @Override
        protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
            return sort(exec(opOrder.getSubOp(), input), opOrder, execCxt);
        }
    }

    private static final class Tdb2 extends OpExecutorTDB2 {
        Tdb2(ExecutionContext execCxt) {
            super(execCxt);
        }

        @Override
        protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
            return sort(exec(opOrder.getSubOp(), input), opOrder, execCxt);
        }
    }
}
