package org.chainkg.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.store.ChainStore;
import org.chainkg.store.GraphRecord;
import org.chainkg.store.Releases;
import org.chainkg.store.VirtuosoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link InEngine} derivation's SPARQL 1.1 Update gives, triple for triple (decimals by value), the graph its
 * {@link Derivation#derive} writes: run by Jena's own update engine over the visible graphs of stores derived from the
 * fixtures and from the bundled ETO chain (real ties, unknown and zero shares). The same operations run inside
 * Virtuoso in {@code VirtuosoTest}.
 */
class InEngineDerivationsTest {
    @TempDir Path tmp;

    static final Node SCRATCH = NodeFactory.createURI("urn:x-chainkg:test:in-engine");

    @Test
    void updatesEqualTheJavaDerivationsOnTheResearchFixtures() {
        compare(TestData::researchMini, "research", 4);
    }

    /** Two research organisations and a firm sharing patents and projects listed out of order: lists of several values. */
    @Test
    void updatesEqualTheJavaDerivationsOnSharedWorksListedOutOfOrder() {
        compare(dir -> {
            ChainStore store = TestData.storeWith(dir, TestData.ETO_MINI);
            org.chainkg.pipeline.Pipeline pipeline = org.chainkg.pipeline.Pipeline.embedded(store.dataset()).deriveAfterLoad(false);
            for (Path part : List.of(TestData.RESEARCH_MINI.resolve("mappings"), IN_ENGINE.resolve("patentsview"), IN_ENGINE.resolve("cordis"))) {
                List<Path> paths = List.of(part);
                pipeline.load(org.chainkg.pipeline.Pipeline.Load.of(org.chainkg.source.SourceFormats.detect(paths), paths));
            }
            pipeline.derive();
            Set<String> lists = Txn.calculateRead(store.dataset(), () -> {
                Set<String> out = new TreeSet<>();
                store.dataset().find(Node.ANY, Node.ANY, org.chainkg.rdf.CK.organisationNames, Node.ANY).forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
                store.dataset().find(Node.ANY, Node.ANY, org.chainkg.rdf.CK.sharedIdentifiers, Node.ANY).forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
                return out;
            });
            assertTrue(lists.contains("ALPHA UNIVERSITY OF TECHNOLOGY; ZETA RESEARCH INSTITUTE EV") && lists.contains("990101 990102 990103"), lists.toString());
            return store;
        }, "shared", 4);
    }

    static final Path IN_ENGINE = Path.of("src/test/resources/fixtures/in-engine");

    @Test
    void updatesEqualTheJavaDerivationsOnTheChainFixtures() {
        compare(TestData::chainsMini, "chains", 2);
    }

    @Test
    void updatesEqualTheJavaDerivationsOnTheBundledEtoChain() {
        compare(dir -> TestData.derivedStoreWith(dir, TestData.ETO_REAL), "eto", 2);
    }

    private void compare(Function<Path, ChainStore> build, String name, int atLeast) {
        List<String> nonEmpty = new ArrayList<>();
        try (ChainStore s = build.apply(tmp.resolve(name))) {
            DatasetGraph dsg = s.dataset();
            for (Derivation d : DerivedGraphs.all()) {
                if (!(d instanceof InEngine e)) continue;
                Node g = DerivedGraphs.graph(d);
                StringBuilder dataset = new StringBuilder();
                Txn.executeRead(dsg, () -> {
                    Set<Node> hidden = d.readsAllReleases() ? Set.of() : Releases.superseded(dsg);
                    List<Node> graphs = new ArrayList<>();
                    dsg.listGraphNodes().forEachRemaining(graphs::add);
                    for (Node in : graphs) if (!in.equals(g) && !hidden.contains(in)) dataset.append("USING <").append(in.getURI()).append(">\n");
                    for (Node in : graphs) if (!in.equals(g) && !hidden.contains(in)) dataset.append("USING NAMED <").append(in.getURI()).append(">\n");
                });
                Txn.executeWrite(dsg, () -> {
                    dsg.deleteAny(SCRATCH, Node.ANY, Node.ANY, Node.ANY);
                    for (String op : e.inserts(SCRATCH.getURI(), dataset.toString())) UpdateExec.dataset(dsg).update(op).execute();
                });
                Set<String> expected = triples(dsg, g, true), actual = triples(dsg, SCRATCH, false);
                Set<String> missing = new TreeSet<>(expected), extra = new TreeSet<>(actual);
                missing.removeAll(actual);
                extra.removeAll(expected);
                assertTrue(missing.isEmpty() && extra.isEmpty(), name + ": " + d.name() + " as SPARQL Update: " + missing.size() + " triples missing "
                    + missing.stream().limit(4).toList() + ", " + extra.size() + " extra " + extra.stream().limit(4).toList());
                if (!expected.isEmpty()) nonEmpty.add(d.name());
            }
        }
        assertTrue(nonEmpty.size() >= atLeast, name + ": derivations compared on something: " + nonEmpty);
    }

    private static Set<String> triples(DatasetGraph dsg, Node g, boolean skipRecord) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new TreeSet<>();
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!skipRecord || !GraphRecord.isRecordSubject(g, q.getSubject()))
                    out.add(VirtuosoTest.term(q.getSubject()) + " " + VirtuosoTest.term(q.getPredicate()) + " " + VirtuosoTest.term(q.getObject()));
            });
            return out;
        });
    }
}
