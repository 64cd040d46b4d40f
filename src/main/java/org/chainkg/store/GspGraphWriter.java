package org.chainkg.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.exec.http.GSP;
import org.chainkg.rdf.TripleWriter;

/**
 * {@link GraphWriter} to a SPARQL 1.1 Graph Store Protocol endpoint: data, PROV record and marker are streamed into
 * a temporary N-Triples file (memory stays bounded whatever the graph's size), which is PUT as the graph in one
 * request. A failure while producing sends nothing. The triple count is of the triples sent (a duplicate in the
 * stream counts twice; the store keeps one).
 */
final class GspGraphWriter implements GraphWriter {
    private final String graphStore;
    private final java.util.function.Consumer<Node> beforePut;

    /** @param beforePut told the graph once its file is complete, just before the PUT (not on a failed produce) */
    GspGraphWriter(String graphStore, java.util.function.Consumer<Node> beforePut) {
        this.graphStore = graphStore;
        this.beforePut = beforePut;
    }

    @Override
    public Result replace(Node g, Producer data, Provenance provenance) {
        Instant started = Instant.now();
        Path file = null;
        try {
            file = Files.createTempFile("chainkg-gsp", ".nt");
            long records, total;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NTRIPLES);
                writer.start();
                Counting counting = new Counting(writer);
                GraphRecord.Terms terms = new GraphRecord.Terms(counting);
                records = data.produce(terms);
                long dataTriples = counting.count;
                provenance.write(new TripleWriter(counting), new Written(g, started, records, dataTriples, 0));
                GraphRecord.write(new TripleWriter(counting), g, terms, counting.count);
                total = counting.count;
                writer.finish();
            }
            beforePut.accept(g);
            GSP.service(graphStore).graphName(g).PUT(file.toString());
            return new Result(g, records, total, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary file for " + graphStore + ": " + e.getMessage(), e);
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    private static final class Counting extends StreamRDFWrapper {
        long count;

        Counting(StreamRDF out) { super(out); }

        @Override
        public void triple(Triple t) {
            count++;
            super.triple(t);
        }
    }
}
