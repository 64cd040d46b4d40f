package org.chainkg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.chainkg.Cli;
import org.chainkg.analytics.TechnologyReach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator: deterministic for a seed, labelled synthetic everywhere, in files the real readers accept. */
class SyntheticDataTest {
    @TempDir Path tmp;

    @Test
    void sameSeedSameFilesOtherSeedOtherFiles() throws Exception {
        assertEquals(0, Cli.run("generate", "--scale", "0.01", "--seed", "7", "--quiet", tmp.resolve("a").toString()).exit());
        assertEquals(0, Cli.run("generate", "--scale", "0.01", "--seed", "7", "--quiet", tmp.resolve("b").toString()).exit());
        assertEquals(0, Cli.run("generate", "--scale", "0.01", "--seed", "8", "--quiet", tmp.resolve("c").toString()).exit());
        Map<String, String> a = digests(tmp.resolve("a")), b = digests(tmp.resolve("b")), c = digests(tmp.resolve("c"));
        assertTrue(a.size() >= 12, a.keySet().toString());
        assertEquals(a, b);
        assertNotEquals(a.get("synthetic-patentsview/g_patent.tsv"), c.get("synthetic-patentsview/g_patent.tsv"));
    }

    @Test
    void everyFileSaysSynthetic() throws Exception {
        SyntheticData.Manifest m = SyntheticData.generate(0.01, 42, tmp);
        assertTrue(Files.readString(tmp.resolve("NOTICE.md")).startsWith("# SYNTHETIC DATA"));
        for (SyntheticData.Source s : m.sources()) {
            // a release folder (2024-01) lies in its dataset's folder (synthetic-eto-chain-01-releases)
            Path named = s.dir().getFileName().toString().matches("\\d{4}-\\d{2}") ? s.dir().getParent() : s.dir();
            assertTrue(named.getFileName().toString().startsWith("synthetic-"), s.dir().toString());
            try (Stream<Path> files = Files.list(s.dir())) {
                for (Path f : files.toList()) {
                    String head = Files.readAllLines(f).get(0);
                    assertTrue(head.contains("data_notice") || head.contains("\"synthetic\":true"), f + ": " + head);
                }
            }
        }
    }

    /**
     * The built-in technology islands: at least one for CHN in every chain; the island's country holds no share of
     * 5 % or more of the item and none of its firms provides it; the item is mapped only to a CPC group of its own;
     * every island country has research organisations. (That they answer the islands queries is checked end to end
     * by BenchmarkSmokeTest.)
     */
    @Test
    void everyChainHasIslandsForChina() {
        for (double scale : new double[] {0.01, 0.1})
            for (long seed : new long[] {1, 7, 42}) {
                World world = new World(scale, seed);
                for (String a3 : World.ISLAND_COUNTRIES)
                    assertTrue(world.labs.stream().filter(l -> l.country().alpha3().equals(a3)).count() >= World.MIN_ISLAND_LABS, a3);
                for (ChainModel chain : world.chains) {
                    String where = "scale " + scale + " seed " + seed + " " + chain.dataset;
                    assertTrue(chain.islands.size() >= 3, where);
                    assertTrue(chain.islands.containsValue(World.country("CHN")), where);
                    for (Map.Entry<String, World.Country> e : chain.islands.entrySet()) {
                        ChainModel.Item item = chain.item(e.getKey());
                        String country = e.getValue().alpha3();
                        assertEquals(1, item.cpc().size(), where + " " + item);
                        for (ChainModel.Item other : chain.items)
                            if (!other.id().equals(item.id())) assertTrue(!other.cpc().contains(item.cpc().get(0)), where + " " + other);
                        for (ChainModel.Provision p : chain.provisions) {
                            if (!p.itemId().equals(item.id())) continue;
                            ChainModel.Provider provider = chain.providers.values().stream().filter(v -> v.id().equals(p.providerId())).findFirst().orElseThrow();
                            assertTrue(!provider.country().equals(country), where + ": a firm of " + country + " provides " + item);
                            if (provider.name().equals(country))
                                assertTrue(!p.share().isEmpty() && Double.parseDouble(p.share()) < 5, where + ": " + country + " holds " + item + ": " + p);
                        }
                    }
                }
            }
    }

    /**
     * The emerging technologies' CPC groups are neither the same as, nor under, nor over any other group the
     * generator writes, and their modifiers' words (as the text linker's analyzer sees them) occur in no other
     * vocabulary the texts are made of: so only outputs about an island item bear on it.
     */
    @Test
    void islandTechnologiesShareNoGroupOrWord() throws IOException {
        List<String> groups = new ArrayList<>(Domain.NOISE_CPC);
        Set<String> words = new HashSet<>();
        try (EnglishAnalyzer analyzer = new EnglishAnalyzer()) {
            for (Domain d : Domain.ALL) {
                groups.addAll(d.cpc());
                for (String w : d.stages()) words.addAll(stems(analyzer, w));
                for (String w : d.cores()) words.addAll(stems(analyzer, w));
                for (String w : d.modifiers()) words.addAll(stems(analyzer, w));
                words.addAll(stems(analyzer, d.name()));
            }
            for (String w : List.of("tools equipment systems materials precursors chemicals processing manufacturing",
                                    "design software process kits products modules devices", "Synthetic text generated by chainkg for benchmarks"))
                words.addAll(stems(analyzer, w));
            Set<String> islandWords = new HashSet<>();
            for (Domain d : Domain.ALL)
                for (Domain.Emerging e : d.emerging()) {
                    for (String g : groups)
                        assertTrue(!g.equals(e.cpc()) && !TechnologyReach.under(g, e.cpc()) && !TechnologyReach.under(e.cpc(), g), e + " and " + g);
                    groups.add(e.cpc());
                    for (String w : stems(analyzer, e.modifier())) {
                        assertTrue(!words.contains(w), e + ": " + w);
                        assertTrue(islandWords.add(w), e + ": " + w + " twice");
                    }
                }
        }
    }

    private static List<String> stems(EnglishAnalyzer analyzer, String text) {
        return org.chainkg.store.Lucene.tokens(analyzer, text);
    }

    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
