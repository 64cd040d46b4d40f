package org.chainkg.cli;

import java.util.Collection;

import picocli.CommandLine;

/** "Did you mean" for usage errors: the closest known name by edit distance, when it is close. */
final class Suggestions {
    /** " (did you mean 'x'?)" or "" (the closest name, from {@link org.chainkg.query.Suggestions}). */
    static String didYouMean(String given, Collection<String> known) {
        java.util.List<String> c = org.chainkg.query.Suggestions.closest(given, known, 1);
        return c.isEmpty() ? "" : " (did you mean '" + c.get(0) + "'?)";
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
