package org.chainkg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.chainkg.rdf.ClasspathFolder;

/**
 * The catalogue of named queries: every {@code queries/*.rq} packaged with chainkg (the project's top-level
 * {@code queries/} folder is copied into the jar).
 */
public final class NamedQueries {
    private static volatile Map<String, NamedQuery> catalogue;

    /** All named queries by name. */
    public static Map<String, NamedQuery> all() {
        if (catalogue == null) {
            synchronized (NamedQueries.class) {
                if (catalogue == null) catalogue = load();
            }
        }
        return catalogue;
    }

    public static NamedQuery get(String name) {
        NamedQuery q = all().get(name);
        if (q == null)
            throw new QueryParameterException("no named query '" + name + "' (known: " + String.join(", ", all().keySet()) + ")");
        return q;
    }

    private static Map<String, NamedQuery> load() {
        Map<String, NamedQuery> out = new TreeMap<>();
        for (Path f : ClasspathFolder.list("queries", ".rq")) {
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - 3);
            try {
                out.put(name, new NamedQuery(name, Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("queries/" + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private NamedQueries() {}
}
