package org.chainkg.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.chainkg.analytics.TextLinkEvaluation;
import org.chainkg.analytics.TextLinker;
import org.chainkg.match.CordisHoldout;
import org.chainkg.match.MatchWeights;
import org.chainkg.match.Matcher;
import org.chainkg.match.MatchingEvaluation;
import org.chainkg.store.ChainStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chainkg eval matching --db DIR --truth FILE [--k 10] [--format csv]} scores lab → firm matching against
 * held-out collaborations; {@code chainkg eval split --seed 7 --holdout 0.3 IN_DIR OUT_DIR} makes such a hold-out
 * from a CORDIS extract; {@code chainkg eval text-links [--links]} scores the text linker on the labelled pairs of
 * data/evaluation/text-links.
 */
@Command(name = "eval", description = "Evaluate matching on held-out collaborations, and text links on labelled pairs.",
         subcommands = {EvalCommand.Matching.class, EvalCommand.ItemMatching.class, EvalCommand.Split.class, EvalCommand.TextLinks.class})
public final class EvalCommand implements Runnable {
    @Mixin CommonOptions common;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: matching, item-matching, split or text-links");
    }

    @Command(name = "matching", description = "Recall@k, MRR and nDCG@k of chainkg, random, popularity and text-only "
                                              + "rankings of all firms for each lab of a truth file (lab_id,firm_id).")
    static final class Matching implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Mixin StoreOptions store;

        @Option(names = "--truth", required = true, paramLabel = "FILE", description = "CSV with header lab_id,firm_id (source identifiers, e.g. CORDIS organisation ids).")
        Path truth;

        @Mixin RankingOptions ranking;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ranking.check(spec);
            if (!java.nio.file.Files.isRegularFile(truth)) throw new IllegalArgumentException(truth + ": no such file");
            Map<String, Set<String>> pairs = MatchingEvaluation.readTruth(truth);
            MatchingEvaluation.Result result;
            try (ChainStore s = store.openExisting(common.quiet);
                 Matcher m = Matcher.build(s.dataset(), MatchWeights.load(ranking.weightsFile))) {
                result = MatchingEvaluation.run(m, pairs, ranking.k, ranking.seed);
            }
            var c = result.coverage();
            if (!common.quiet)
                System.err.printf("truth: %d pairs, %d labs; evaluated %d labs with %d pairs (labs not in the store: %d, not research "
                                  + "organisations: %d; pairs whose firm is not a firm in the store: %d)%n", c.pairs(), c.labs(),
                                  c.labsEvaluated(), c.pairsEvaluated(), c.labsNotInStore(), c.labsNotResearch(), c.pairsFirmNotInStore());
            ranking.print(result.rows(), "labs");
            return 0;
        }
    }

    @Command(name = "item-matching", description = "Recall@k, MRR and nDCG@k of item matching on a held-out year of the store's "
                                                   + "outputs: chainkg against prior outputs, technology-only, text-only, popularity and random.")
    static final class ItemMatching implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Mixin StoreOptions store;

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The outputs of this year (ck:outputYear) are hidden; their holders are the truth.")
        int year;

        @Option(names = "--country", paramLabel = "C", defaultValue = "USA", description = "Country of interest of the item matches. Default: ${DEFAULT-VALUE}")
        String country;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "all", description = "Candidates: research, firm or all. Default: ${DEFAULT-VALUE}")
        String kind;

        @Mixin RankingOptions ranking;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ranking.check(spec);
            Matcher.Candidates candidates = Matcher.Candidates.of(Suggestions.choose(spec, "--kind", kind, java.util.List.of("research", "firm", "all")));
            if (!country.matches("[A-Z]{3}"))
                throw new CommandLine.ParameterException(spec.commandLine(), "--country must be an ISO 3166-1 alpha-3 code such as USA (got " + country + ")");
            org.chainkg.match.ItemMatchingEvaluation.Result result;
            try (ChainStore s = store.openExisting(common.quiet)) {
                result = org.chainkg.match.ItemMatchingEvaluation.run(s.dataset(), MatchWeights.load(ranking.weightsFile), year, country, candidates,
                                                                      ranking.k, ranking.seed);
            }
            var c = result.coverage();
            if (!common.quiet)
                System.err.printf("hold-out %d: %d outputs hidden; %d items with a truth, %d (item, organisation) pairs, %d of them by "
                                  + "organisations with no visible output on the item; %d candidates (%s)%n",
                                  c.year(), c.hiddenOutputs(), c.items(), c.pairs(), c.newPairs(), c.candidates(), kind);
            ranking.print(result.rows(), "items");
            return 0;
        }
    }

    @Command(name = "split", description = "Hide a random share of a CORDIS extract's projects: OUT_DIR/train (load it), "
                                           + "OUT_DIR/hidden and OUT_DIR/truth.csv (their lab-firm pairs).")
    static final class Split implements Callable<Integer> {
        @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed of the shuffle. Default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--holdout", paramLabel = "SHARE", defaultValue = "0.3", description = "Share of projects hidden. Default: ${DEFAULT-VALUE}")
        double holdout;

        @Mixin CommonOptions common;

        @Parameters(index = "0", paramLabel = "IN_DIR", description = "CORDIS extract (organizations.csv, project-topics.csv).")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Where train/, hidden/ and truth.csv go.")
        Path out;

        @Override
        public Integer call() {
            CordisHoldout.Summary s = CordisHoldout.split(in, out, seed, holdout);
            if (!common.quiet)
                System.err.printf("hid %d of %d projects (seed %d): %d rows kept in %s, %d hidden; %d lab-firm pairs in %s%n",
                    s.hidden(), s.projects(), seed, s.trainRows(), out.resolve("train"), s.hiddenRows(), s.pairs(), out.resolve(CordisHoldout.TRUTH));
            return 0;
        }
    }

    @Command(name = "text-links", description = "Precision, recall and F1 of the bm25-text links on labelled (output, item) pairs, "
                                                + "at the linker's threshold and at others, on the whole set and its tune/test halves.")
    static final class TextLinks implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Option(names = "--labels", paramLabel = "DIR", defaultValue = "data/evaluation/text-links",
                description = "Folder with outputs.csv and labels.csv. Default: ${DEFAULT-VALUE}")
        Path labels;

        @Option(names = "--chain", paramLabel = "DIR", defaultValue = "data/eto-chip-explorer",
                description = "ETO-format chain whose items are linked. Default: ${DEFAULT-VALUE}")
        Path chain;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or csv. Default: ${DEFAULT-VALUE}")
        String format;

        @Option(names = "--links", description = "Print every link (score 0 and up) with its label instead of the figures.")
        boolean listLinks;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Suggestions.choose(spec, "--format", format, java.util.List.of("table", "csv"));
            for (Path p : java.util.List.of(labels, chain))
                if (!java.nio.file.Files.isDirectory(p)) throw new IllegalArgumentException(p + ": no such folder");
            TextLinkEvaluation e = TextLinkEvaluation.run(labels, chain);
            if (listLinks) {
                System.out.println("output_id,item_id,score,label,words");
                for (TextLinkEvaluation.ScoredLink l : e.links())
                    System.out.printf(java.util.Locale.ROOT, "%s,%s,%.3f,%s,\"%s\"%n", l.outputId(), l.itemId(), l.score(),
                                      l.label() < 0 ? "" : String.valueOf(l.label()), String.join(" ", l.words()));
                return 0;
            }
            var rows = e.table(TextLinker.MIN_SCORE);
            if (format.equals("csv")) {
                System.out.println(TextLinkEvaluation.HEADER);
                rows.forEach(r -> System.out.println(r.csv()));
            } else {
                System.out.printf("%-5s %9s %5s %5s %5s %4s %4s %4s %5s %9s %6s %6s%n", "split", "threshold", "pairs", "pos",
                                  "links", "tp", "fp", "fn", "unlab", "precision", "recall", "f1");
                rows.forEach(r -> System.out.printf(java.util.Locale.ROOT, "%-5s %9.1f %5d %5d %5d %4d %4d %4d %5d %9.3f %6.3f %6.3f%n",
                    r.split(), r.threshold(), r.pairs(), r.positives(), r.links(), r.tp(), r.fp(), r.fn(), r.unlabelled(),
                    r.precision(), r.recall(), r.f1()));
            }
            if (!common.quiet)
                System.err.printf("text links at the linker's threshold (%s): the first rows; unlab = links on pairs without a label%n",
                                  TextLinker.MIN_SCORE);
            return 0;
        }
    }
}
