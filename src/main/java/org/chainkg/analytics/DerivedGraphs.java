package org.chainkg.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.store.ChainStore;
import org.chainkg.store.GraphRecord;
import org.chainkg.store.GraphWriter;
import org.chainkg.store.KillPoint;
import org.chainkg.store.LoadProgress;
import org.chainkg.store.Releases;
import org.chainkg.store.StoreJournal;
import org.chainkg.store.StoreRecovery;
import org.chainkg.store.TextIndexMaintenance;

/**
 * Computes the derived graphs: each {@link Derivation} writes its graph through the store's {@link GraphWriter}, with a
 * PROV-O record ({@link DerivationProvenance}) naming its inputs, when and by which version; the record's
 * {@code ck:tripleCount} is written last and marks the graph complete.
 * <p>
 * <b>Inputs.</b> A derivation's inputs are the graphs (visible source graphs, or every release for one that
 * {@link Derivation#readsAllReleases}, and the graphs of the derivations before it) whose VoID partitions name one of
 * the terms it {@link Derivation#reads}; a graph without partitions (written by an older chainkg) counts as an input.
 * <p>
 * <b>Incremental.</b> {@link #refresh} recomputes only the derivations that are not {@link State#CURRENT}: after a load,
 * those whose inputs changed (a graph loaded after the derivation started, an input gone or new, a release
 * superseded, an input derived graph recomputed, a new derivation version); the others keep their graphs, which
 * are what a full recomputation would write (the property test {@code IncrementalDeriveTest} checks it).
 * {@link #refreshAll} ({@code chainkg derive --full}) recomputes every one.
 */
public final class DerivedGraphs {
    public static final String PREFIX = StoreRecovery.DERIVED_PREFIX;

    /** The derivations, in order (later ones may read earlier ones' graphs). */
    public static List<Derivation> all() {
        return List.of(new SupplyConcentration(), new ConcentrationSeries(), new UpstreamTiers(), new NearestStages(), new OrganisationResolver(), new TechnologyReach(), new TextLinker(),
                       new OutputReach(), new ResearchCapacity(), new Collaborations());
    }

    public static Node graph(Derivation d) {
        return NodeFactory.createURI(PREFIX + d.name());
    }

    /** What one derivation did: {@code recomputed} false when it was current and kept (records and triples then 0). */
    public record Result(String name, Node graph, long records, long triples, boolean recomputed) {}

    /** Recomputes every derivation that is not current (incremental). */
    public static List<Result> refresh(DatasetGraph dsg) {
        return refresh(dsg, false, d -> {}, r -> {});
    }

    /** Recomputes every derivation (full). */
    public static List<Result> refreshAll(DatasetGraph dsg) {
        return refresh(dsg, true, d -> {}, r -> {});
    }

    /**
     * Recomputes the derivations in order: all with {@code full}, else those not current; tells {@code starting}
     * before each it recomputes and {@code done} after each, recomputed or kept (progress).
     */
    public static List<Result> refresh(DatasetGraph dsg, boolean full, Consumer<Derivation> starting, Consumer<Result> done) {
        // The journal says "derived graphs in progress" until the last one is complete: a killed (or failed) refresh
        // is redone when the store next opens, never answered from.
        var journal = ChainStore.journal(dsg);
        if (journal != null) journal.begin(StoreJournal.DERIVED);
        List<Result> out = new ArrayList<>();
        boolean any = false;
        for (Derivation d : all()) {
            Result r;
            if (full || Txn.calculateRead(dsg, () -> status(dsg, d)).state() != State.CURRENT) {
                starting.accept(d);
                r = run(dsg, d);
                any = true;
                KillPoint.reached("derive.graph-done");
            } else {
                r = new Result(d.name(), graph(d), 0, 0, false);
            }
            done.accept(r);
            out.add(r);
        }
        // Same data, same search scores: the deleted documents of the old derived graphs leave the text index.
        if (any) TextIndexMaintenance.expungeDeletes(dsg);
        if (journal != null) journal.end(StoreJournal.DERIVED);
        return out;
    }

    /** The state of one derived graph against its inputs. */
    public enum State { CURRENT, MISSING, INCOMPLETE, STALE }

    /** One derivation's state, with the reason in words when it is not current. */
    public record Status(String name, Node graph, State state, String reason) {}

