package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chainkg.TestData;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.source.eto.EtoChainReader;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code chain} parameter: item ids repeat across chains (every ETO-format dataset numbers its items N1, N2 ...),
 * so the per-item and per-country queries answer for one chain when asked. Two chains are loaded: eto-mini and a
 * copy of it under another dataset name.
 */
class ChainParameterTest {
    static final String A = "https://w3id.org/chainkg/id/eto/eto-mini/chain";
    static final String B = "https://w3id.org/chainkg/id/eto/eto-mini-copy/chain";

    @Test
    void chainQueriesAnswerForTheChainAsked(@TempDir Path dir) throws Exception {
        try (ChainStore store = TestData.storeWith(dir.resolve("db"), TestData.ETO_MINI)) {
            Path copy = TestData.copy(TestData.ETO_MINI, dir.resolve("eto-mini-copy"));
            new SourceLoader(store.dataset()).load(new EtoChainReader(), List.of(copy), null);
            org.chainkg.pipeline.Pipeline.embedded(store.dataset()).derive();
            for (String name : List.of("chokepoints", "broken-segments", "country-profile", "chokepoint-capacity", "providers-of")) {
                Map<String, String> params = new HashMap<>();
                if (name.equals("providers-of")) params.put("item", "N4");
                if (!name.equals("providers-of")) params.put("country", "JPN");
                List<String> all = rows(store, name, params, "*");
                List<String> inA = rows(store, name, params, A);
                List<String> inB = rows(store, name, params, B);
                assertFalse(inA.isEmpty(), name + " has no rows in chain A");
                assertEquals(sorted(inA), sorted(inB), name + ": the copied chain answers alike");
                List<String> twice = new ArrayList<>(inA);
                twice.addAll(inB);
                assertEquals(sorted(twice), sorted(all), name + ": every chain is each chain's rows together");
                assertTrue(rows(store, name, params, "https://example.org/no-such-chain").isEmpty(), name);
            }
        }
    }

    @Test
    void researchQueriesAnswerForTheChainAsked(@TempDir Path dir) throws Exception {
        try (ChainStore store = TestData.researchMini(dir.resolve("db"))) {
            for (String name : List.of("outputs-for-item", "research-capacity")) {
                Map<String, String> params = NamedQueryGoldenTest.params(NamedQueryGoldenTest.GOLDEN.resolve(name + ".params"));
                List<String> golden = NamedQueryGoldenTest.lines(Files.readString(NamedQueryGoldenTest.GOLDEN.resolve(name + ".csv")));
                assertEquals(golden.subList(1, golden.size()), rows(store, name, params, A), name);
                assertTrue(rows(store, name, params, B).isEmpty(), name + " in a chain that is not loaded");
            }
        }
    }

    private static List<String> rows(ChainStore store, String name, Map<String, String> params, String chain) {
        NamedQuery q = NamedQueries.get(name);
        Map<String, String> p = new HashMap<>(params);
        p.put("chain", chain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QueryRunner(store.dataset(), 60_000).select(q.query(), q.bind(p), rs -> ResultFormat.CSV.write(rs, out));
        List<String> lines = NamedQueryGoldenTest.lines(out.toString(StandardCharsets.UTF_8));
        return lines.subList(1, lines.size());
    }

    private static List<String> sorted(List<String> rows) {
        List<String> s = new ArrayList<>(rows);
        Collections.sort(s);
        return s;
    }
}
