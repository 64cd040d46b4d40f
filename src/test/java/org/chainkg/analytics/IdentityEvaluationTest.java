package org.chainkg.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.source.SourceFormats;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision and recall of the organisation resolver on a labelled set of source-node pairs built from the real
 * bundled data (ETO, CORDIS, ROR, OpenAlex, USPTO samples) plus the synthetic ASML patent: 12 pairs that are the
 * same organisation and 24 hard pairs that are not (sibling firms, a university and its press, parent and unit,
 * predecessor and successor). Each pair's truth is stated in src/test/resources/identity/labelled-pairs.csv.
 */
class IdentityEvaluationTest {
    @TempDir static Path tmp;
    static ChainStore store;
    static Clusters clusters;
    static Map<Node, OrganisationResolver.Org> orgs;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        SourceLoader loader = new SourceLoader(store.dataset());
        for (Path p : List.of(TestData.ETO_REAL, Path.of("data/cordis-h2020"), Path.of("data/samples/ror"),
                              Path.of("data/samples/openalex"), Path.of("data/samples/uspto-patentpublicdata"),
                              Path.of("data/samples/uspto-bulk-ipg"), Path.of("src/test/resources/fixtures/uspto-xml/synthetic")))
            loader.load(SourceFormats.detect(List.of(p)), List.of(p), null);
        Txn.executeRead(store.dataset(), () -> {
            orgs = OrganisationResolver.collect(store.dataset());
            clusters = OrganisationResolver.resolve(orgs);
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void precisionAndRecallOnTheLabelledPairs() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/identity/labelled-pairs.csv"));
        int tp = 0, fp = 0, fn = 0, tn = 0;
        StringBuilder report = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            Node a = NodeFactory.createURI(f[0]), b = NodeFactory.createURI(f[1]);
            assertTrue(orgs.containsKey(a), "not an organisation node in the store: " + a);
            assertTrue(orgs.containsKey(b), "not an organisation node in the store: " + b);
            boolean truth = Boolean.parseBoolean(f[2]);
            boolean predicted = clusters.same(a, b);
            if (truth && predicted) tp++;
            else if (!truth && predicted) { fp++; report.append("false positive: ").append(f[3]).append('\n'); }
            else if (truth) { fn++; report.append("missed: ").append(f[3]).append('\n'); }
            else tn++;
        }
        double precision = tp / (double) (tp + fp), recall = tp / (double) (tp + fn);
        System.out.printf("identity resolver: %d labelled pairs, precision %.3f (%d/%d), recall %.3f (%d/%d)%n%s",
                          lines.size() - 1, precision, tp, tp + fp, recall, tp, tp + fn, report);
        assertEquals(36, tp + fp + fn + tn);
        assertTrue(precision >= 0.95, "precision " + precision + "\n" + report);
        assertTrue(recall >= 0.7, "recall " + recall + "\n" + report);
    }

    @Test
    void asmlFromRorEtoAndAPatentIsOneOrganisation() {
        Node ror = NodeFactory.createURI("https://ror.org/01vxknj13");
        Node eto = NodeFactory.createURI("https://w3id.org/chainkg/id/eto/eto-chip-explorer/provider/P88");
        Node patent = NodeFactory.createURI("https://w3id.org/chainkg/id/uspto/assignee/asml-netherlands-b.v.");
        assertTrue(clusters.same(ror, eto) && clusters.same(eto, patent));
        assertEquals("https://w3id.org/chainkg/id/org/ror-01vxknj13",
                     OrganisationResolver.canonicalIri(clusters.groups(orgs).stream()
                         .filter(g -> g.stream().anyMatch(o -> o.node.equals(ror))).findFirst().orElseThrow()).getURI());
    }
}
