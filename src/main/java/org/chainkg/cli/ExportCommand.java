package org.chainkg.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.chainkg.store.ChainStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chainkg export --db DIR [--graph IRI] --format nquads|turtle}: the store (or one graph) on stdout. */
@Command(name = "export", description = "Write the store, or one named graph, to stdout as N-Quads or Turtle.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Option(names = "--graph", paramLabel = "IRI", description = "Only this named graph.")
    String graph;

    @Option(names = "--format", required = true, description = "nquads or turtle (turtle without --graph writes the union of all graphs).")
    String format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Suggestions.choose(spec, "--format", format, java.util.List.of("nquads", "turtle"));
        try (ChainStore s = store.openExisting(common.quiet)) {
            DatasetGraph dsg = s.dataset();
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            Txn.executeRead(dsg, () -> {
                Node g = graph == null ? null : NodeFactory.createURI(graph);
                if (g != null && !dsg.containsGraph(g))
                    throw new IllegalArgumentException("no graph <" + graph + "> in the store (see chainkg stats)");
                if (format.equals("nquads")) {
                    if (g == null)
                        RDFDataMgr.write(out, dsg, RDFFormat.NQUADS);
                    else
                        RDFDataMgr.writeQuads(out, dsg.find(g, Node.ANY, Node.ANY, Node.ANY));
                } else {
                    RDFDataMgr.write(out, g == null ? dsg.getUnionGraph() : dsg.getGraph(g), RDFFormat.TURTLE_BLOCKS);
                }
            });
            out.flush();
        }
        return 0;
    }
}
