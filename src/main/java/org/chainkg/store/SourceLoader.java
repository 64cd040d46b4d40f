package org.chainkg.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;
import org.chainkg.source.FileScan;
import org.chainkg.source.SourcePaths;
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;

/**
 * Loads one source into its own named graph through the one {@link GraphWriter}: the reader streams the triples, and
 * a PROV-O record of the load (files, SHA-256, row counts, times, reader version, release) is written into the same
 * graph. Into a graph that is empty before (every first load) the bulk path writes it (spool, then one write
 * transaction; bad input fails while spooling, before the store is touched); a reload replaces the graph in one write
 * transaction, so a failed reload keeps the old content. The {@link StoreJournal} names the graph
 * until all of that is done, so that a killed load is repaired when the store next opens ({@link StoreRecovery}).
 * <p>
 * The load is synchronous: a pipelined variant (parsing, TDB2 writes and text indexing on three threads) was
 * measured and gained nothing on the 2-core machine (BENCHMARKS.md), so the simpler path is kept.
 */
public final class SourceLoader {
    private final DatasetGraph dsg;
    private final LoadProgress progress;
    private final boolean bulk;
    private Version version;
    private java.nio.charset.Charset encoding = java.nio.charset.StandardCharsets.UTF_8;

    public SourceLoader(DatasetGraph dsg) {
        this(dsg, LoadProgress.NONE);
    }

    /** A loader that reports progress (see {@link LoadProgress}). */
    public SourceLoader(DatasetGraph dsg, LoadProgress progress) {
        this(dsg, progress, true);
    }

    /**
     * A loader that reports progress; with {@code bulk} false, every load takes the transactional path (one write
     * transaction, one quad at a time) even into a new graph.
     */
    public SourceLoader(DatasetGraph dsg, LoadProgress progress, boolean bulk) {
        this.dsg = dsg;
        this.progress = progress;
        this.bulk = bulk;
    }

    /** What a load did. */
    public record LoadResult(Node graph, long triples, long replaced, SourceReport report) {}

    /** The graph a source is loaded into unless another is named. */
    public static Node defaultGraph(SourceReader reader, List<Path> paths) {
        return defaultGraph(reader, paths, SourcePaths.releaseOf(paths).orElse(null));
    }

    /** The graph of a release of a source ({@code release} null: a dataset without releases). */
    public static Node defaultGraph(SourceReader reader, List<Path> paths, String release) {
        return release == null ? Iris.sourceGraph(reader.format(), reader.datasetKey(paths))
                               : Iris.sourceGraph(reader.format(), reader.datasetKey(paths), release);
    }

    /** Dataset and release of the load under way (for its provenance record). */
    private record Version(String format, String dataset, String release) {}

    /**
     * Loads a source into its graph. A graph that is empty (a first load) on the embedded store is written by the
     * bulk path ({@link BulkGraphLoad}: spool, then one write transaction); replacing a graph takes the
     * transactional path. Either way a failure leaves the store and its text index as they were.
     */
    public LoadResult load(SourceReader reader, List<Path> paths, Node graph) {
        return load(reader, paths, graph, SourcePaths.releaseOf(paths).orElse(null));
    }

