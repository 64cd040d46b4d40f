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

    /** Validates the union of all graphs in a read transaction. */
    public ValidationReport validate(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> ShaclValidator.get().validate(shapes, dsg.getUnionGraph()));
    }
}
