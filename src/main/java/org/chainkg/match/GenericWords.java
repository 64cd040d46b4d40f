package org.chainkg.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Words that say nothing about a technology in this domain ("currently", "production", "advanced", "tools", "chips"):
 * the resource {@code generic-words.txt} beside this class (one word per line, {@code #} comments), documented there.
 * Together with Lucene's English stop words they are removed from the matcher's text index, its queries and its
 * shared-terms explanations, so a match is never made or explained by them.
 */
public final class GenericWords {
    static final String RESOURCE = "generic-words.txt";
    private static final CharArraySet STOP_SET = buildStopSet();

    private GenericWords() {}

    /** The generic words, lower case, in file order. */
    public static List<String> words() {
        List<String> out = new ArrayList<>();
        try (InputStream in = GenericWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.replaceAll("#.*", "").strip().toLowerCase(java.util.Locale.ROOT);
                if (!w.isEmpty()) out.add(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Lucene's English stop words plus the generic words (read once, when the class loads). */
    static CharArraySet stopSet() {
        return STOP_SET;
    }

    private static CharArraySet buildStopSet() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(words());
        return CharArraySet.unmodifiableSet(set);
    }
}
