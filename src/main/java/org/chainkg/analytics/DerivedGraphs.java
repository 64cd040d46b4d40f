package org.chainkg.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.store.BulkGraphLoad;
import org.chainkg.store.KillPoint;
import org.apache.jena.system.Txn;

/**
 * Recomputes derived graphs: each {@link Derivation} removes its old graph, writes the new facts and a PROV-O record
 * (derived from which source graphs, when, by which version); the record's {@code ck:tripleCount} is written last and
 * marks the graph complete. Runs after every load, so that derived facts always match the sources; {@code chainkg
 * derive} runs it by hand. {@link #status} tells, per graph, whether it is current, missing, incomplete or stale.
 */
public final class DerivedGraphs {
    public static final String PREFIX = org.chainkg.store.StoreRecovery.DERIVED_PREFIX;

    /** The derivations, in order (later ones may read earlier ones' graphs). */
    public static List<Derivation> all() {
        return List.of(new SupplyConcentration(), new ConcentrationSeries(), new UpstreamTiers(), new NearestStages(), new OrganisationResolver(), new TechnologyReach(), new TextLinker(),
                       new OutputReach(), new ResearchCapacity(), new Collaborations());
    }

    public static Node graph(Derivation d) {
        return org.apache.jena.graph.NodeFactory.createURI(PREFIX + d.name());
    }

    public record Result(String name, Node graph, long records, long triples) {}

    public static List<Result> refresh(DatasetGraph dsg) {
        return refresh(dsg, d -> {}, r -> {});
    }

    /** Recomputes every derived graph in order, telling {@code starting} before each and {@code done} after it (progress). */
    public static List<Result> refresh(DatasetGraph dsg, java.util.function.Consumer<Derivation> starting,
                                       java.util.function.Consumer<Result> done) {
        // The journal says "derived graphs in progress" until the last one is complete: a killed (or failed) refresh
        // is redone when the store next opens, never answered from.
        var journal = org.chainkg.store.ChainStore.journal(dsg);
        if (journal != null) journal.begin(org.chainkg.store.StoreJournal.DERIVED);
        List<Result> out = new ArrayList<>();
        for (Derivation d : all()) {
            starting.accept(d);
            Result r = run(dsg, d);
            KillPoint.reached("derive.graph-done");
            done.accept(r);
            out.add(r);
        }
        // Same data, same search scores: the deleted documents of the old derived graphs leave the text index.
        org.chainkg.store.TextIndexMaintenance.expungeDeletes(dsg);
        if (journal != null) journal.end(org.chainkg.store.StoreJournal.DERIVED);
        return out;
    }

    /** The state of one derived graph against the sources it was computed from. */
    public enum State { CURRENT, MISSING, INCOMPLETE, STALE }

    /** One derivation's state, with the reason in words when it is not current. */
    public record Status(String name, Node graph, State state, String reason) {}

