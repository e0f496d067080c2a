package dev.swasd.cli;

import dev.swasd.errors.ApiException;
import dev.swasd.ramapi.RamDomain;
import dev.swasd.server.RamAdapters;
import dev.swasd.server.ServerConfig;
import dev.swasd.store.Database;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.PrivateFiles;
import dev.swasd.store.SecretCipher;
import dev.swasd.store.StoreException;
import dev.swasd.store.Tx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options every {@code swasd admin} command shares (same names and environment variables as
 * {@code swasd serve}), and the store they open: the database, the master key that encrypts new
 * secrets (the data directory's, or SWASD_MASTER_KEY, as the servers use) and the RAM domain.
 */
final class AdminStore {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:SWASD_DATA:-" + ServerConfig.DEFAULT_DATA + "}",
            description = "Data directory, as given to serve (SWASD_DATA; default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:SWASD_DB_URL}",
            description = "Database URL (SWASD_DB_URL); default: SQLite file swasd.db in the data directory.")
    String db;

    @Option(
            names = "--account-id",
            paramLabel = "UID",
            defaultValue = "${env:SWASD_ACCOUNT_ID:-" + ServerConfig.DEFAULT_ACCOUNT_ID + "}",
            description = "Account whose identities to manage (SWASD_ACCOUNT_ID; default ${DEFAULT-VALUE}).")
    String accountId;

    @Option(
            names = "--ram-limit",
            paramLabel = "NAME=VALUE",
            description = "A RAM limit, as given to serve (repeatable), e.g. users=5000.")
    List<String> ramLimitSettings = new ArrayList<>();

    /** A usage problem with the shared options, or null. */
    String problem() {
        if (!accountId.matches("[1-9][0-9]{15}")) {
            return "--account-id must be a 16-digit account UID, got '" + accountId + "'";
        }
        try {
            ServerConfig.ramLimits(ramLimitSettings);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Runs {@code work} in one transaction on the store and returns its result; the account is
     * created if this is a fresh database (bootstrapping before the first serve).
     */
    <T> T write(Function<Session, T> work) throws IOException {
        String unsafe = PrivateFiles.othersCanWrite(data);
        if (unsafe != null) {
            throw new StoreException(unsafe, null);
        }
        PrivateFiles.createDirectories(data);
        SecretCipher cipher = SecretCipher.fromEnvironmentOrFile(System.getenv("SWASD_MASTER_KEY"), data);
        String url = db != null ? db : "jdbc:sqlite:" + data.resolve("swasd.db").toAbsolutePath();
        try (Database database =
                Database.open(url, System.getenv("SWASD_DB_USER"), System.getenv("SWASD_DB_PASSWORD"))) {
            new IdentityRepository(database).ensureAccount(accountId, System.currentTimeMillis());
            RamDomain ram = RamDomain.create(
                    ServerConfig.ramLimits(ramLimitSettings),
                    cipher,
                    RamAdapters.documentCheck(),
                    RamAdapters.systemPolicies());
            return database.write(tx -> work.apply(new Session(tx, ram, accountId, System.currentTimeMillis())));
        }
    }

    /** One admin command's view of the store. */
    record Session(Tx tx, RamDomain ram, String accountId, long now) {}

    /**
     * Runs an admin command: 0 when done; 2 for bad usage (including a RAM parameter-format
     * error such as an invalid user name); 1 for anything else (the entity exists or not, a
     * limit, the database), always one line on stderr.
     */
    static int run(AdminStore store, String command, AdminAction action) {
        String problem = store.problem();
        if (problem != null) {
            return usage(problem, command);
        }
        try {
            action.run();
            return 0;
        } catch (ApiException e) {
            if (e.status() == 400) {
                return usage(e.code() + ": " + e.getMessage(), command);
            }
            System.err.println("swasd: " + e.code() + ": " + e.getMessage());
            return Main.EXIT_FAILURE;
        } catch (StoreException e) {
            System.err.println("swasd: " + oneLine(e.getMessage()));
            return Main.EXIT_FAILURE;
        } catch (IOException e) {
            System.err.println("swasd: " + oneLine(e.toString()));
            return Main.EXIT_FAILURE;
        }
    }

    static int usage(String problem, String command) {
        System.err.println("swasd: " + oneLine(problem) + " (try: swasd admin " + command + " --help)");
        return Main.EXIT_USAGE;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }

    /** The body of an admin command. */
    @FunctionalInterface
    interface AdminAction {
        void run() throws IOException;
    }
}
