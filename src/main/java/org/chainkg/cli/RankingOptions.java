package org.chainkg.cli;

import java.nio.file.Path;
import java.util.List;

import org.chainkg.match.MatchingEvaluation;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options and the output of the ranking evaluations ({@code eval matching}, {@code eval item-matching}). */
public final class RankingOptions {
    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of Recall@k and nDCG@k. Default: ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or csv. Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random baseline. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--weights", paramLabel = "FILE", description = "Properties file overriding weights of match-weights.properties.")
    Path weightsFile;

    /** Refuses a format other than table or csv, and a k below 1 (exit 2). */
    void check(CommandLine.Model.CommandSpec spec) {
        Suggestions.choose(spec, "--format", format, List.of("table", "csv"));
        if (k < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--k must be at least 1");
    }

    /** The rows on stdout, as CSV or as a table; {@code unit} names the last column (labs, items). */
    void print(List<MatchingEvaluation.Row> rows, String unit) {
        if (format.equals("csv")) {
            System.out.println(MatchingEvaluation.HEADER.replace(",labs", "," + unit));
            rows.forEach(r -> System.out.println(r.csv()));
        } else {
            System.out.printf("%-15s %-10s %3s %8s %8s %8s %5s%n", "method", "stratum", "k", "recall", "mrr", "ndcg", unit);
            rows.forEach(r -> System.out.printf(java.util.Locale.ROOT, "%-15s %-10s %3d %8.4f %8.4f %8.4f %5d%n",
                r.method(), r.stratum(), r.k(), r.recall(), r.mrr(), r.ndcg(), r.labs()));
        }
    }
}
