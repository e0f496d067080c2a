package dev.swasd.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code swasd admin ...}: operator tasks on a database, run beside or instead of a server. A new
 * task is a class with {@link DatabaseOptions} mixed in, named in {@code subcommands} below.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Operator tasks on a swasd database, no running server needed (the same --data and --db as "
                + "serve): backup and restore, RAM users, keys, policies and groups, database instances.",
        subcommands = {
            ExportCommand.class,
            ImportCommand.class,
            AdminUserCommand.class,
            AdminKeyCommand.class,
            AdminPolicyCommand.class,
            AdminGroupCommand.class,
            AdminDatabaseCommand.class
        })
final class AdminCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code swasd admin} alone is a usage error that names the subcommands. */
    @Override
    public Integer call() {
        System.err.println("swasd: admin needs a subcommand: "
                + String.join(", ", spec.subcommands().keySet()) + " (try: swasd admin --help)");
        return Main.EXIT_USAGE;
    }

    /** One line for a failure of an admin task, never a stack trace. */
    static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (e instanceof NoSuchFileException) {
            msg = "no such file: " + msg;
        } else if (e instanceof AccessDeniedException) {
            msg = "permission denied: " + msg;
        }
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
