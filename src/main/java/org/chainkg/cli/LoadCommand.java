package org.chainkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.graph.NodeFactory;
import org.chainkg.source.SourceFormats;
import org.chainkg.source.SourceReader;
import org.chainkg.store.ChainStore;
import org.chainkg.store.LoadProgress;
import org.chainkg.pipeline.Pipeline;
import org.chainkg.store.SourceLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chainkg load --db DIR [--format eto] PATH...}: loads one source into its own named graph, all or nothing. */
@Command(name = "load", description = "Load source files into the store (one named graph per source; "
                                      + "loading the same source again replaces it).")
public final class LoadCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Option(names = "--format", paramLabel = "NAME", description = "Source format (${COMPLETION-CANDIDATES}); detected when omitted.",
            completionCandidates = FormatNames.class)
    String format;

    @Option(names = "--graph", paramLabel = "IRI", description = "Named graph to load into (default: one per format and dataset).")
    String graph;

    @Option(names = "--no-derive", description = "Do not recompute the derived graphs (organisation identity, text links) after the load.")
    boolean noDerive;

    @Option(names = "--no-bulk", description = "Write a new graph in one write transaction, one quad at a time, instead of "
            + "TDB2's bulk loader (slower). Replacing a graph always does this. Both paths are crash-safe (README).")
    boolean noBulk;

    @Option(names = "--sparql", paramLabel = "URL", description = "With --endpoint: the remote store's SPARQL query and update "
            + "endpoint, where the derivations run (default: the --endpoint URL, as for a Fuseki dataset; Virtuoso: http://host:8890/sparql).")
    String sparql;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Load into a remote SPARQL store instead of --db: its Graph Store "
            + "Protocol URL (for Fuseki, the dataset URL, e.g. http://host:3030/chainkg). The source's graph is replaced with PUT.")
    String endpoint;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Character encoding of the source's CSV/TSV files, a Java "
            + "charset name (default UTF-8), e.g. x-MacRoman for the 2022 ETO release's inputs.csv, windows-1252.")
    String encoding;

    @Option(names = "--release", paramLabel = "DATE", description = "Release date of this dataset (YYYY, YYYY-MM or YYYY-MM-DD); "
            + "default: the folder's name when it is one (eto-chip-explorer-releases/2022-09). Older releases stay queryable by "
            + "graph name; queries use the newest release of each dataset.")
    String release;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of the source.")
    List<Path> paths;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (Path p : paths)
            if (!Files.exists(p))
                throw new IllegalArgumentException(p + ": no such file or folder");
        SourceReader reader = format != null ? SourceFormats.byName(Suggestions.choose(spec, "--format", format, SourceFormats.names()))
            : SourceFormats.detect(paths);
        java.nio.charset.Charset charset = encoding == null ? java.nio.charset.StandardCharsets.UTF_8
            : org.chainkg.source.TextEncoding.forName(encoding);
        if (!charset.equals(java.nio.charset.StandardCharsets.UTF_8) && !reader.takesEncoding())
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--encoding: the " + reader.format()
                + " format is read as UTF-8 only (JSON and XML state their own encoding); convert the files to UTF-8");
        String rel = release != null ? release : org.chainkg.source.SourcePaths.releaseOf(paths).orElse(null);
        if (rel != null && !org.chainkg.store.Releases.DATE.matcher(rel).matches())
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--release: \"" + rel
                + "\" is not a release date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-09)");
        if (endpoint != null) return loadRemote(reader, rel, charset);
        try (ChainStore s = store.openOrCreate(noDerive ? DerivedState.Policy.ANSWER : DerivedState.Policy.DERIVES_NEXT, common.quiet)) {
            LoadProgress progress = common.quiet ? LoadProgress.NONE : new LoadProgress("load " + reader.format(), System.err, paths);
            Pipeline.Listener print = DeriveCommand.printer(common.quiet, "");
            Pipeline.embedded(s.dataset()).progress(progress).bulk(!noBulk).deriveAfterLoad(!noDerive).listener(new Pipeline.Listener() {
                @Override public void loaded(SourceLoader.LoadResult result) {
                    if (common.quiet) return;
                    System.err.printf("loaded %s (%s) into <%s>: %,d triples%s%n", paths, reader.format(), result.graph().getURI(),
                                      result.triples(), result.replaced() > 0 ? String.format(" (replaced %,d)", result.replaced()) : "");
                    if (result.report().credit() != null)
                        System.err.println("data: " + result.report().credit());
                    org.chainkg.store.ReleaseSummary.of(s.dataset(), result.graph()).ifPresent(System.err::println);
                }
                @Override public void deriving(org.chainkg.analytics.Derivation d) { print.deriving(d); }
                @Override public void derived(org.chainkg.analytics.DerivedGraphs.Result r) { print.derived(r); }
            }).load(new Pipeline.Load(reader, paths, graph == null ? null : NodeFactory.createURI(graph), rel, charset));
        }
        return 0;
    }

    private int loadRemote(SourceReader reader, String rel, java.nio.charset.Charset charset) {
        Pipeline pipeline = Pipeline.remote(endpoint, sparql != null ? sparql : endpoint).deriveAfterLoad(false);
        var result = pipeline.load(new Pipeline.Load(reader, paths, graph == null ? null : NodeFactory.createURI(graph), rel, charset));
        if (!common.quiet)
            System.err.printf("loaded %s (%s) into <%s> at %s: %,d triples%n", paths, reader.format(), result.graph().getURI(),
                              endpoint, result.triples());
        if (!noDerive)
            // remote: every derivation is recomputed; derive(), not deriveAll(), keeps the merged graphs up to date
            // instead of rebuilding them first
            pipeline.listener(DeriveCommand.printer(common.quiet, " at " + endpoint + " (computed by the remote engine)")).derive();
        return 0;
    }

    /** Completion candidates and help text: the registered formats. */
    static final class FormatNames implements Iterable<String> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
        public java.util.Iterator<String> iterator() { return SourceFormats.names().iterator(); }
    }
}
