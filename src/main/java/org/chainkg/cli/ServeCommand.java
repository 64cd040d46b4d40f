package org.chainkg.cli;

import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.chainkg.source.BundledData;
import org.chainkg.source.SourceFormats;
import org.chainkg.server.ChainkgServer;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chainkg serve [--db DIR] [--port 3030]}: the SPARQL server on localhost. With no --db and an empty
 * default store, the bundled data is loaded first.
 */
@Command(name = "serve", description = "Serve the store over SPARQL on localhost (dataset /chainkg, UI at /, named queries at /chainkg/q/NAME).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    /**
     * While a server runs on a local store, this file in the store's directory holds its port, so that a second
     * process refused by the store's lock can say which server holds it. Deleted when the server stops.
     */
    public static final String PORT_FILE = "serve.port";

    /** The port written by a server running on the store in {@code dir}, or null. */
    static Integer runningPort(java.nio.file.Path dir) {
        try {
            return Integer.valueOf(java.nio.file.Files.readString(dir.resolve(PORT_FILE)).trim());
        } catch (java.io.IOException | NumberFormatException e) {
            return null;
        }
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "3030", description = "Port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--allow-update", description = "Accept SPARQL Update and Graph Store Protocol writes.")
    boolean allowUpdate;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Query timeout. Default: ${DEFAULT-VALUE}")
    long timeoutSeconds;

    @Option(names = "--max-running", paramLabel = "N", description = "Requests to the dataset that run at once; the others "
            + "wait their turn in arrival order, up to the timeout, then get 503 (0: no limit). Default: 2 per processor")
    Integer maxRunning;

    @Option(names = "--allow-service", paramLabel = "URL", description = "Allow SERVICE to the endpoints under this URL "
            + "(repeatable; e.g. http://localhost:3031/other/sparql). Default: SERVICE is off.")
    java.util.List<String> allowService = new java.util.ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL", description = "Serve the named queries of a remote SPARQL 1.1 query endpoint "
            + "instead of a local store (e.g. http://host:3030/chainkg/sparql); /chainkg/sparql passes queries on to it.")
    String endpoint;

    /**
     * Loads each bundled real source whose graph the store does not hold (all of them into a new default store; the
     * rest of them after a first serve was killed while loading), then recomputes the derived graphs if it loaded
     * any; returns the number of sources loaded.
     */
    public static int loadMissingBundled(ChainStore s) {
        int n = 0;
        for (BundledData.BundledSource src : BundledData.all()) {
            var reader = SourceFormats.byName(src.format());
            var graph = SourceLoader.defaultGraph(reader, src.paths(), src.release());
            if (holds(s, graph)) continue;
            if (n == 0) s.journal().begin(org.chainkg.store.StoreJournal.DERIVED);
            var undated = SourceLoader.defaultGraph(reader, src.paths(), null);
            if (src.release() != null && holds(s, undated)) {
                // A store made before the bundled data had release dates: its undated copy gives way to the release.
                org.apache.jena.system.Txn.executeWrite(s.dataset(), () -> org.chainkg.store.Graphs.clear(s.dataset(), undated));
                System.err.printf("replaced the undated bundled graph <%s> by release %s%n", undated.getURI(), src.release());
            }
            var result = org.chainkg.pipeline.Pipeline.embedded(s.dataset()).deriveAfterLoad(false)
                .load(new org.chainkg.pipeline.Pipeline.Load(reader, src.paths(), null, src.release(), src.encoding()));
            System.err.printf("loaded bundled %s data into <%s>: %,d triples%n", src.format(), result.graph().getURI(), result.triples());
            if (result.report().credit() != null) System.err.println("data: " + result.report().credit());
            n++;
        }
        if (n > 0) DeriveCommand.refresh(s, false);
        return n;
    }

    private static boolean holds(ChainStore s, org.apache.jena.graph.Node graph) {
        return org.apache.jena.system.Txn.calculateRead(s.dataset(),
            () -> s.dataset().find(graph, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).hasNext());
    }

    @Override
    public Integer call() {
        if (endpoint != null) {
            FusekiServer server = ChainkgServer.buildRemote(endpoint, port, timeoutSeconds).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            System.err.printf("chainkg serving the named queries of %s on http://localhost:%d%s/q (SPARQL at %s/sparql)%n",
                              endpoint, server.getPort(), ChainkgServer.DATASET, ChainkgServer.DATASET);
            server.join();
            return 0;
        }
        ChainStore s = store.openOrCreate(DerivedState.Policy.DERIVES_NEXT, false);
        try {
            if (!store.dbGiven())
                loadMissingBundled(s);
            // Never serve derived graphs that a killed command left half done, or that predate the sources.
            DerivedState.settleDerived(s, DerivedState.Policy.SERVE, false);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        int running = maxRunning == null ? ChainkgServer.defaultMaxRunning() : maxRunning;
        if (running < 0) {
            s.close();
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-running must be 0 (no limit) or more, not " + running);
        }
        FusekiServer built;
        try {
            built = ChainkgServer.build(s.dataset(), port, allowUpdate, timeoutSeconds, running, allowService);
        } catch (IllegalArgumentException e) {
            s.close();
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // A server that accepts writes may be killed between jena-text's TDB2 commit and its Lucene commit: while it
        // runs, the journal says "rebuild the text index" (removed when it stops normally, e.g. on Ctrl-C).
        if (allowUpdate) s.journal().begin(org.chainkg.store.StoreJournal.TEXT_INDEX);
        FusekiServer server = built.start();
        java.nio.file.Path portFile = store.dbOrDefault().resolve(PORT_FILE);
        try {
            java.nio.file.Files.writeString(portFile, server.getPort() + "\n");
        } catch (java.io.IOException e) {
            System.err.println("chainkg: warning: cannot write " + portFile + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            if (allowUpdate) s.journal().end(org.chainkg.store.StoreJournal.TEXT_INDEX);
            s.close();
            try {
                java.nio.file.Files.deleteIfExists(portFile);
            } catch (java.io.IOException e) {
                // The next server overwrites it; a stale file is only read while some process holds the lock.
            }
        }));
        String base = "http://localhost:" + server.getPort();
        // The first URL is one a browser can open (the dataset URL itself would download the whole store as TriG).
        System.err.printf("chainkg serving %s on %s/ (%s; %s)%n", store.dbOrDefault(), base,
                          allowUpdate ? "read-write" : "read-only",
                          running == 0 ? "no limit on requests running at once" : "at most " + running + " requests running at once");
        System.err.printf("  UI:            %s/%n  named queries: %s%s/q (e.g. %s%s/q/chokepoints?country=CHN&format=csv)%n"
                          + "  SPARQL:        %s%s/sparql?query=... (SPARQL 1.1 Protocol)%n",
                          base, base, ChainkgServer.DATASET, base, ChainkgServer.DATASET, base, ChainkgServer.DATASET);
        if (!allowService.isEmpty())
            System.err.printf("  SERVICE:       only to %s%n", String.join(", ", allowService));
        server.join();
        return 0;
    }
}
