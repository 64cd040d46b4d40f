package org.chainkg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chainkg.rdf.ClasspathFolder;

/**
 * The real data chainkg ships with (data/ in the project, also packaged in the jar): the ETO/CSET
 * semiconductor supply chain. Found in ./data when run from a checkout, else copied out of the jar.
 */
public final class BundledData {
    public static final String ETO = "data/eto-chip-explorer";

    /** The folder holding the bundled ETO dataset. */
    public static Path etoChipExplorer() {
        Path local = Path.of(ETO);
        if (Files.isRegularFile(local.resolve("provision.csv")))
            return local;
        try {
            Path dir = Files.createTempDirectory("chainkg-bundled").resolve("eto-chip-explorer");
            Files.createDirectories(dir);
            for (Path f : ClasspathFolder.list(ETO, "")) {
                Path target = dir.resolve(f.getFileName().toString());
                Files.copy(f, target);
                target.toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled data: " + e.getMessage(), e);
        }
    }

    /** The bundled sources as (format, paths) pairs, in load order. */
    public static List<BundledSource> all() {
        return List.of(new BundledSource("eto", List.of(etoChipExplorer())));
    }

    public record BundledSource(String format, List<Path> paths) {}

    private BundledData() {}
}
