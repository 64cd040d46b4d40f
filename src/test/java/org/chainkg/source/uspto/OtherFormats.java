package org.chainkg.source.uspto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sample files and folders of the other source formats, for accepts() tests: the real samples bundled under
 * {@code data/} (EPO OPS XML, OpenAlex and ROR JSON, CORDIS and ETO CSV) and the ETO test fixture. Every path
 * must exist: a missing one fails the test rather than shrinking it.
 */
public final class OtherFormats {
    private static final Path DATA = Path.of("data");

    public static List<Path> samples() {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("src/test/resources/fixtures/eto-mini"));
        for (String dir : List.of("samples/epo-ops", "samples/openalex", "samples/ror", "cordis-h2020", "eto-chip-explorer")) {
            Path d = DATA.resolve(dir);
            if (!Files.isDirectory(d)) throw new IllegalStateException(d + " is missing (the bundled real data)");
            paths.add(d);
            try (Stream<Path> files = Files.list(d)) {
                files.filter(f -> !f.getFileName().toString().equals("NOTICE.md")).sorted().forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths;
    }

    private OtherFormats() {}
}
