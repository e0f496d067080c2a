package dev.swasd.cli;

import dev.swasd.server.DatabaseSeeds;
import dev.swasd.server.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swasd admin database create}: lightweight database instances, which swas-open has no
 * action to create (the control API's {@code POST /_swasd/seed/database} does the same).
 */
@Command(
        name = "database",
        mixinStandardHelpOptions = true,
        description = "Lightweight database instances of the account.",
        subcommands = {AdminDatabaseCommand.Create.class})
final class AdminDatabaseCommand extends AdminGroupingCommand {
    AdminDatabaseCommand() {
        super("create");
    }

    @Command(name = "create", description = "Create a Running database instance; prints its DatabaseInstanceId.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminStore store;

        /** Help only: {@code --version} is the MySQL version here, not swasd's. */
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Parameters(paramLabel = "NAME", description = "The instance's description: 2-256 characters.")
        String name;

        @Option(names = "--region", paramLabel = "R", description = "Region (default ${DEFAULT-VALUE}).")
        String region = ServerConfig.DEFAULT_REGION;

        @Option(names = "--edition", paramLabel = "E", description = "Edition (default Basic).")
        String edition;

        @Option(names = "--version", paramLabel = "V", description = "MySQL version: 5.7 or 8.0 (default 8.0).")
        String version;

        @Override
        public Integer call() {
            if (version != null && !DatabaseSeeds.VERSIONS.contains(version)) {
                return AdminStore.usage("--version must be 5.7 or 8.0, got '" + version + "'", "database create");
            }
            return AdminStore.run(store, "database create", () -> {
                var d = store.write(
                        s -> DatabaseSeeds.seed(s.tx(), s.accountId(), region, name, edition, version, s.now()));
                System.out.println("created database " + name + " in " + d.regionId() + "  DatabaseInstanceId="
                        + d.databaseInstanceId());
            });
        }
    }
}
