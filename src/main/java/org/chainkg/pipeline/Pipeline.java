package org.chainkg.pipeline;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.analytics.Derivation;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.analytics.RemoteDerivations;
import org.chainkg.store.ChainStore;
import org.chainkg.store.LoadProgress;
import org.chainkg.store.Releases;
import org.chainkg.store.RemoteGraphs;
import org.chainkg.store.RemoteStore;
import org.chainkg.store.SourceLoader;
import org.chainkg.store.StoreJournal;
import org.chainkg.source.SourceReader;

/**
 * The one sequence every entry point runs (load, serve, bench, match, the tests): load a source through the store's
 * graph writer, derive (incrementally: only the derivations whose inputs changed; {@link #deriveAll} recomputes all),
 * then refresh what the store caches about itself (the visible releases). On the embedded store the journal says
 * "derived graphs behind" from the start of a load until its derivations are done, so a kill in between is repaired
 * on the next open. Against a remote store ({@link #remote}) sources go by the Graph Store Protocol and derivations
 * run inside the remote engine ({@link RemoteDerivations}).
 * <pre>
 * Pipeline p = Pipeline.embedded(store.dataset());
 * p.load(Pipeline.Load.of(new EtoChainReader(), List.of(Path.of("data/eto-chip-explorer"))));   // load + derive
 * </pre>
 */
public final class Pipeline {
    /** One load: reader, files, graph (null: the source's default), release (null: none), text encoding. */
    public record Load(SourceReader reader, List<Path> paths, Node graph, String release, Charset encoding) {
        public static Load of(SourceReader reader, List<Path> paths) {
            return new Load(reader, paths, null, org.chainkg.source.SourcePaths.releaseOf(paths).orElse(null), StandardCharsets.UTF_8);
        }
    }

    /** What the pipeline tells as it goes (progress lines of the CLI). */
    public interface Listener {
        /** A source was loaded (before its derivations). */
        default void loaded(SourceLoader.LoadResult r) {}
        default void deriving(Derivation d) {}
        default void derived(DerivedGraphs.Result r) {}
    }

    private final DatasetGraph dsg;
    private final String graphStore, sparql;
    private LoadProgress progress = LoadProgress.NONE;
    private boolean bulk = true;
    private boolean derive = true;
    private Listener listener = new Listener() {};

    private Pipeline(DatasetGraph dsg, String graphStore, String sparql) {
        this.dsg = dsg;
        this.graphStore = graphStore;
        this.sparql = sparql;
    }

    /** The embedded store (or any dataset with a union default graph). */
    public static Pipeline embedded(DatasetGraph dsg) {
        return new Pipeline(dsg, null, null);
    }

    /** A remote store: its Graph Store Protocol endpoint and its SPARQL query/update endpoint. */
    public static Pipeline remote(String graphStore, String sparql) {
        return new Pipeline(null, graphStore, sparql);
    }

    public Pipeline progress(LoadProgress p) { this.progress = p; return this; }

    /** False: every load takes the one-transaction path ({@code load --no-bulk}). */
    public Pipeline bulk(boolean b) { this.bulk = b; return this; }

    /** False: loads do not derive ({@code load --no-derive}). */
    public Pipeline deriveAfterLoad(boolean d) { this.derive = d; return this; }

    public Pipeline listener(Listener l) { this.listener = l; return this; }

    /** Loads a source, then (unless turned off) derives what its load changed. */
    public SourceLoader.LoadResult load(Load load) {
        if (dsg == null) {
            if (!load.encoding().equals(StandardCharsets.UTF_8) && !load.reader().takesEncoding())
                throw new IllegalArgumentException("--encoding: the " + load.reader().format() + " format is read as UTF-8 only");
            SourceLoader.LoadResult r;
            RemoteGraphs before = RemoteGraphs.of(sparql);
            // a reloaded graph is taken out of the merged graphs once the source is read, just before the PUT; after
            // it, the graph is added (a release that supersedes another rebuilds them; a failed PUT too)
            boolean[] takenOut = {false};
            try (var charset = org.chainkg.source.TextEncoding.use(load.encoding(), load.reader().takesEncoding())) {
                r = new RemoteStore(graphStore).beforeReplace(g -> {
                    if (before.merged() && before.all().contains(g)) {
                        before.retract(sparql, g);
                        takenOut[0] = true;
                    }
                }).load(load.reader(), load.paths(), load.graph(), load.release(), sparql);
            } catch (RuntimeException e) {
                if (takenOut[0]) RemoteGraphs.merge(sparql);
                throw e;
            }
            RemoteGraphs.loaded(sparql, before, r.graph(), takenOut[0]);
            listener.loaded(r);
            if (derive) derive();   // remote: every derivation (the merged graphs kept up to date, not rebuilt)
            return r;
        }
        StoreJournal journal = ChainStore.journal(dsg);
        // From here until the derivation is done, a kill leaves derived graphs older than the sources: the journal
        // says so, and the next command recomputes them (a failed load changed nothing: no entry then).
        // derived graphs already behind (a killed derivation repaired on open) stay recorded so whatever happens here
        boolean behind = journal != null && journal.inProgress(StoreJournal.DERIVED);
        if (derive && journal != null) journal.begin(StoreJournal.DERIVED);
        SourceLoader.LoadResult result;
        try {
            result = new SourceLoader(dsg, progress, bulk).load(load.reader(), load.paths(), load.graph(), load.release(), load.encoding());
        } catch (RuntimeException e) {
            if (derive && journal != null && !behind) journal.end(StoreJournal.DERIVED);
            throw e;
        }
        // (the loader has refreshed the visible releases itself)
        listener.loaded(result);
        if (derive) derive();
        return result;
    }

    /** Recomputes the derivations whose inputs changed (the embedded store; remote: all of them). */
    public List<DerivedGraphs.Result> derive() {
        return run(false);
    }

    /** Recomputes every derivation ({@code derive --full}). */
    public List<DerivedGraphs.Result> deriveAll() {
        return run(true);
    }

    private List<DerivedGraphs.Result> run(boolean full) {
        Consumer<Derivation> starting = listener::deriving;
        Consumer<DerivedGraphs.Result> done = listener::derived;
        if (dsg == null) return new RemoteDerivations(sparql, graphStore).refresh(full, starting, done);
        List<DerivedGraphs.Result> out = DerivedGraphs.refresh(dsg, full, starting, done);
        refreshCaches();
        return out;
    }

    /**
     * What the store caches about its graphs: on the embedded store which releases are superseded (the quad filter
     * of {@link Releases}); on a remote store the merged graphs its queries read ({@link RemoteGraphs#merge}). Call it
     * after writing graphs by other means (a Graph Store PUT of one's own).
     */
    public void refreshCaches() {
        if (dsg != null) Releases.refresh(dsg);
        else RemoteGraphs.merge(sparql);
    }
}
