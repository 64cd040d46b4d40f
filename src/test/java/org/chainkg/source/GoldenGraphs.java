package org.chainkg.source;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.store.ChainStore;
import org.chainkg.store.StoreStatistics;

/**
 * Golden-graph and store-snapshot helpers for reader tests: the data triples of a source graph (without the
 * load's PROV record) compared as graphs with expected Turtle, printed as Turtle on a mismatch. Run with
 * {@code -Dchainkg.golden.write=true} to (re)write the expected file, which must then be read and checked.
 */
public final class GoldenGraphs {
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefix("ck", CK.NS).setNsPrefix("id", Iris.ID).setNsPrefix("patent", Iris.ID + "patent/")
        .setNsPrefix("cpc", Iris.ID + "cpc/").setNsPrefix("country", Iris.EU_COUNTRY)
        .setNsPrefix("oa", "https://openalex.org/").setNsPrefix("ror", "https://ror.org/")
        .setNsPrefix("org", "http://www.w3.org/ns/org#").setNsPrefix("schema", "https://schema.org/")
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#").setNsPrefix("dcterms", "http://purl.org/dc/terms/")
        .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#").setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
        .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /** The graph's triples whose subject is not the graph itself or a load / reader / file node of its PROV record. */
    public static Graph dataTriples(ChainStore store, Node graph) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(PREFIXES);
        Txn.executeRead(store.dataset(), () -> store.dataset().find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!org.chainkg.store.GraphRecord.isRecordSubject(graph, q.getSubject())) g.add(q.asTriple());
        }));
        return g;
    }

    public static void assertGolden(Path expectedTurtle, Graph actual) {
        if (Boolean.getBoolean("chainkg.golden.write")) {
            try {
                Files.createDirectories(expectedTurtle.getParent());
                Files.writeString(expectedTurtle, turtle(actual));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Graph expected = RDFParser.source(expectedTurtle).lang(Lang.TURTLE).toGraph();
        if (!expected.isIsomorphicWith(actual))
            fail("the reader's graph differs from " + expectedTurtle + "\n--- expected:\n" + turtle(expected)
                 + "\n--- actual:\n" + turtle(actual) + "\n--- only in expected:\n" + difference(expected, actual)
                 + "\n--- only in actual:\n" + difference(actual, expected));
    }

    private static String difference(Graph a, Graph b) {
        TreeSet<String> lines = new TreeSet<>();
        a.find().forEachRemaining(t -> { if (!b.contains(t)) lines.add(t.toString()); });
        return String.join("\n", lines);
    }

    public static String turtle(Graph g) {
        g.getPrefixMapping().setNsPrefixes(PREFIXES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The whole store as sorted N-Quads lines, to show that a refused load changed nothing. */
    public static String dump(ChainStore store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS));
        return String.join("\n", new TreeSet<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))));
    }

    public static long textDocuments(ChainStore store) {
        return StoreStatistics.textDocuments(store);
    }

    private GoldenGraphs() {}
}
