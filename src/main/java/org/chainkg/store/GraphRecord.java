package org.chainkg.store;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.rdf.Vocab;

/**
 * The part of every graph's record that {@link GraphWriter} writes itself, after the producer's PROV-O record: the
 * graph's property and class partitions (VoID: {@code <g> void:propertyPartition [ void:property p ]} for each
 * predicate of the data, {@code void:classPartition [ void:class c ]} for each class of an {@code rdf:type} triple,
 * with their numbers {@code void:properties} and {@code void:classes}), then the completion marker
 * {@code ck:tripleCount} (all triples of the graph, the marker included). The partitions say which derivations read
 * the graph ({@code Derivation#reads}).
 */
public final class GraphRecord {
    static final Node VOID_PROPERTY_PARTITION = NodeFactory.createURI(Vocab.VOID + "propertyPartition");
    static final Node VOID_PROPERTY = NodeFactory.createURI(Vocab.VOID + "property");
    static final Node VOID_PROPERTIES = NodeFactory.createURI(Vocab.VOID + "properties");
    static final Node VOID_CLASS_PARTITION = NodeFactory.createURI(Vocab.VOID + "classPartition");
    static final Node VOID_CLASS = NodeFactory.createURI(Vocab.VOID + "class");
    static final Node VOID_CLASSES = NodeFactory.createURI(Vocab.VOID + "classes");

    /** Writes the partitions and the marker; {@code before} counts the graph's triples written so far. */
    static long write(TripleWriter w, Node g, Terms terms, long before) {
        return write(w, g, terms.predicates, terms.classes, before);
    }

    /** As above, for a graph written elsewhere (inside a remote engine): its predicates and classes as found. */
    public static long write(TripleWriter w, Node g, Set<Node> predicates, Set<Node> classes, long before) {
        long start = w.triples();
        partitions(w, g, predicates, "property-partition", VOID_PROPERTY_PARTITION, VOID_PROPERTY, VOID_PROPERTIES);
        partitions(w, g, classes, "class-partition", VOID_CLASS_PARTITION, VOID_CLASS, VOID_CLASSES);
        long total = before + (w.triples() - start) + 1;
        w.integer(g, CK.tripleCount, total);
        return w.triples() - start;
    }

    private static void partitions(TripleWriter w, Node g, Set<Node> terms, String kind, Node partition, Node term, Node count) {
        List<Node> sorted = terms.stream().sorted(Comparator.comparing(Node::getURI)).toList();
        for (Node t : sorted) {
            Node part = Iris.derived(kind, g.getURI(), t.getURI());
            w.add(g, partition, part);
            w.add(part, term, t);
        }
        w.integer(g, count, sorted.size());
    }

    /**
     * The predicates and classes graph {@code g} holds by its record ({@code void:properties} and the partitions), or null when
     * its record does not say (a graph written before records had partitions: read as "any predicate"). Needs a
     * read transaction.
     */
    public static Set<Node> terms(DatasetGraph dsg, Node g) {
        if (!dsg.contains(g, g, VOID_PROPERTIES, Node.ANY) || !dsg.contains(g, g, VOID_CLASSES, Node.ANY)) return null;
        Set<Node> out = new HashSet<>();
        dsg.find(g, g, VOID_PROPERTY_PARTITION, Node.ANY).forEachRemaining(part ->
            dsg.find(g, part.getObject(), VOID_PROPERTY, Node.ANY).forEachRemaining(q -> out.add(q.getObject())));
        dsg.find(g, g, VOID_CLASS_PARTITION, Node.ANY).forEachRemaining(part ->
            dsg.find(g, part.getObject(), VOID_CLASS, Node.ANY).forEachRemaining(q -> out.add(q.getObject())));
        return out;
    }

    /**
     * True for a subject of graph {@code g}'s own record rather than its data: the graph itself, its load or
     * derivation run, reader or derivation, source files and VoID partitions.
     */
    public static boolean isRecordSubject(Node g, Node s) {
        if (s.equals(g)) return true;
        if (!s.isURI()) return false;
        String iri = s.getURI();
        for (String kind : List.of("load/", "reader/", "file/", "derivation/", "deriver/", "property-partition/", "class-partition/"))
            if (iri.startsWith(Iris.ID + kind)) return true;
        return false;
    }

    /** Passes triples on, collecting their predicates and the classes of their rdf:type triples. */
    static final class Terms extends StreamRDFWrapper {
        final Set<Node> predicates = new HashSet<>();
        final Set<Node> classes = new HashSet<>();

        Terms(StreamRDF out) { super(out); }

        @Override public void triple(Triple t) {
            predicates.add(t.getPredicate());
            if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) classes.add(t.getObject());
            super.triple(t);
        }
        @Override public void quad(Quad q) { triple(q.asTriple()); }
    }

    private GraphRecord() {}
}
