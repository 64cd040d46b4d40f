package org.chainkg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options every chainkg command takes, mixed into each one: {@code -h/--help}, {@code --debug} (read by the error
 * handler of {@link ChainkgCommand#commandLine()}) and {@code --quiet} (read by each command that writes progress).
 */
public final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--debug", description = "Print stack traces with errors.")
    boolean debug;

    @Option(names = "--quiet", description = "No progress or summary messages on stderr.")
    boolean quiet;

    /** The common options of the command that ran and of its parents; {@code --debug} anywhere counts. */
    static boolean debug(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand())
            for (Object mixin : pr.commandSpec().mixins().values().stream().map(CommandLine.Model.CommandSpec::userObject).toList())
                if (mixin instanceof CommonOptions c && c.debug) return true;
        return false;
    }

    /** The name of the (sub)command that ran, e.g. "query" or "eval matching". */
    static String commandName(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult pr = parseResult;
        while (pr.hasSubcommand()) pr = pr.subcommand();
        return pr.commandSpec().qualifiedName(" ").replaceFirst("^chainkg ", "");
    }
}
