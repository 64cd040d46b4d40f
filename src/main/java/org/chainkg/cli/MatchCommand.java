package org.chainkg.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.chainkg.match.MatchResult;
import org.chainkg.match.MatchTable;
import org.chainkg.match.MatchWeights;
import org.chainkg.match.Matcher;
import org.chainkg.query.ResultFormat;
import org.chainkg.store.ChainStore;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chainkg match --lab ID | --firm ID | --item ID --country C [--k 20] [--new-only]}: firms for a research
 * organisation, research organisations for a firm, or research organisations for a chain item, each with why.
 */
@Command(name = "match", description = "Rank firms for a lab (--lab), labs for a firm (--firm) or research organisations "
                                       + "(--kind firm or all: firms, every organisation) for a chain item (--item, with --country), "
                                       + "with explanations; results on stdout.")
public final class MatchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--lab", paramLabel = "ID", description = "Research organisation: canonical IRI, key (pic-999901318) or source id (CORDIS organisation id, ROR id).")
        String lab;
        @Option(names = "--firm", paramLabel = "ID", description = "Firm: canonical IRI, key or source id (CORDIS organisation id, ETO provider id).")
        String firm;
        @Option(names = "--item", paramLabel = "ID", description = "Chain item id as in the source data (e.g. N20); needs --country.")
        String item;
    }

    @Option(names = "--country", paramLabel = "C", description = "Country of interest (ISO alpha-3) for chain need and geography; default: the organisation's own.")
    String country;

    @Option(names = "--kind", paramLabel = "KIND", description = "With --item: which organisations are ranked: research "
            + "(research organisations, the default), firm, or all.")
    String kind;

    @Option(names = "--k", paramLabel = "N", defaultValue = "20", description = "Number of results. Default: ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--new-only", description = "Leave out pairs that already share a project or an output.")
    boolean newOnly;

    @Option(names = "--weights", paramLabel = "FILE", description = "Properties file overriding weights of match-weights.properties.")
    Path weightsFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv, tsv or json. Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Match over a remote SPARQL 1.1 store instead of --db: its "
            + "query URL (e.g. http://host:3030/chainkg/sparql), whose default graph is the union of the named graphs (with "
            + "chainkg's derived graphs). The union is fetched into memory once.")
    String endpoint;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResultFormat fmt;
        fmt = ResultFormat.parseCommandLine(Suggestions.choose(spec, "--format", format, QueryCommand.FORMATS));
        if (target.item != null && country == null)
            throw new CommandLine.ParameterException(spec.commandLine(), "--item needs --country (the country of interest, e.g. DEU)");
        if (k < 1)
            throw new CommandLine.ParameterException(spec.commandLine(), "--k must be at least 1");
        if (target.item != null && newOnly)
            throw new CommandLine.ParameterException(spec.commandLine(), "--new-only applies to --lab and --firm");
        if (kind != null && target.item == null)
            throw new CommandLine.ParameterException(spec.commandLine(), "--kind applies to --item");
        Matcher.Candidates candidates = kind == null ? Matcher.Candidates.RESEARCH
            : Matcher.Candidates.of(Suggestions.choose(spec, "--kind", kind, List.of("research", "firm", "all")));
        MatchWeights weights = MatchWeights.load(weightsFile);
        Matcher.MatchRequest request = target.lab != null ? Matcher.MatchRequest.lab(target.lab, country, k, newOnly)
            : target.firm != null ? Matcher.MatchRequest.firm(target.firm, country, k, newOnly)
            : Matcher.MatchRequest.item(target.item, country, k, candidates);
        if (endpoint != null) {
            org.apache.jena.sparql.core.DatasetGraph copy = org.chainkg.store.RemoteStore.unionCopy(endpoint);
            try {
                write(copy, weights, request, fmt);
            } finally {
                copy.close();
            }
            return 0;
        }
        try (ChainStore s = store.openExisting(common.quiet)) {
            if (!store.dbGiven() && s.isEmpty())
                throw new IllegalStateException("the store " + store.dbOrDefault() + " is empty: load data first (chainkg load)");
            write(s.dataset(), weights, request, fmt);
        }
        return 0;
    }

    private static void write(org.apache.jena.sparql.core.DatasetGraph dsg, MatchWeights weights, Matcher.MatchRequest request,
                              ResultFormat fmt) {
        try (Matcher m = Matcher.build(dsg, weights)) {
            List<MatchResult> results = m.match(request);
            OutputStream out = new BufferedOutputStream(System.out);
            fmt.write(MatchTable.rows(results), out);
            out.flush();
            m.note(request).ifPresent(note -> System.err.println("note: " + note));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
