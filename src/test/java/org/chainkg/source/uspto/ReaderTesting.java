package org.chainkg.source.uspto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.chainkg.rdf.Iris;
import org.chainkg.source.SourceDataException;
import org.chainkg.source.SourceReader;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.chainkg.store.StoreStatistics;

/**
 * Test helpers for readers: load real files into a real store, compare a source graph with its golden Turtle (as
 * graphs, leaving out the PROV record of the load), run SPARQL over the store, and check that a refused load left
 * the store exactly as it was.
 * <p>
 * To (re)write a golden file after a deliberate change, run with {@code -Dchainkg.writeGolden=true}, then read the
 * new file and check it against the source before committing.
 */
public final class ReaderTesting {
    private ReaderTesting() {}

    /** Loads a source into its default graph and returns that graph's IRI. */
    public static Node load(ChainStore store, SourceReader reader, Path... paths) {
        return new SourceLoader(store.dataset()).load(reader, List.of(paths), null).graph();
    }

    /** The triples of a source graph without the load's PROV record (graph, load, reader and file nodes). */
    public static Graph data(ChainStore store, Node graph) {
        Graph g = GraphFactory.createDefaultGraph();
        Txn.executeRead(store.dataset(), () -> store.dataset().getGraph(graph).find().forEachRemaining(t -> {
            if (!isProvenance(t, graph)) g.add(t);
        }));
        return g;
    }

    private static boolean isProvenance(Triple t, Node graph) {
        return org.chainkg.store.GraphRecord.isRecordSubject(graph, t.getSubject());
    }

    /** Compares a graph with a golden Turtle file as graphs; prints both, and the differences, on a mismatch. */
    public static void assertGolden(Path golden, Graph actual) {
        if (Boolean.getBoolean("chainkg.writeGolden")) {
            try (OutputStream out = Files.newOutputStream(golden)) {
                Model m = ModelFactory.createModelForGraph(actual);
                m.setNsPrefixes(Prefixes.MAP);
                RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        Graph expected = RDFDataMgr.loadGraph(golden.toString(), Lang.TURTLE);
        if (expected.isIsomorphicWith(actual)) return;
        List<String> missing = new ArrayList<>(), extra = new ArrayList<>();
        expected.find().forEachRemaining(t -> { if (!actual.contains(t)) missing.add(t.toString()); });
        actual.find().forEachRemaining(t -> { if (!expected.contains(t)) extra.add(t.toString()); });
        fail("the graph differs from " + golden + "\n--- expected:\n" + turtle(expected) + "\n--- actual:\n" + turtle(actual)
             + "\n--- missing (" + missing.size() + "):\n" + String.join("\n", new TreeSet<>(missing))
             + "\n--- unexpected (" + extra.size() + "):\n" + String.join("\n", new TreeSet<>(extra)));
    }

    static String turtle(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Model m = ModelFactory.createModelForGraph(g);
        m.setNsPrefixes(Prefixes.MAP);
        RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The values of one variable of a SELECT over the union of all graphs, as strings (IRIs or lexical forms). */
    public static List<String> select(ChainStore store, String var, String sparql) {
        List<String> values = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (var qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset())).query(Prefixes.SPARQL + sparql).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution row = rs.next();
                    var node = row.get(var);
                    values.add(node == null ? null : node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
                }
            }
        });
        return values;
    }

    public static boolean ask(ChainStore store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (var qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset())).query(Prefixes.SPARQL + sparql).build()) {
                return qe.execAsk();
            }
        });
    }

    /** The whole store as sorted N-Quads lines, to compare before and after a refused load. */
    public static String dump(ChainStore store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS));
        return String.join("\n", new TreeSet<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))));
    }

    /**
     * Asserts that loading the paths is refused with exactly this message and leaves the store (triples and text
     * index) as it was.
     */
    public static void assertRefused(ChainStore store, SourceReader reader, String expectedMessage, Path... paths) {
        String before = dump(store);
        long docs = StoreStatistics.textDocuments(store);
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(reader, List.of(paths), null));
        assertEquals(expectedMessage, e.getMessage());
        assertEquals(before, dump(store), "the store changed after a refused load");
        assertEquals(docs, StoreStatistics.textDocuments(store), "the text index changed after a refused load");
    }

    /** Copies a file or a folder's files into a new folder (a test may then change the copies). */
    public static Path copy(Path from, Path toDir) {
        try {
            Files.createDirectories(toDir);
            if (Files.isDirectory(from)) {
                try (var files = Files.list(from)) {
                    for (Path f : (Iterable<Path>) files::iterator)
                        if (Files.isRegularFile(f)) Files.copy(f, toDir.resolve(f.getFileName().toString()));
                }
                return toDir;
            }
            return Files.copy(from, toDir.resolve(from.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of a text in a file (failing when it is not there). */
    public static void replace(Path file, String text, String replacement) {
        try {
            String s = Files.readString(file);
            int at = s.indexOf(text);
            if (at < 0) fail("\"" + text + "\" is not in " + file);
            Files.writeString(file, s.substring(0, at) + replacement + s.substring(at + text.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prefixes for golden Turtle and test queries. */
    static final class Prefixes {
        static final java.util.Map<String, String> MAP = new java.util.LinkedHashMap<>();
        static {
            MAP.put("ck", "https://w3id.org/chainkg/ontology#");
            MAP.put("dcterms", "http://purl.org/dc/terms/");
            MAP.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
            MAP.put("skos", "http://www.w3.org/2004/02/skos/core#");
            MAP.put("org", "http://www.w3.org/ns/org#");
            MAP.put("xsd", "http://www.w3.org/2001/XMLSchema#");
            MAP.put("country", Iris.EU_COUNTRY);
            MAP.put("patent", Iris.ID + "patent/");
            MAP.put("cpc", Iris.ID + "cpc/");
            MAP.put("uspto", Iris.ID + "uspto/assignee/");
            MAP.put("pv", Iris.ID + "patentsview/assignee/");
            MAP.put("ppubs", Iris.ID + "uspto-ppubs/organisation/");
            MAP.put("file", Iris.ID + "file/");
        }
        static final String SPARQL;
        static {
            StringBuilder sb = new StringBuilder();
            MAP.forEach((k, v) -> sb.append("PREFIX ").append(k).append(": <").append(v).append(">\n"));
            SPARQL = sb.toString();
        }
    }
}
