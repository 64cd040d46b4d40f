package org.chainkg.cli;

import java.util.concurrent.Callable;

import org.apache.jena.query.QueryFactory;
import org.chainkg.query.QueryRunner;
import org.chainkg.query.ResultFormat;
import org.chainkg.store.ChainStore;
import org.chainkg.store.StoreStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chainkg stats --db DIR}: what is in the store — sources with their provenance, and counts by kind. */
@Command(name = "stats", description = "Show the store's sources (with provenance), counts by kind, and whether each derived "
                                       + "graph is current, missing, incomplete or stale.")
public final class StatsCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json. Default: ${DEFAULT-VALUE}")
    String format;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** One row per derived graph: name, graph, state (current, missing, incomplete, stale) and why. */
    static org.apache.jena.sparql.exec.RowSet derivedStatus(ChainStore s) {
        var vars = java.util.List.of(org.apache.jena.sparql.core.Var.alloc("derivation"), org.apache.jena.sparql.core.Var.alloc("graph"),
                                     org.apache.jena.sparql.core.Var.alloc("state"), org.apache.jena.sparql.core.Var.alloc("reason"));
        java.util.List<org.apache.jena.sparql.engine.binding.Binding> rows = new java.util.ArrayList<>();
        for (var st : org.chainkg.analytics.DerivedGraphs.status(s.dataset())) {
            var b = org.apache.jena.sparql.engine.binding.BindingFactory.builder()
                .add(vars.get(0), org.apache.jena.graph.NodeFactory.createLiteralString(st.name()))
                .add(vars.get(1), st.graph())
                .add(vars.get(2), org.apache.jena.graph.NodeFactory.createLiteralString(st.state().name().toLowerCase(java.util.Locale.ROOT)));
            if (st.reason() != null) b.add(vars.get(3), org.apache.jena.graph.NodeFactory.createLiteralString(st.reason()));
            rows.add(b.build());
        }
        return org.apache.jena.sparql.exec.RowSetStream.create(vars, rows.iterator());
    }

    @Override
    public Integer call() {
        ResultFormat fmt = ResultFormat.parseCommandLine(Suggestions.choose(spec, "--format", format, QueryCommand.FORMATS));
        try (ChainStore s = store.openExisting(common.quiet)) {
            QueryRunner runner = new QueryRunner(s.dataset(), 0);
            System.out.println("Sources:");
            runner.select(QueryFactory.create(StoreStatistics.SOURCES), null, rows -> fmt.write(rows, System.out));
            System.out.println("Contents:");
            runner.select(QueryFactory.create(StoreStatistics.COUNTS), null, rows -> fmt.write(rows, System.out));
            System.out.printf("Text index: %,d documents%n", StoreStatistics.textDocuments(s));
            System.out.println("Derived graphs:");
            fmt.write(derivedStatus(s), System.out);
        }
        return 0;
    }
}
