package org.chainkg.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar chainkg.jar}. Exit codes: 0 success, 1 runtime failure, 2 usage error. */
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (used by tests). */
    public static int run(String... args) {
        return ChainkgCommand.commandLine().execute(args);
    }

    private Main() {}
}