    /**
     * The state of every derived graph: MISSING (not there while it has inputs), INCOMPLETE (data without its
     * completion marker, the {@code ck:tripleCount} of its PROV record, written last), STALE (an input was loaded or
     * recomputed after the derivation started, an input is new or gone, or another version derived it), else
     * CURRENT. A store with no source graph has nothing to derive: all CURRENT (a derivation with no input in a store
     * with sources writes its graph, empty but for its record, as a full derive does).
     */
    public static List<Status> status(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> all().stream().map(d -> status(dsg, d)).toList());
    }

    /** One derivation's state (inside a read transaction). */
    static Status status(DatasetGraph dsg, Derivation d) {
        Node g = graph(d);
        List<Node> inputs = inputs(dsg, d);
        boolean present = dsg.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext();
        if (!present)
            return hasSources(dsg) ? new Status(d.name(), g, State.MISSING, "not derived yet") : new Status(d.name(), g, State.CURRENT, null);
        if (!dsg.contains(g, g, CK.tripleCount, Node.ANY))
            return new Status(d.name(), g, State.INCOMPLETE, "its derivation did not complete (no completion marker)");
        if (!dsg.contains(g, g, Vocab.provWasGeneratedBy, Node.ANY) || !dsg.contains(g, DerivationProvenance.agent(d), Vocab.schemaSoftwareVersion, Node.ANY))
            return new Status(d.name(), g, State.STALE, "it was derived by another version of the " + d.name() + " derivation (now " + d.version() + ")");
        Set<Node> from = new HashSet<>();
        dsg.find(g, g, Vocab.provWasDerivedFrom, Node.ANY).forEachRemaining(q -> from.add(q.getObject()));
        Instant started = activityTime(dsg, g, Vocab.provStartedAtTime);
        for (Node in : inputs) {
            if (!from.contains(in)) return stale(d, g, "<" + in.getURI() + "> was loaded after it was derived");
            Instant ended = activityTime(dsg, in, Vocab.provEndedAtTime);
            if (started != null && ended != null && ended.isAfter(started))
                return stale(d, g, "<" + in.getURI() + "> was " + (in.getURI().startsWith(PREFIX) ? "recomputed" : "loaded again") + " after it was derived");
        }
        for (Node f : from)
            if (!inputs.contains(f)) return stale(d, g, "<" + f.getURI() + ">, an input of it, is gone");
        return new Status(d.name(), g, State.CURRENT, null);
    }

    private static boolean hasSources(DatasetGraph dsg) {
        var it = dsg.listGraphNodes();
        while (it.hasNext()) if (!it.next().getURI().startsWith(PREFIX)) return true;
        return false;
    }

    private static Status stale(Derivation d, Node g, String reason) {
        return new Status(d.name(), g, State.STALE, reason);
    }

    /**
     * The graphs a derivation reads (inside a read transaction): the source graphs (all but the superseded releases
     * unless it reads every release) and the graphs of the derivations before it, whose partitions name one of the
     * terms it reads.
     */
    static List<Node> inputs(DatasetGraph dsg, Derivation d) {
        Set<Node> superseded = d.readsAllReleases() ? Set.of() : Releases.superseded(dsg);
        List<Node> candidates = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(n -> {
            // incomplete graphs (no completion marker) are not there yet
            if (!superseded.contains(n) && dsg.contains(n, n, CK.tripleCount, Node.ANY)) candidates.add(n);
        });
        return inputs(d, candidates, n -> GraphRecord.terms(dsg, n));
    }

    /**
     * Of the candidate graphs (the complete graphs the derivation may see), its inputs, sorted: the source graphs and
     * the graphs of the derivations before it whose terms ({@code termsOf}: null when a graph's record does not say)
     * name one it reads. Shared by the embedded store and {@link RemoteDerivations}.
     */
    static List<Node> inputs(Derivation d, java.util.Collection<Node> candidates, java.util.function.Function<Node, Set<Node>> termsOf) {
        Set<Node> before = new HashSet<>();
        for (Derivation e : all()) {
            if (e.name().equals(d.name())) break;
            before.add(graph(e));
        }
        List<Node> out = new ArrayList<>();
        for (Node n : candidates) {
            if (n.getURI().startsWith(PREFIX) && !before.contains(n)) continue;
            Set<Node> terms = termsOf.apply(n);
            if (terms == null || terms.stream().anyMatch(d.reads()::contains)) out.add(n);
        }
        out.sort(java.util.Comparator.comparing(Node::getURI));
        return out;
    }

    /** The time ({@code prov:startedAtTime} or {@code prov:endedAtTime}) of the activity that generated graph g. */
    private static Instant activityTime(DatasetGraph dsg, Node g, Node property) {
        var acts = dsg.find(g, g, Vocab.provWasGeneratedBy, Node.ANY);
        while (acts.hasNext()) {
            var t = dsg.find(g, acts.next().getObject(), property, Node.ANY);
            if (t.hasNext()) return instant(t.next().getObject());
        }
        return null;
    }

    private static Instant instant(Node literal) {
        try {
            return Instant.parse(literal.getLiteralLexicalForm());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Recomputes one derived graph through {@link GraphWriter#embedded} (the old graph emptied first, then the bulk
     * path; a plain in-memory dataset: one write transaction). The derivation reads the store in a read transaction
     * of its own on the bulk path. If it fails, the graph is left empty (run {@code chainkg derive} again).
     */
    public static Result run(DatasetGraph dsg, Derivation d) {
        Node g = graph(d);
        List<Node> inputs = dsg.isInTransaction() ? inputs(dsg, d) : Txn.calculateRead(dsg, () -> inputs(dsg, d));
        StoreReader in = StoreReader.of(dsg);
        GraphWriter.Result r = GraphWriter.embedded(dsg, LoadProgress.NONE, true).replace(g,
            sink -> dsg.isInTransaction() ? d.derive(in, new TripleWriter(sink))
                                          : Txn.calculateRead(dsg, () -> d.derive(in, new TripleWriter(sink))),
            (w, data) -> DerivationProvenance.write(w, d, inputs, data));
        return new Result(d.name(), g, r.records(), r.triples(), true);
    }

    private DerivedGraphs() {}
}
