package org.chainkg.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.NamedQuery;
import org.chainkg.query.Page;
import org.chainkg.query.ParameterDomain;
import org.chainkg.query.QueryParameterException;
import org.chainkg.query.QueryRunner;
import org.chainkg.query.ResultFormat;
import org.chainkg.store.ChainStore;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chainkg query NAME [--param k=v]... [--format table|csv|tsv|json]} runs a named query;
 * {@code chainkg query --sparql 'SELECT ...'} runs ad-hoc SPARQL; {@code --offset N --rows M} returns one page; {@code chainkg query --list} lists the named ones.
 */
@Command(name = "query", description = "Run a named query (see --list) or ad-hoc SPARQL; results on stdout.")
public final class QueryCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Parameters(index = "0", paramLabel = "NAME", description = "Named query (file queries/NAME.rq).")
        String name;

        @Option(names = "--sparql", paramLabel = "TEXT", description = "Ad-hoc SPARQL SELECT query.")
        String sparql;

        @Option(names = "--list", description = "List the named queries with their parameters.")
        boolean list;
    }

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "Parameter of the named query (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or tsv (plain values, for people and spreadsheets), csv, json or xml (SPARQL 1.1 results). Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "Skip the first N rows (in the query's order). Default: ${DEFAULT-VALUE}")
    long offset;

    @Option(names = "--rows", paramLabel = "N", description = "Return at most N rows (one page). Default: all")
    Long rows;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Query timeout. Default: ${DEFAULT-VALUE}")
    long timeoutSeconds;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Run against a remote SPARQL 1.1 query endpoint instead of --db "
            + "(e.g. http://host:3030/chainkg/sparql); its default graph must be the union of the named graphs.")
    String endpoint;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The values of {@code --format} for result tables (query, stats, match). */
    static final java.util.List<String> FORMATS = java.util.List.of("table", "csv", "tsv", "json", "xml");

    @Override
    public Integer call() throws Exception {
        ResultFormat fmt;
        fmt = ResultFormat.parseCommandLine(Suggestions.choose(spec, "--format", format, FORMATS));
        if (what.list) {
            listQueries();
            return 0;
        }
        Page page;
        try {
            page = new Page(offset, rows == null ? -1 : rows);
            if (rows != null && rows < 0) throw new QueryParameterException("--rows must be 0 or more (got " + rows + ")");
        } catch (QueryParameterException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().replaceFirst("^offset", "--offset"));
        }
        NamedQuery named = null;
        if (what.name != null) {
            named = NamedQueries.all().get(what.name);
            if (named == null)
                throw new CommandLine.ParameterException(spec.commandLine(), "no named query '" + what.name + "'"
                    + Suggestions.didYouMean(what.name, NamedQueries.all().keySet()) + "; chainkg query --list lists them");
        }
        if (endpoint != null) {
            run(QueryRunner.remote(endpoint, timeoutSeconds * 1000), named, fmt, page);
        } else try (ChainStore s = store.openExisting(common.quiet)) {
            run(new QueryRunner(s.dataset(), timeoutSeconds * 1000), named, fmt, page);
        }
        if (named != null && named.credit() != null && !common.quiet)
            System.err.println("data: " + named.credit());
        return 0;
    }

    /** Binds the parameters (checking country, item and chain values against the store), then runs the query. */
    private void run(QueryRunner runner, NamedQuery named, ResultFormat fmt, Page page) throws java.io.IOException {
        Query query;
        Binding binding = null;
        if (named == null) {
            if (!params.isEmpty())
                throw new CommandLine.ParameterException(spec.commandLine(), "--param applies to named queries only");
            query = QueryFactory.create(what.sparql);
        } else {
            query = named.query();
            try {
                binding = named.bind(params, new ParameterDomain(runner));
            } catch (QueryParameterException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        OutputStream out = new BufferedOutputStream(System.out);
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        runner.select(query, binding, page, rs -> fmt.write(org.chainkg.query.EmptyAnswer.counting(rs, count), out));
        out.flush();
        // An empty table comes with its reason (the query's "Empty:" header), on standard error.
        if (named != null)
            org.chainkg.query.EmptyAnswer.note(runner, named, binding, page.offset(), count.get())
                .ifPresent(note -> System.err.println("note: " + note));
    }

    private void listQueries() {
        for (NamedQuery q : NamedQueries.all().values()) {
            System.out.printf("%s — %s%n", q.name(), q.title());
            q.parameters().values().forEach(p -> System.out.printf("    --param %s=%s  (%s, default %s) %s%n",
                p.name(), p.type().toUpperCase(), p.type(), p.defaultValue(), p.description()));
            System.out.printf("    columns: %s%n", String.join(", ", q.columns()));
        }
    }
}
