package org.chainkg.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chainkg} command and its subcommands. */
@Command(name = "chainkg", mixinStandardHelpOptions = true, version = "chainkg 0.1.0",
         description = "A knowledge graph linking research outputs to industrial chains.",
         subcommands = {LoadCommand.class, DeriveCommand.class, CompactCommand.class, QueryCommand.class, ValidateCommand.class, StatsCommand.class,
                        ExportCommand.class, ServeCommand.class, MatchCommand.class, EvalCommand.class,
                        GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ChainkgCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /** The configured command line: runtime errors print one message (a stack trace only with --debug) and exit 1. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ChainkgCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            boolean debug = parseResult.originalArgs().contains("--debug");
            err.println("chainkg: error: " + ErrorMessages.describe(ex));
            if (debug) ex.printStackTrace(err);
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }
}
