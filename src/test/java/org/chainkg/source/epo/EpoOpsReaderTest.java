package org.chainkg.source.epo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.source.SourceFormats;
import org.chainkg.source.SourceReport;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EPO OPS reader on the four real OPS responses in fixtures/epo-ops (see its NOTICE.md). */
class EpoOpsReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/epo-ops");
    static final Path GOLDEN = Path.of("src/test/golden/readers/epo-ops/epo-ops.ttl");
    static final String PREFIXES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX patent: <https://w3id.org/chainkg/id/patent/>
        PREFIX cpc: <https://w3id.org/chainkg/id/cpc/>
        """;

    @TempDir static Path tmp;
    static ChainStore store;
    static SourceLoader.LoadResult result;

    @BeforeAll
    static void load() {
        store = ChainStore.open(tmp.resolve("db"));
        result = new SourceLoader(store.dataset()).load(new EpoOpsReader(), List.of(FIXTURES), null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** One column of a SELECT over the store, sorted. */
    static List<String> select(String query) {
        List<String> rows = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset())).query(PREFIXES + query).build()) {
                ResultSet rs = qe.execSelect();
                String var = rs.getResultVars().get(0);
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    rows.add(s.get(var) == null ? "" : s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.get(var).toString());
                }
            }
        });
        return new ArrayList<>(new TreeSet<>(rows));
    }

    @Test
    void goldenGraph() {
        ReaderGolden.assertGolden(GOLDEN, ReaderGolden.dataTriples(store, result.graph()));
    }

    @Test
    void provenanceCountsRecordsPerFile() {
        SourceReport report = result.report();
        assertEquals("epo-ops", new EpoOpsReader().datasetKey(List.of(FIXTURES)));
        assertEquals(List.of("biblio_example_2.xml=1", "biblio_example_4.xml=1", "family_input.xml=6", "full_cycle_example.xml=2"),
            report.files().stream().map(f -> f.name() + "=" + f.rows()).toList());
        assertEquals(27945, report.files().get(0).bytes());
    }
}
