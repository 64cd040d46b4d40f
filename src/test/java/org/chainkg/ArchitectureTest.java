package org.chainkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package graph follows the data, sources → RDF → store → analytics/queries → pipeline → CLI/HTTP: no package refers
 * to one above it. Read from the sources (imports and fully qualified names in code, comments left out).
 */
class ArchitectureTest {
    /** Per package, the packages of org.chainkg it may use. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
        "rdf", Set.of(),
        "source", Set.of("rdf"),
        "store", Set.of("rdf", "source", "query"),   // query: StoppableSort, the sort the store registers
        "analytics", Set.of("rdf", "source", "store"),
        "query", Set.of("rdf", "store"),
        "pipeline", Set.of("rdf", "source", "store", "analytics"));

    static final Pattern REF = Pattern.compile("org\\.chainkg\\.(\\w+)");

    @Test
    void noPackageRefersToOneAboveIt() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String pkg : ALLOWED.keySet()) {
            Set<String> uses = new TreeSet<>();
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/chainkg", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                    Matcher m = REF.matcher(code);
                    while (m.find()) if (!m.group(1).equals(pkg)) uses.add(m.group(1));
                }
            }
            Set<String> wrong = new TreeSet<>(uses);
            wrong.removeAll(ALLOWED.get(pkg));
            if (!wrong.isEmpty()) found.put(pkg, wrong);
        }
        assertEquals(Map.of(), found, "packages that refer to packages above them");
    }
}