    /**
     * Loads a release of a source: {@code release} (YYYY, YYYY-MM or YYYY-MM-DD) is its date, null for a dataset
     * without releases. Of the releases of one dataset, the newest is the one queries see ({@link Releases}); a dataset
     * is either released or not: a dated load beside an undated graph of the same dataset (or the reverse) is refused.
     */
    public LoadResult load(SourceReader reader, List<Path> paths, Node graph, String release) {
        return load(reader, paths, graph, release, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Loads a release of a source whose text files are in {@code encoding} ({@code load --encoding}). */
    public LoadResult load(SourceReader reader, List<Path> paths, Node graph, String release, java.nio.charset.Charset encoding) {
        if (!encoding.equals(java.nio.charset.StandardCharsets.UTF_8) && !reader.takesEncoding())
            throw new IllegalArgumentException("--encoding: the " + reader.format() + " format is read as UTF-8 only "
                + "(JSON and XML state their own encoding); convert the files to UTF-8");
        this.encoding = encoding;
        if (release != null) Releases.datatype(release);
        Version version = new Version(reader.format(), reader.datasetKey(paths), release);
        Node g = graph != null ? graph : defaultGraph(reader, paths, release);
        checkVersions(version, g);
        this.version = version;
        // The journal names the graph while it may be half written (see StoreRecovery): the bulk path commits TDB2,
        // the text index and the completion marker one after another.
        StoreJournal journal = ChainStore.journal(dsg);
        if (journal != null) journal.begin(g.getURI());
        LoadResult result;
        try {
            result = loadInto(reader, paths, g);
        } catch (RuntimeException e) {
            // A failed load rolled itself back; only when that undo failed too must the next open repair the graph.
            if (journal != null && e.getSuppressed().length == 0) journal.end(g.getURI());
            throw e;
        }
        KillPoint.reached("load.committed");
        if (journal != null) journal.end(g.getURI());
        Releases.refresh(dsg);
        return result;
    }

    private void checkVersions(Version v, Node g) {
        List<Releases.Release> others = Txn.calculateRead(dsg, () -> Releases.all(dsg).getOrDefault(v.format() + "/" + v.dataset(), List.of()))
            .stream().filter(r -> !r.graph().equals(g)).toList();
        for (Releases.Release r : others) {
            if (v.release() == null && r.date() != null)
                throw new IllegalArgumentException("dataset " + v.dataset() + " (" + v.format() + ") has release " + r.date()
                    + " in <" + r.graph().getURI() + ">: give this load its release date with --release YYYY-MM");
            if (v.release() != null && r.date() == null)
                throw new IllegalArgumentException("dataset " + v.dataset() + " (" + v.format() + ") is loaded without a release in <"
                    + r.graph().getURI() + ">: drop that graph or reload it with --release before loading release " + v.release());
        }
    }

    private LoadResult loadInto(SourceReader reader, List<Path> paths, Node g) {
        GraphWriter writer = bulk ? GraphWriter.embedded(dsg, progress, false) : GraphWriter.transaction(dsg, progress);
        SourceReport[] report = new SourceReport[1];
        GraphWriter.Result r = writer.replace(g, sink -> {
            report[0] = read(reader, paths, sink);
            return report[0].files().stream().mapToLong(SourceReport.FileReport::rows).sum();
        }, (w, data) -> writeProvenance(w, g, reader, report[0], data.started()));
        return new LoadResult(g, r.triples(), r.replaced(), report[0]);
    }

    /** Runs the reader into a sink, reporting each file it starts to the progress display. */
    private SourceReport read(SourceReader reader, List<Path> paths, StreamRDF sink) {
        FileScan.onScan(progress::fileStarted);
        try (var charset = org.chainkg.source.TextEncoding.use(encoding, reader.takesEncoding())) {
            return reader.read(paths, sink);
        } finally {
            FileScan.onScan(null);
        }
    }

    private void writeProvenance(TripleWriter w, Node g, SourceReader reader, SourceReport report, Instant started) {
        Node previous = version == null || version.release() == null ? null
            : Releases.previous(dsg, version.format(), version.dataset(), version.release()).map(Releases.Release::graph).orElse(null);
        provenance(w, g, reader, report, started, version, previous);
    }

    /**
     * Writes the PROV-O record of a load of graph {@code g} into a remote store: dataset {@code dataset}, release
     * {@code release} (null: none), revision of {@code previous} (null: none).
     */
    static void provenance(TripleWriter w, Node g, SourceReader reader, SourceReport report, Instant started,
                           String dataset, String release, Node previous) {
        provenance(w, g, reader, report, started, new Version(reader.format(), dataset, release), previous);
    }

    private static void provenance(TripleWriter w, Node g, SourceReader reader, SourceReport report, Instant started,
                                   Version version, Node previous) {
        Node load = Iris.instance("load", UUID.randomUUID().toString());
        Node agent = Iris.instance("reader", reader.format(), reader.version());
        w.type(g, CK.SourceGraph, Vocab.provEntity);
        w.text(g, CK.sourceFormat, reader.format());
        if (version != null) {
            w.text(g, CK.datasetKey, version.dataset());
            if (version.release() != null) {
                w.typed(g, CK.release, version.release(), Releases.datatype(version.release()));
                if (previous != null) w.add(g, Vocab.provWasRevisionOf, previous);
            }
        }
        w.text(g, DCTerms.title.asNode(), report.title());
        w.text(g, DCTerms.bibliographicCitation.asNode(), report.credit());
        if (report.license() != null)
            w.add(g, DCTerms.license.asNode(), NodeFactory.createURI(report.license()));
        w.add(g, Vocab.provWasGeneratedBy, load);

        w.type(load, CK.SourceLoad, Vocab.provActivity);
        w.typed(load, Vocab.provStartedAtTime, started.toString(), XSDDatatype.XSDdateTime);
        w.typed(load, Vocab.provEndedAtTime, Instant.now().toString(), XSDDatatype.XSDdateTime);
        w.add(load, Vocab.provWasAssociatedWith, agent);

        w.type(agent, CK.Reader, Vocab.provSoftwareAgent);
        w.text(agent, RDFS.label.asNode(), "chainkg " + reader.format() + " reader");
        w.text(agent, CK.readerVersion, reader.version());
        w.text(agent, CK.sourceFormat, reader.format());

        for (SourceReport.FileReport f : report.files()) {
            Node file = Iris.instance("file", f.sha256());
            w.type(file, CK.SourceFile, Vocab.provEntity);
            w.text(file, DCTerms.title.asNode(), f.name());
            w.text(file, CK.sha256, f.sha256());
            w.typed(file, CK.byteSize, Long.toString(f.bytes()), XSDDatatype.XSDlong);
            w.integer(file, CK.rowCount, f.rows());
            w.add(load, Vocab.provUsed, file);
            w.add(g, Vocab.provWasDerivedFrom, file);
        }
    }
}
