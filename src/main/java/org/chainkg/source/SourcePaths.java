package org.chainkg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.chainkg.rdf.Iris;

/** What readers need from the paths given to {@code load}: named files of a source, and the dataset key. */
public final class SourcePaths {

    /** Files to read: the given files, and the files of given folders (by name) except notes (*.md, *.txt) and hidden files. */
    public static java.util.List<Path> dataFiles(java.util.List<Path> paths) {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (Path p : paths) {
            if (java.nio.file.Files.isDirectory(p)) {
                try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(p)) {
                    list.filter(java.nio.file.Files::isRegularFile).filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return !n.startsWith(".") && !n.endsWith(".md") && !n.endsWith(".txt");
                    }).sorted().forEach(files::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (java.nio.file.Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * The files with these names, from the given folders or among the given files, in the order of {@code names};
     * names not found are absent from the map.
     */
    public static Map<String, Path> named(List<Path> paths, List<String> names) {
        Map<String, Path> found = new HashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (String n : names)
                    if (Files.isRegularFile(p.resolve(n))) found.put(n, p.resolve(n));
            } else if (p.getFileName() != null && names.contains(p.getFileName().toString())) {
                found.put(p.getFileName().toString(), p);
            }
        }
        Map<String, Path> ordered = new LinkedHashMap<>();
        for (String n : names)
            if (found.containsKey(n)) ordered.put(n, found.get(n));
        return ordered;
    }

    /**
     * Refuses a given folder that holds no file of the format ({@link SourceDataException#noFile}); a reader calls
     * this before reading, so that a folder of the wrong kind is reported as such and not by an error about one of
     * its unrelated files (an image that is "not UTF-8").
     * @param ofFormat true for a file name (in lower case) of the format
     * @param expected the files expected, for the message, e.g. "*.json, *.jsonl or *.ndjson files"
     */
    public static void requireFiles(List<Path> paths, String format, Predicate<String> ofFormat, String expected) {
        for (Path p : paths) {
            if (!Files.isDirectory(p)) continue;
            try (Stream<Path> list = Files.list(p)) {
                if (list.noneMatch(f -> Files.isRegularFile(f)
                                        && ofFormat.test(f.getFileName().toString().toLowerCase(Locale.ROOT))))
                    throw SourceDataException.noFile(format, p, expected);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
            }
        }
    }

    /** True when every given path is a folder or one of the named files. */
    public static boolean onlyNamed(List<Path> paths, List<String> names) {
        return paths.stream().allMatch(p -> Files.isDirectory(p)
            || p.getFileName() != null && names.contains(p.getFileName().toString()));
    }

    /**
     * The slug of the folder the (first) path is or lies in; {@code fallback} at the file-system root. A folder named
     * as a release date (YYYY, YYYY-MM or YYYY-MM-DD, see {@link #releaseOf}) holds a release of the dataset named
     * by its parent folder, less a "-releases" suffix: {@code eto-chip-explorer-releases/2022-09} and
     * {@code eto-chip-explorer} are the same dataset, and {@code usgs-mcs/2024} is dataset usgs-mcs.
     */
    public static String folderKey(List<Path> paths, String fallback) {
        Path dir = folder(paths);
        if (dir == null || dir.getFileName() == null) return fallback;
        String name = dir.getFileName().toString();
        if (RELEASE_FOLDER.matcher(name).matches() && dir.getParent() != null && dir.getParent().getFileName() != null)
            return Iris.slug(dir.getParent().getFileName().toString().replaceFirst("-releases$", ""));
        return Iris.slug(name);
    }

    private static final java.util.regex.Pattern RELEASE_FOLDER = java.util.regex.Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** The release date a folder's name gives (see {@link #folderKey}), if it is one. */
    public static java.util.Optional<String> releaseOf(List<Path> paths) {
        Path dir = folder(paths);
        if (dir == null || dir.getFileName() == null) return java.util.Optional.empty();
        String name = dir.getFileName().toString();
        return RELEASE_FOLDER.matcher(name).matches() ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    private static Path folder(List<Path> paths) {
        Path first = paths.get(0).toAbsolutePath().normalize();
        return Files.isDirectory(first) ? first : first.getParent();
    }

    /** For one file, the slug of its name without extension (and ".gz"); otherwise {@link #folderKey}. */
    public static String key(List<Path> paths, String fallback) {
        Path first = paths.get(0).toAbsolutePath().normalize();
        if (paths.size() == 1 && Files.isRegularFile(first)) {
            String name = first.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
            int dot = name.lastIndexOf('.');
            return Iris.slug(dot > 0 ? name.substring(0, dot) : name);
        }
        return folderKey(paths, fallback);
    }

    private SourcePaths() {}
}
