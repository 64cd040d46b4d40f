package org.chainkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vocabulary constants mirror ontology/, and every ontology term is labelled in English and Chinese and defined. */
class VocabularyTest {
    static Model ontology = ModelFactory.createDefaultModel();

    @BeforeAll
    static void load() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            files.filter(f -> f.toString().endsWith(".ttl") && !f.toString().endsWith("-shapes.ttl"))
                 .forEach(f -> RDFDataMgr.read(ontology, f.toString()));
        }
    }

    @Test
    void everyConstantIsDeclaredInTheOntology() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Field f : CK.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Node.class) continue;
            Node n = (Node) f.get(null);
            if (!ontology.contains(ontology.createResource(n.getURI()), RDFS.isDefinedBy))
                missing.add(n.getURI());
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyTermHasEnglishAndChineseLabelsAndADefinition() {
        String q = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?t WHERE {
              ?t rdfs:isDefinedBy ?o . FILTER(STRSTARTS(STR(?t), "https://w3id.org/chainkg/ontology#"))
              FILTER(NOT EXISTS { ?t rdfs:label ?en FILTER(lang(?en) = "en") }
                  || NOT EXISTS { ?t rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }
                  || NOT EXISTS { ?t skos:definition ?d })
            }""";
        List<String> bad = new ArrayList<>();
        try (var qe = QueryExecutionFactory.create(q, ontology)) {
            qe.execSelect().forEachRemaining(s -> bad.add(s.getResource("t").getURI()));
        }
        assertEquals(List.of(), bad);
        assertTrue(ontology.size() > 500);
    }

    @Test
    void shapesParse() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("-shapes.ttl")).toList())
                assertTrue(Shapes.parse(RDFDataMgr.loadGraph(f.toString())).numShapes() > 0, f.toString());
        }
    }
}
