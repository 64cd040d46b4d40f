package org.chainkg.cli;

import java.util.Collection;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

import picocli.CommandLine;

/** "Did you mean" for usage errors: the closest known name by edit distance, when it is close. */
final class Suggestions {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    /** The known name closest to {@code given} (an edit distance of 2, or a third of its length up to 3), or null. */
    static String closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = DISTANCE.apply(g, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.min(3, Math.max(2, given.length() / 3)) ? best : null;
    }

    /** " (did you mean 'x'?)" or "". */
    static String didYouMean(String given, Collection<String> known) {
        String c = closest(given, known);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** {@code value} when it is one of {@code allowed}; else a usage error naming them, with a "did you mean". */
    static String choose(CommandLine.Model.CommandSpec spec, String option, String value, Collection<String> allowed) {
        for (String a : allowed)
            if (a.equalsIgnoreCase(value)) return a;
        throw new CommandLine.ParameterException(spec.commandLine(), option + " must be " + String.join(", ", allowed)
            + ", not '" + value + "'" + didYouMean(value, allowed));
    }

    private Suggestions() {}
}
