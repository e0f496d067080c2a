package dev.swasd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code swasd ram}: tools for RAM policies. Only a container of subcommands. */
@Command(
        name = "ram",
        mixinStandardHelpOptions = true,
        description = "RAM policy tools.",
        subcommands = {RamSimulateCommand.class})
final class RamCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (simulate)");
    }
}
