package org.chainkg.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chainkg} command and its subcommands. */
@Command(name = "chainkg", version = "chainkg 0.1.0",
         description = "A knowledge graph linking research outputs to industrial chains.",
         subcommands = {LoadCommand.class, DeriveCommand.class, CompactCommand.class, QueryCommand.class, ValidateCommand.class, StatsCommand.class,
                        ExportCommand.class, ServeCommand.class, MatchCommand.class, EvalCommand.class,
                        GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ChainkgCommand implements Runnable {
    @CommandLine.Mixin CommonOptions common;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /**
     * The configured command line: errors print one message (a stack trace only with --debug); runtime failures
     * exit 1, a missing store and a bad named-query parameter exit 2 (usage errors, as picocli's own).
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ChainkgCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            err.println("chainkg: error: " + ErrorMessages.describe(ex, CommonOptions.commandName(parseResult)));
            if (CommonOptions.debug(parseResult)) ex.printStackTrace(err);
            err.flush();
            return ErrorMessages.isUsageError(ex) ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }
}
