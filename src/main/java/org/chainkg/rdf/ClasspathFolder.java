package org.chainkg.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists the files of a folder packaged on the classpath (ontology/, queries/, data/), whether it is a
 * directory during development or an entry in the chainkg jar.
 */
public final class ClasspathFolder {

    /** The files of a classpath folder whose names end with {@code suffix}, sorted by name. */
    public static List<Path> list(String folder, String suffix) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(folder);
        if (url == null)
            throw new IllegalStateException("no " + folder + "/ folder on the classpath");
        try {
            Path dir = toPath(url.toURI(), folder);
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                            .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path toPath(URI uri, String folder) throws IOException {
        if (!uri.getScheme().equals("jar"))
            return Path.of(uri);
        FileSystem fs;
        try {
            fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return fs.getPath("/" + folder);
    }

    private ClasspathFolder() {}
}
