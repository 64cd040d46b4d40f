package org.chainkg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.chainkg.Cli;
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
            assertTrue(s.dir().getFileName().toString().startsWith("synthetic-"), s.dir().toString());
            try (Stream<Path> files = Files.list(s.dir())) {
                for (Path f : files.toList()) {
                    String head = Files.readAllLines(f).get(0);
                    assertTrue(head.contains("data_notice") || head.contains("\"synthetic\":true"), f + ": " + head);
                }
            }
        }
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
