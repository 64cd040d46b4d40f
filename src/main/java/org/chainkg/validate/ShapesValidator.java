package org.chainkg.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.chainkg.rdf.ClasspathFolder;

/**
 * Validates the store against the SHACL shapes beside the ontology ({@code ontology/*-shapes.ttl}), over the
 * union of all named graphs.
 */
public final class ShapesValidator {
    private final Shapes shapes;

    public ShapesValidator() {
        this.shapes = Shapes.parse(loadShapes());
    }

    /** All shapes files packaged from ontology/. */
    static Graph loadShapes() {
        Graph g = GraphFactory.createDefaultGraph();
        for (Path f : ClasspathFolder.list("ontology", "-shapes.ttl")) {
            try (InputStream in = Files.newInputStream(f)) {
                RDFParser.source(in).lang(Lang.TURTLE).base(f.getFileName().toString()).parse(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return g;
    }

    public Shapes shapes() { return shapes; }

    /**
     * Validates, in a read transaction, the union of the graphs that queries see: every named graph but the superseded
     * releases of a dataset ({@link org.chainkg.store.Releases}), whose items share their IRIs with the newer release.
     */
    public ValidationReport validate(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            java.util.Set<org.apache.jena.graph.Node> hidden = org.chainkg.store.Releases.superseded(dsg);
            if (hidden.isEmpty()) return ShaclValidator.get().validate(shapes, dsg.getUnionGraph());
            java.util.List<org.apache.jena.graph.Node> shown = new java.util.ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> { if (!hidden.contains(g)) shown.add(g); });
            // the superseded graphs' own records (type, PROV), which derivations that read every release name
            org.apache.jena.graph.Graph records = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            for (org.apache.jena.graph.Node g : hidden) {
                // the graph's PROV record: what is reachable from the graph node inside it (its load, files, reader)
                java.util.ArrayDeque<org.apache.jena.graph.Node> todo = new java.util.ArrayDeque<>(java.util.List.of(g));
                java.util.Set<org.apache.jena.graph.Node> seen = new java.util.HashSet<>(todo);
                while (!todo.isEmpty()) {
                    org.apache.jena.graph.Node x = todo.poll();
                    dsg.find(g, x, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).forEachRemaining(q -> {
                        records.add(q.asTriple());
                        org.apache.jena.graph.Node o = q.getObject();
                        if (!o.isLiteral() && seen.add(o)) todo.add(o);
                    });
                }
            }
            return ShaclValidator.get().validate(shapes,
                new org.apache.jena.graph.compose.Union(new org.apache.jena.sparql.graph.GraphUnionRead(dsg, shown), records));
        });
    }
}
