package org.chainkg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real data chainkg ships with (data/ in the project, also packaged in the jar), each with its NOTICE: the
 * ETO/CSET semiconductor supply chain (releases 2022-09 and 2026-08), USGS world mineral production (MCS 2024), IEA
 * critical-minerals mining and refining (2024, with projections), NREL PV_ICE's solar silicon chain, chainkg's curated
 * links between these chains, chainkg's curated chain-to-CPC mapping and Chinese names, a CORDIS H2020
 * slice, real USPTO, EPO OPS, OpenAlex and ROR records, ROR's semiconductor organisations, and the semiconductor
 * patents of USPTO Patent Public Search and the PatentsView PatentSearch API. Found in ./data when run from a checkout, else
 * copied out of the jar.
 */
public final class BundledData {
    /** The bundled sources, in load order: folder under data/, format, release date (or null), text encoding. */
    private static final List<String[]> SOURCES = List.of(
        new String[] {"eto-chip-explorer-releases/2022-09", "eto", "2022-09", "x-MacRoman"},
        new String[] {"eto-chip-explorer", "eto", "2026-08"},
        new String[] {"mappings", "chain-mapping"},
        new String[] {"usgs-mcs/2024", "usgs-mcs", "2024"},
        new String[] {"iea-critical-minerals", "iea-minerals", "2024"},
        new String[] {"nrel-pv-ice", "pv-ice"},
        new String[] {"mappings/cross-chain.csv", "cross-chain"},
        new String[] {"cordis-h2020", "cordis"},
        new String[] {"samples/ror", "ror"},
        new String[] {"ror-semiconductor", "ror"},
        new String[] {"samples/openalex", "openalex"},
        new String[] {"samples/uspto-patentpublicdata", "uspto-xml"},
        new String[] {"samples/uspto-bulk-ipg", "uspto-xml"},
        new String[] {"samples/epo-ops", "epo-ops"},
        new String[] {"uspto-ppubs", "uspto-ppubs"},
        new String[] {"patentsview-api", "patentsview"});

    /**
     * One bundled source: its format, paths, release date (null for a dataset without releases) and the encoding of
     * its text files (the 2022 ETO release's inputs.csv is Mac OS Roman).
     */
    public record BundledSource(String format, List<Path> paths, String release, java.nio.charset.Charset encoding) {}

    /** The bundled sources, in load order. */
    public static List<BundledSource> all() {
        List<BundledSource> out = new ArrayList<>();
        for (String[] s : SOURCES)
            out.add(new BundledSource(s[1], List.of(folder(s[0])), s.length > 2 ? s[2] : null,
                                      java.nio.charset.Charset.forName(s.length > 3 ? s[3] : "UTF-8")));
        return out;
    }

    private static Path folder(String name) {
        Path local = Path.of("data").resolve(name);
        if (Files.exists(local)) return local;
        return unpacked().resolve(name);
    }

    private static Path unpacked;

    /** Copies data/ out of the jar once per run (the folder names stay the same, so graph names do too). */
    private static synchronized Path unpacked() {
        if (unpacked != null) return unpacked;
        try {
            Path root = Files.createTempDirectory("chainkg-bundled").resolve("data");
            Path inJar = org.chainkg.rdf.ClasspathFolder.list("data", "").get(0).getParent();
            try (Stream<Path> all = Files.walk(inJar)) {
                for (Path f : (Iterable<Path>) all::iterator) {
                    Path target = root.resolve(inJar.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(target);
                    else { Files.createDirectories(target.getParent()); Files.copy(f, target); }
                }
            }
            unpacked = root;
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled data: " + e.getMessage(), e);
        }
    }

    private BundledData() {}
}
