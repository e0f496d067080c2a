package dev.swasd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only holds subcommands: run alone, it is a usage error naming them. */
abstract class AdminGroupingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final String subcommands;

    AdminGroupingCommand(String subcommands) {
        this.subcommands = subcommands;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (" + subcommands + ")");
    }
}
