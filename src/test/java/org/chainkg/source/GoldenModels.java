package org.chainkg.source;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.chainkg.rdf.CK;
import org.chainkg.source.SourceReader;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;

/**
 * Golden-graph checks for a reader: load real files with {@link SourceLoader}, take the source's graph without
 * its PROV nodes (graph, load, reader and file nodes, whose times and ids change), and compare it with the
 * expected Turtle as graphs. Run with {@code -Dchainkg.writeGolden=true} to (re)write the expected file from the
 * actual output; then read it against the source before committing.
 */
public final class GoldenModels {
    public static final String PREFIXES = """
        @prefix ck: <https://w3id.org/chainkg/ontology#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix schema: <https://schema.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix ror: <https://ror.org/> .
        @prefix cordis: <https://w3id.org/chainkg/id/cordis/> .
        @prefix corg: <https://w3id.org/chainkg/id/cordis/org/> .
        @prefix project: <https://w3id.org/chainkg/id/cordis/project/> .
        @prefix part: <https://w3id.org/chainkg/id/cordis/participation/> .
        @prefix topic: <https://w3id.org/chainkg/id/cordis/topic/> .
        @prefix wd: <http://www.wikidata.org/entity/> .
        @prefix country: <http://publications.europa.eu/resource/authority/country/> .
        @prefix file: <https://w3id.org/chainkg/id/file/> .
        """;

    /** Loads the paths into a new store in {@code db} and returns the source graph's data triples. */
    public static Model load(SourceReader reader, List<Path> paths, Path db) {
        try (ChainStore store = ChainStore.open(db)) {
            Node g = new SourceLoader(store.dataset()).load(reader, paths, null).graph();
            return Txn.calculateRead(store.dataset(), () -> dataOnly(store.dataset().getGraph(g)));
        }
    }

    /** The graph's triples except those about its PROV nodes. */
    public static Model dataOnly(Graph source) {
        Graph out = GraphFactory.createDefaultGraph();
        source.find().forEachRemaining(t -> {
            if (!isProvNode(source, t.getSubject())) out.add(t);
        });
        return ModelFactory.createModelForGraph(out);
    }

    private static boolean isProvNode(Graph g, Node s) {
        // the load, reader, file and partition nodes by their IRIs, the graph itself by its type
        return org.chainkg.store.GraphRecord.isRecordSubject(Node.ANY, s) || g.contains(s, RDF.Nodes.type, CK.SourceGraph);
    }

    public static void assertMatches(Model actual, Path golden) {
        actual.setNsPrefixes(expectedPrefixes());
        if (Boolean.getBoolean("chainkg.writeGolden")) {
            try {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, turtle(actual));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail("wrote " + golden + ": read it against the source files, then run again without -Dchainkg.writeGolden");
        }
        Model expected = ModelFactory.createDefaultModel();
        RDFDataMgr.read(expected, golden.toString(), Lang.TURTLE);
        if (actual.isIsomorphicWith(expected)) return;
        Model missing = expected.difference(actual).setNsPrefixes(expectedPrefixes());
        Model extra = actual.difference(expected).setNsPrefixes(expectedPrefixes());
        fail("the reader's output differs from " + golden + "\n--- expected but missing:\n" + turtle(missing)
             + "\n--- produced but not expected:\n" + turtle(extra) + "\n--- expected:\n" + turtle(expected)
             + "\n--- actual:\n" + turtle(actual));
    }

    private static java.util.Map<String, String> expectedPrefixes() {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new java.io.StringReader(PREFIXES), null, Lang.TURTLE);
        return m.getNsPrefixMap();
    }

    public static String turtle(Model m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The triples of a model as sorted N-Triples lines (for comparing graphs in assertions). */
    public static List<String> lines(Model m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, RDFFormat.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
    }

    private GoldenModels() {}
}
