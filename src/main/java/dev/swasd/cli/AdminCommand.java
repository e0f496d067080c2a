package dev.swasd.cli;

import picocli.CommandLine.Command;

/**
 * {@code swasd admin}: offline administration straight on a data directory or database, for
 * bootstrapping without the API. Only a container of subcommands.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Offline administration on a data directory or database (no running server needed).",
        subcommands = {AdminUserCommand.class, AdminKeyCommand.class, AdminPolicyCommand.class,
            AdminGroupCommand.class})
final class AdminCommand extends AdminGroupingCommand {
    AdminCommand() {
        super("user, key, policy, group");
    }
}