    /**
     * The state of every derived graph: MISSING (not there while sources are), INCOMPLETE (data without its completion
     * marker, the {@code ck:tripleCount} of its PROV record, written last), STALE (a source graph was loaded after the
     * derivation started, or the source graphs are not the ones it was derived from), else CURRENT. A store with no
     * source graph has nothing to derive: all CURRENT.
     */
    public static List<Status> status(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            java.util.Map<Node, Instant> all = new java.util.LinkedHashMap<>();
            for (Node s : sourceGraphs(dsg)) all.put(s, endedAt(dsg, s));
            java.util.Set<Node> superseded = org.chainkg.store.Releases.superseded(dsg);
            List<Status> out = new ArrayList<>();
            for (Derivation d : all()) {
                Node g = graph(d);
                java.util.Map<Node, Instant> sources = new java.util.LinkedHashMap<>(all);
                if (!d.readsAllReleases()) sources.keySet().removeAll(superseded);
                if (sources.isEmpty()) { out.add(new Status(d.name(), g, State.CURRENT, null)); continue; }
                if (!dsg.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext()) {
                    out.add(new Status(d.name(), g, State.MISSING, "not derived yet"));
                    continue;
                }
                if (!dsg.contains(g, g, CK.tripleCount, Node.ANY)) {
                    out.add(new Status(d.name(), g, State.INCOMPLETE, "its derivation did not complete (no completion marker)"));
                    continue;
                }
                java.util.Set<Node> from = new java.util.HashSet<>();
                dsg.find(g, g, Vocab.provWasDerivedFrom, Node.ANY).forEachRemaining(q -> from.add(q.getObject()));
                Instant started = startedAt(dsg, g);
                String reason = null;
                for (var e : sources.entrySet()) {
                    if (!from.contains(e.getKey())) { reason = "<" + e.getKey().getURI() + "> was loaded after it was derived"; break; }
                    if (started != null && e.getValue() != null && e.getValue().isAfter(started)) {
                        reason = "<" + e.getKey().getURI() + "> was loaded again after it was derived"; break;
                    }
                }
                if (reason == null)
                    for (Node f : from)
                        if (!sources.containsKey(f)) { reason = "<" + f.getURI() + ">, a source of it, is gone"; break; }
                out.add(new Status(d.name(), g, reason == null ? State.CURRENT : State.STALE, reason));
            }
            return out;
        });
    }

    private static Instant endedAt(DatasetGraph dsg, Node g) { return activityTime(dsg, g, Vocab.provEndedAtTime); }

    private static Instant startedAt(DatasetGraph dsg, Node g) { return activityTime(dsg, g, Vocab.provStartedAtTime); }

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
     * Recomputes one derived graph. On the embedded store the old graph is removed first (one write transaction),
     * the derivation reads the store in a read transaction while its triples are spooled, and TDB2's bulk loader writes
     * them ({@link BulkGraphLoad}); the PROV record follows in a write transaction. If the derivation fails, the graph
     * is left empty (run {@code chainkg derive} again). Elsewhere (a plain in-memory dataset, a copy of a remote
     * store) everything happens in one write transaction.
     */
    public static Result run(DatasetGraph dsg, Derivation d) {
        Node g = graph(d);
        Instant started = Instant.now();
        if (BulkGraphLoad.supports(dsg)) {
            Txn.executeWrite(dsg, () -> org.chainkg.store.Graphs.clear(dsg, g));
            KillPoint.reached("derive.cleared");
            try (BulkGraphLoad bulk = BulkGraphLoad.begin(dsg, g).orElseThrow()) {
                TripleWriter w = new TripleWriter(bulk.sink());
                long records = Txn.calculateRead(dsg, () -> d.derive(dsg, g, w));
                long triples = bulk.load();
                Txn.executeWrite(dsg, () -> {
                    List<Node> sources = sourceGraphs(dsg, d);
                    Sink sink = new Sink(dsg, g);
                    provenance(new TripleWriter(sink), d, g, sources, started, records, triples, sink);
                });
                return new Result(d.name(), g, records, triples);
            }
        }
        dsg.begin(ReadWrite.WRITE);
        try {
            List<Node> sources = sourceGraphs(dsg, d);
            org.chainkg.store.Graphs.clear(dsg, g);
            Sink sink = new Sink(dsg, g);
            TripleWriter w = new TripleWriter(sink);
            long records = d.derive(dsg, g, w);
            long triples = sink.added;
            provenance(w, d, g, sources, started, records, triples, sink);
            dsg.commit();
            return new Result(d.name(), g, records, triples);
        } catch (RuntimeException e) {
            dsg.abort();
            throw e;
        } finally {
            dsg.end();
        }
    }

    private static List<Node> sourceGraphs(DatasetGraph dsg) {
        List<Node> sources = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(n -> { if (!n.getURI().startsWith(PREFIX)) sources.add(n); });
        return sources;
    }

    /** The source graphs a derivation reads: all but the superseded releases, unless it reads every release. */
    private static List<Node> sourceGraphs(DatasetGraph dsg, Derivation d) {
        List<Node> sources = sourceGraphs(dsg);
        if (!d.readsAllReleases()) sources.removeAll(org.chainkg.store.Releases.superseded(dsg));
        return sources;
    }

    /** The PROV-O record of a derivation; {@code triples} are the derived triples, the count includes the record. */
    private static void provenance(TripleWriter w, Derivation d, Node g, List<Node> sources, Instant started, long records,
                                   long triples, Sink sink) {
        long before = sink.added;
        Node load = Iris.instance("derivation", UUID.randomUUID().toString());
        Node agent = Iris.instance("deriver", d.name(), d.version());
        w.type(g, CK.SourceGraph, Vocab.provEntity);
        w.text(g, CK.sourceFormat, "derived:" + d.name());
        w.text(g, DCTerms.title.asNode(), "Derived: " + d.name());
        w.text(g, DCTerms.description.asNode(), d.description(), "en");
        w.add(g, Vocab.provWasGeneratedBy, load);
        for (Node s : sources) w.add(g, Vocab.provWasDerivedFrom, s);
        w.type(load, CK.SourceLoad, Vocab.provActivity);
        w.typed(load, Vocab.provStartedAtTime, started.toString(), XSDDatatype.XSDdateTime);
        w.typed(load, Vocab.provEndedAtTime, Instant.now().toString(), XSDDatatype.XSDdateTime);
        w.add(load, Vocab.provWasAssociatedWith, agent);
        for (Node s : sources) w.add(load, Vocab.provUsed, s);
        w.integer(load, CK.rowCount, records);
        w.type(agent, CK.Reader, Vocab.provSoftwareAgent);
        w.text(agent, RDFS.label.asNode(), "chainkg " + d.name() + " derivation");
        w.text(agent, CK.readerVersion, d.version());
        w.integer(g, CK.tripleCount, triples + (sink.added - before) + 1);
    }

    private static final class Sink extends StreamRDFBase {
        final DatasetGraph dsg;
        final Node g;
        long added;

        Sink(DatasetGraph dsg, Node g) { this.dsg = dsg; this.g = g; }

        @Override
        public void triple(Triple t) {
            Quad q = Quad.create(g, t);
            if (!dsg.contains(q)) { dsg.add(q); added++; }
        }
    }

    private DerivedGraphs() {}
}
