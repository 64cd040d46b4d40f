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
@Command(name = "stats", description = "Show the store's sources (with provenance) and counts by kind.")
public final class StatsCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json. Default: ${DEFAULT-VALUE}")
    String format;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResultFormat fmt = ResultFormat.parseCommandLine(Suggestions.choose(spec, "--format", format, QueryCommand.FORMATS));
        try (ChainStore s = store.openExisting()) {
            QueryRunner runner = new QueryRunner(s.dataset(), 0);
            System.out.println("Sources:");
            runner.select(QueryFactory.create(StoreStatistics.SOURCES), null, rows -> fmt.write(rows, System.out));
            System.out.println("Contents:");
            runner.select(QueryFactory.create(StoreStatistics.COUNTS), null, rows -> fmt.write(rows, System.out));
            System.out.printf("Text index: %,d documents%n", StoreStatistics.textDocuments(s));
        }
        return 0;
    }
}
