package org.chainkg.source.uspto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sample files and folders of the other source formats, for accepts() tests: the shared real samples
 * ({@code ../shared/data}, when present: EPO OPS XML, OpenAlex and ROR JSON, CORDIS and ETO CSV) and the ETO
 * test fixture.
 */
public final class OtherFormats {
    private static final Path SHARED = Path.of("../shared/data");

    public static List<Path> samples() {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("src/test/resources/fixtures/eto-mini"));
        paths.add(Path.of("data/eto-chip-explorer"));
        for (String dir : List.of("samples/epo-ops", "samples/openalex", "samples/ror", "cordis-h2020", "eto-chip-explorer")) {
            Path d = SHARED.resolve(dir);
            if (!Files.isDirectory(d)) continue;
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
