package org.chainkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** {@link GraphWriter#embedded}: chooses the bulk or the transaction path per graph (see there). */
final class EmbeddedGraphWriter implements GraphWriter {
    private final DatasetGraph dsg;
    private final LoadProgress progress;
    private final boolean clearFirst;

    EmbeddedGraphWriter(DatasetGraph dsg, LoadProgress progress, boolean clearFirst) {
        this.dsg = dsg;
        this.progress = progress;
        this.clearFirst = clearFirst;
    }

    @Override
    public Result replace(Node g, Producer data, Provenance provenance) {
        if (!BulkGraphLoad.supports(dsg)) return new TransactionGraphWriter(dsg, progress).replace(g, data, provenance);
        long replaced = 0;
        if (clearFirst) {
            replaced = Txn.calculateWrite(dsg, () -> Graphs.clear(dsg, g));
            KillPoint.reached("derive.cleared");
        }
        var bulk = BulkGraphLoad.begin(dsg, g);
        if (bulk.isEmpty()) return new TransactionGraphWriter(dsg, progress).replace(g, data, provenance);
        return BulkGraphWriter.replace(dsg, bulk.get(), g, data, provenance, progress, replaced);
    }
}
