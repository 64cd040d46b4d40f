package org.chainkg.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
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
import org.chainkg.source.SourceReader;
import org.chainkg.source.SourceReport;

/**
 * Loads one source into its own named graph in one write transaction: the graph's old content is removed, the
 * reader streams the new one, and a PROV-O record of the load (files, SHA-256, row counts, times, reader
 * version) is written into the same graph. Any error aborts the transaction, leaving the store as it was.
 */
public final class SourceLoader {
    private final DatasetGraph dsg;

    public SourceLoader(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** What a load did. */
    public record LoadResult(Node graph, long triples, long replaced, SourceReport report) {}

    /** The graph a source is loaded into unless another is named. */
    public static Node defaultGraph(SourceReader reader, List<Path> paths) {
        return Iris.sourceGraph(reader.format(), reader.datasetKey(paths));
    }

    public LoadResult load(SourceReader reader, List<Path> paths, Node graph) {
        Node g = graph != null ? graph : defaultGraph(reader, paths);
        Instant started = Instant.now();
        dsg.begin(ReadWrite.WRITE);
        try {
            long replaced = Graphs.clear(dsg, g);
            GraphSink sink = new GraphSink(g);
            SourceReport report = reader.read(paths, sink);
            long provTriples = writeProvenance(g, reader, report, started, sink.added);
            dsg.commit();
            return new LoadResult(g, sink.added + provTriples, replaced, report);
        } catch (RuntimeException e) {
            dsg.abort();
            throw e;
        } finally {
            dsg.end();
        }
    }

    private long writeProvenance(Node g, SourceReader reader, SourceReport report, Instant started, long dataTriples) {
        GraphSink sink = new GraphSink(g);
        TripleWriter w = new TripleWriter(sink);
        Node load = Iris.instance("load", UUID.randomUUID().toString());
        Node agent = Iris.instance("reader", reader.format(), reader.version());
        w.type(g, CK.SourceGraph, Vocab.provEntity);
        w.text(g, CK.sourceFormat, reader.format());
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
        // The count includes the tripleCount triple itself.
        long total = dataTriples + w.triples() + 1;
        w.integer(g, CK.tripleCount, total);
        return w.triples();
    }

    /** Writes triples into one named graph, skipping those already there so the text index has no duplicates. */
    private final class GraphSink extends StreamRDFBase {
        private final Node graph;
        long added;

        GraphSink(Node graph) { this.graph = graph; }

        @Override
        public void triple(Triple t) {
            Quad q = Quad.create(graph, t);
            if (!dsg.contains(q)) {
                dsg.add(q);
                added++;
            }
        }

        @Override
        public void quad(Quad q) {
            triple(q.asTriple());
        }
    }
}
