package org.chainkg.analytics;

import java.util.Set;

import org.apache.jena.graph.Node;
import org.chainkg.rdf.TripleWriter;

/**
 * A derived fact set (organisation identity, text links ...) computed from the loaded sources and kept in a named
 * graph of its own, with provenance. {@link DerivedGraphs} runs it through the store's one graph writer.
 */
public interface Derivation {
    /** Short name, e.g. "identity"; the graph is https://w3id.org/chainkg/graph/derived/NAME. */
    String name();

    String version();

    /** One line on what it derives and how, recorded in the graph's provenance. */
    String description();

    /**
     * What it reads: the predicates of the triples its queries match, and the classes of the {@code rdf:type} triples
     * they match (a query's {@code ?x a ck:Country} reads class ck:Country, not every rdf:type triple). A graph whose
     * VoID partitions name none of these is not an input: loading it leaves the derivation current. Derived graphs
     * count like source graphs (output-reach reads ck:canonical, written by identity). The terms are the anchors of
     * what it reads, not every predicate: facts such as a node's rdfs:label, skos:notation or dcterms:identifier, which
     * every graph holds, count through the anchor of the node they describe (the readers write a node's facts in the
     * graph that types it, and a country's code with it wherever it is used). IncrementalDeriveTest checks the
     * declarations against full derives on random load orders.
     */
    Set<Node> reads();

    /**
     * Reads the store and writes the derived triples.
     * @return the number of derived records (links, entities) for the provenance record
     */
    long derive(StoreReader in, TripleWriter out);

    /**
     * True for a derivation that reads the superseded releases of a dataset too ({@link org.chainkg.store.Releases});
     * the others read, and name as their sources, the graphs that queries see.
     */
    default boolean readsAllReleases() { return false; }
}
