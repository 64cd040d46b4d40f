package org.chainkg.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …": the known values closest to a wrong one (Levenshtein distance, case-insensitive, from Commons Text). */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    /** Up to {@code max} known values within an edit distance of 2, or a third of the word's length up to 3; closest first. */
    public static List<String> closest(String wrong, Collection<String> known, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(2, w.length() / 3));
        return known.stream()
            .map(k -> new Object[] {k, DISTANCE.apply(w, k.toLowerCase(Locale.ROOT))})
            .filter(p -> (int) p[1] <= limit)
            .sorted(Comparator.<Object[]>comparingInt(p -> (int) p[1]).thenComparing(p -> (String) p[0]))
            .limit(max).map(p -> (String) p[0]).toList();
    }

    /** {@code " (did you mean A or B?)"}, or "" when nothing is close. */
    public static String didYouMean(String wrong, Collection<String> known) {
        List<String> c = closest(wrong, known, 3);
        return c.isEmpty() ? "" : " (did you mean '" + String.join("' or '", c) + "'?)";
    }

    private Suggestions() {}
}
