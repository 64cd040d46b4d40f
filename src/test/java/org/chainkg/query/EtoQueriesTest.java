package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.chainkg.TestData;
import org.chainkg.source.EtoReference;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chokepoints and broken-segments queries on the real ETO data agree with an independent plain-Java
 * implementation of the definitions ({@link EtoReference}) for several countries and thresholds.
 */
class EtoQueriesTest {
    @TempDir static Path dir;
    static ChainStore store;
    static EtoReference reference = new EtoReference(TestData.ETO_REAL);

    @BeforeAll
    static void load() {
        store = TestData.derivedStoreWith(dir.resolve("db"), TestData.ETO_REAL);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static RowSetRewindable run(String name, Map<String, String> params) {
        NamedQuery q = NamedQueries.get(name);
        Binding b = q.bind(params);
        return new QueryRunner(store.dataset(), 60_000).selectAll(q.query(), b);
    }

    static String str(Binding b, String var) {
        var n = b.get(var);
        return n == null ? null : n.getLiteralLexicalForm();
    }

    static BigDecimal dec(Binding b, String var) {
        String s = str(b, var);
        return s == null ? null : new BigDecimal(s);
    }

    @ParameterizedTest(name = "chokepoints {0} home={1} hhi={2} top={3}")
    @CsvSource({"CHN,5,2500,50", "USA,5,2500,50", "NLD,10,2000,40", "JPN,1,3000,60", "KOR,5,2500,50",
                "TWN,20,1500,30", "DEU,0,2500,50", "EUR,5,2500,50", "FRA,5,10000,100", "CHN,50,5000,90"})
    void chokepointsMatchTheReferenceImplementation(String c, String home, String hhi, String top) {
        Map<String, EtoReference.Metrics> expected = reference.chokepoints(c, new BigDecimal(home), new BigDecimal(hhi), new BigDecimal(top));
        Map<String, EtoReference.Metrics> actual = new TreeMap<>();
        run("chokepoints", Map.of("country", c, "home", home, "hhi", hhi, "top", top)).forEachRemaining(b ->
            actual.put(str(b, "item_id"), new EtoReference.Metrics(dec(b, "hhi"), str(b, "top_country"), dec(b, "top_share"),
                Integer.parseInt(str(b, "countries")), Integer.parseInt(str(b, "firms")))));
        assertFalse(expected.isEmpty());
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((item, m) -> {
            EtoReference.Metrics a = actual.get(item);
            assertEquals(0, cmp(m.hhi(), a.hhi()), item + " hhi " + m.hhi() + " vs " + a.hhi());
            assertEquals(m.topCountry(), a.topCountry(), item + " top_country");
            assertEquals(0, cmp(m.topShare(), a.topShare()), item + " top_share");
            assertEquals(m.countries(), a.countries(), item + " countries");
            assertEquals(m.firms(), a.firms(), item + " firms");
        });
    }

    private static int cmp(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) return a == b ? 0 : 1;
        return a.compareTo(b);
    }

    @ParameterizedTest(name = "broken-segments {0} home={1}")
    @CsvSource({"CHN,5", "USA,5", "NLD,10", "JPN,1", "KOR,5", "TWN,20", "DEU,0", "GBR,5"})
    void brokenSegmentsMatchTheReferenceImplementation(String c, String home) {
        Set<String> expected = reference.brokenSegments(c, new BigDecimal(home));
        Set<String> actual = new TreeSet<>();
        run("broken-segments", Map.of("country", c, "home", home)).forEachRemaining(b ->
            actual.add(str(b, "segment_id") + " " + str(b, "resource_id") + " " + str(b, "status")));
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual);
    }

    @Test
    void euvLithographyIsAChokepointForChinaHeldByTheNetherlands() {
        var rows = run("chokepoints", Map.of("country", "CHN"));
        Binding euv = null;
        while (rows.hasNext()) {
            Binding b = rows.next();
            if ("N20".equals(str(b, "item_id"))) euv = b;
        }
        assertEquals("EUV lithography tools", str(euv, "item"));
        assertEquals("NLD", str(euv, "top_country"));
        assertEquals(0, new BigDecimal("100").compareTo(dec(euv, "top_share")));
        assertEquals(0, new BigDecimal("10000").compareTo(dec(euv, "hhi")));
        assertEquals("2025", str(euv, "year"));
    }

    @Test
    void providersOfEuvAreTheNetherlandsAndAsml() {
        var rows = run("providers-of", Map.of("item", "N20"));
        List<String> got = new java.util.ArrayList<>();
        rows.forEachRemaining(b -> got.add(str(b, "provider_id") + " " + str(b, "provider") + " " + str(b, "kind") + " " + str(b, "share")));
        assertEquals(List.of("NLD Netherlands country 100.0", "P88 ASML firm 100.0"), got);
    }

    @Test
    void countsOfTheRealDataset() {
        String q = """
            PREFIX ck: <https://w3id.org/chainkg/ontology#>
            SELECT (COUNT(DISTINCT ?i) AS ?items) (COUNT(DISTINCT ?s) AS ?stages) (COUNT(DISTINCT ?p) AS ?prov)
                   (COUNT(DISTINCT ?u) AS ?unknown) (COUNT(DISTINCT ?sp) AS ?stageRows)
            WHERE { { ?i a ck:ChainItem } UNION { ?s a ck:ChainStage } UNION { ?p a ck:Provision }
                    UNION { ?u ck:shareKnown false } UNION { ?sp ck:item ?st . ?st a ck:ChainStage } }
            """;
        Binding b = new QueryRunner(store.dataset(), 0).selectAll(org.apache.jena.query.QueryFactory.create(q), null).next();
        assertEquals("126", str(b, "items"));
        assertEquals("3", str(b, "stages"));
        assertEquals("1300", str(b, "prov"));
        assertEquals("246", str(b, "unknown"));
        assertEquals("21", str(b, "stageRows"));
    }
}
