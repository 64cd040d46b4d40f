package org.chainkg.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The weights and constants of matching: the defaults in {@code match-weights.properties} (on the classpath, where
 * each is documented), optionally overridden by a properties file of the user's.
 * <pre>
 * MatchWeights w = MatchWeights.load(Path.of("my-weights.properties"));   // or MatchWeights.defaults()
 * double text = w.get("weight.text");
 * </pre>
 */
public final class MatchWeights {
    public static final String RESOURCE = "match-weights.properties";
    private final Properties values;

    private MatchWeights(Properties values) {
        this.values = values;
    }

    public static MatchWeights defaults() {
        Properties p = new Properties();
        try (InputStream in = MatchWeights.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath");
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MatchWeights(p);
    }

    /** The defaults with the keys of {@code file} replacing theirs; a key the defaults do not have is an error. */
    public static MatchWeights load(Path file) {
        MatchWeights w = defaults();
        if (file == null) return w;
        Properties given = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            given.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weights file " + file + ": " + e.getMessage(), e);
        }
        for (String key : given.stringPropertyNames()) {
            if (!w.values.containsKey(key))
                throw new IllegalArgumentException(file + ": unknown key '" + key + "' (known: " + new TreeSet<>(w.values.stringPropertyNames()) + ")");
            w.number(key, given.getProperty(key), file.toString());
            w.values.setProperty(key, given.getProperty(key).trim());
        }
        return w;
    }

    /** A copy with one value replaced (used by the evaluation's text-only method). */
    public MatchWeights with(String key, double value) {
        Properties p = new Properties();
        p.putAll(values);
        p.setProperty(key, Double.toString(value));
        return new MatchWeights(p);
    }

    public double get(String key) {
        String v = values.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no matching setting '" + key + "'");
        return number(key, v, RESOURCE);
    }

    public int integer(String key) {
        return (int) Math.round(get(key));
    }

    private double number(String key, String v, String where) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + key + " = \"" + v + "\" is not a number (e.g. 0.5)");
        }
    }
}
