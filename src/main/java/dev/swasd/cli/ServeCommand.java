package dev.swasd.cli;

import dev.swasd.server.ServerConfig;
import dev.swasd.server.StateClock;
import dev.swasd.server.Swasd;
import dev.swasd.store.Database;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code swasd serve}: runs the API server until SIGTERM or SIGINT. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the API server. Every option also reads an environment variable, named in its help.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "${env:SWASD_BIND:-" + ServerConfig.DEFAULT_BIND + "}",
            description = "Address to listen on (SWASD_BIND; default ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "${env:SWASD_PORT:-8080}",
            description = "TCP port (SWASD_PORT; default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:SWASD_DATA:-" + ServerConfig.DEFAULT_DATA + "}",
            description =
                    "Data directory: SQLite database, master key, root credentials (SWASD_DATA; default ${DEFAULT-VALUE}).")
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
            description = "16-digit UID of the default account (SWASD_ACCOUNT_ID; default ${DEFAULT-VALUE}).")
    String accountId;

    @Option(
            names = "--root-access-key-id",
            paramLabel = "ID",
            defaultValue = "${env:SWASD_ROOT_ACCESS_KEY_ID}",
            description = "Root AccessKeyId of the default account (SWASD_ROOT_ACCESS_KEY_ID).")
    String rootKeyId;

    @Option(
            names = "--root-access-key-secret",
            paramLabel = "SECRET",
            defaultValue = "${env:SWASD_ROOT_ACCESS_KEY_SECRET}",
            description = "Root AccessKeySecret (SWASD_ROOT_ACCESS_KEY_SECRET).")
    String rootKeySecret;

    @Option(
            names = "--regions",
            paramLabel = "FILE",
            defaultValue = "${env:SWASD_REGIONS}",
            description = "JSON file with the regions to offer (SWASD_REGIONS); default: the built-in list.")
    Path regions;

    @Option(
            names = "--default-region",
            paramLabel = "REGION",
            defaultValue = "${env:SWASD_DEFAULT_REGION:-cn-hangzhou}",
            description = "The region of a request that names none and whose Host (swas.<region>.aliyuncs.com) names "
                    + "none either (SWASD_DEFAULT_REGION; default ${DEFAULT-VALUE}).")
    String defaultRegion;

    @Option(
            names = "--state-delay",
            paramLabel = "DURATION",
            defaultValue = "${env:SWASD_STATE_DELAY:-2s}",
            description =
                    "How long resources stay in transitional states such as Pending or Creating, e.g. 2s, 500ms, 0s "
                            + "(SWASD_STATE_DELAY; default ${DEFAULT-VALUE}).")
    String stateDelay;

    @Option(
            names = "--durability",
            paramLabel = "LEVEL",
            defaultValue = "${env:SWASD_DURABILITY:-normal}",
            description = "normal: an acknowledged write survives a crash of swasd; strict: also power loss and OS "
                    + "crashes (an fsync per commit) (SWASD_DURABILITY; default ${DEFAULT-VALUE}).")
    String durability;

    @Option(
            names = "--quota",
            paramLabel = "NAME=VALUE",
            description = "Change a quota (repeatable), e.g. custom-images-per-account=100, or 'unlimited' for all. "
                    + "Names: instances-per-region, snapshots-per-instance, snapshots-per-server, snapshots-per-account, "
                    + "custom-images-per-server, custom-images-per-account, share-accounts-per-image.")
    List<String> quotaSettings = new ArrayList<>();

    @Option(
            names = "--ram-limit",
            paramLabel = "NAME=VALUE",
            description = "Change a RAM limit per account (repeatable), e.g. users=5000. Names: users, groups, "
                    + "groups-per-user, access-keys-per-user, policies, versions-per-policy, system-policies-per-user, "
                    + "custom-policies-per-user, system-policies-per-group, custom-policies-per-group.")
    List<String> ramLimitSettings = new ArrayList<>();

    @Option(
            names = "--ram-refresh",
            paramLabel = "DURATION",
            defaultValue = "${env:SWASD_RAM_REFRESH:-1s}",
            description = "The longest a RAM change made through another node or swasd admin takes to govern this "
                    + "node; it re-reads the account's RAM epoch this often at most (SWASD_RAM_REFRESH; default "
                    + "${DEFAULT-VALUE}).")
    String ramRefresh;

    @Option(
            names = "--request-log-days",
            paramLabel = "DAYS",
            defaultValue = "${env:SWASD_REQUEST_LOG_DAYS:-7}",
            description = "How many days the request log keeps each API call (ListRequestLogs, the console's "
                    + "request log); 0 turns the log off (SWASD_REQUEST_LOG_DAYS; default ${DEFAULT-VALUE}).")
    int requestLogDays;

    @Option(
            names = "--command-outcomes",
            paramLabel = "FILE",
            defaultValue = "${env:SWASD_COMMAND_OUTCOMES}",
            description = "Scripted outcomes of Cloud Assistant command runs: a JSON file of rules matching a "
                    + "command's content or name (docs/testing-with-swasd.md); unmatched runs succeed with exit "
                    + "code 0 and no output (SWASD_COMMAND_OUTCOMES).")
    Path commandOutcomes;

    @Option(
            names = "--control-api",
            defaultValue = "${env:SWASD_CONTROL_API:-false}",
            description =
                    "Serve the control API for tests under /_swasd/ (reset, faults, clock, seeding; HTTP Basic "
                            + "with the root AccessKey; docs/testing-with-swasd.md) (SWASD_CONTROL_API; default ${DEFAULT-VALUE}).")
    boolean controlApi;

    @Override
    public Integer call() throws Exception {
        String problem = checkArguments();
        if (problem != null) {
            System.err.println("swasd: " + problem + " (try: swasd serve --help)");
            return Main.EXIT_USAGE;
        }
        ServerConfig config;
        try {
            config = ServerConfig.builder(data)
                    .bind(bind)
                    .port(port)
                    .database(db, System.getenv("SWASD_DB_USER"), System.getenv("SWASD_DB_PASSWORD"))
                    .accountId(accountId)
                    .rootKey(rootKeyId, rootKeySecret)
                    .regionsFile(regions)
                    .masterKey(System.getenv("SWASD_MASTER_KEY"))
                    .clock(controlApi ? new StateClock(Clock.systemUTC()) : Clock.systemUTC())
                    .stateDelay(DurationText.parse(stateDelay))
                    .quotas(ServerConfig.quotas(quotaSettings))
                    .durability(Database.Durability.named(durability)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "--durability must be normal or strict, got '" + durability + "'")))
                    .ramLimits(ServerConfig.ramLimits(ramLimitSettings))
                    .ramRefresh(DurationText.parse(ramRefresh))
                    .defaultRegion(defaultRegion)
                    .requestLogDays(requestLogDays)
                    .build();
        } catch (IllegalArgumentException e) {
            System.err.println("swasd: " + e.getMessage() + " (try: swasd serve --help)");
            return Main.EXIT_USAGE;
        }
        com.fasterxml.jackson.databind.JsonNode outcomeRules = null;
        if (commandOutcomes != null) {
            try {
                outcomeRules = dev.swasd.server.CommandOutcomeSeeds.read(commandOutcomes);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                System.err.println("swasd: --command-outcomes: " + oneLine(e) + " (try: swasd serve --help)");
                return Main.EXIT_USAGE;
            }
        }
        Swasd server;
        try {
            server = Swasd.start(config, controlApi);
            if (outcomeRules != null) {
                server.configureCommandOutcomes(outcomeRules);
            }
        } catch (Exception e) {
            BindException bindFailure = causeOfType(e, BindException.class);
            if (bindFailure != null) {
                System.err.println("swasd: cannot listen on " + bind + ":" + port + ": " + bindFailure.getMessage());
            } else {
                System.err.println("swasd: cannot start: " + oneLine(e));
            }
            return Main.EXIT_FAILURE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        printBanner(server);
        stop.await();
        System.out.println("swasd: stopping (finishing in-flight requests)");
        server.close();
        System.out.println("swasd: stopped");
        return 0;
    }

    private String checkArguments() {
        if (!accountId.matches("[1-9][0-9]{15}")) {
            return "--account-id must be a 16-digit account UID, got '" + accountId + "'";
        }
        if (port < 0 || port > 65535) {
            return "--port must be 0-65535, got " + port;
        }
        if ((rootKeyId == null) != (rootKeySecret == null)) {
            return "--root-access-key-id and --root-access-key-secret go together";
        }
        if (rootKeyId != null && !rootKeyId.matches("[A-Za-z0-9._-]{4,64}")) {
            return "--root-access-key-id must be 4-64 of A-Z a-z 0-9 . _ -";
        }
        if (rootKeySecret != null && (rootKeySecret.length() < 8 || rootKeySecret.length() > 128)) {
            return "--root-access-key-secret must be 8-128 characters";
        }
        return null;
    }

    private void printBanner(Swasd server) {
        String endpoint = hostForClients() + ":" + server.port();
        System.out.println("swasd: listening on http://" + endpoint + "  account " + server.accountId() + "  data "
                + data.toAbsolutePath().normalize());
        if (server.generatedRootSecret() != null) {
            System.out.println("swasd: generated root AccessKey (shown once; also in "
                    + data.resolve("root-credentials.json") + "):");
            System.out.println(
                    "  AccessKeyId=" + server.rootAccessKeyId() + "  AccessKeySecret=" + server.generatedRootSecret());
        }
        if (controlApi) {
            System.out.println(
                    "swasd: control API on http://" + endpoint + "/_swasd/ (HTTP Basic with the root AccessKey)");
        }
        System.out.println("swasd: console on http://" + endpoint + "/console/ (sign in with an AccessKey)");
        System.out.println("swasd: SDK config: endpoint=\"" + endpoint + "\" protocol=\"http\" regionId=\"cn-hangzhou\""
                + " accessKeyId=\"" + server.rootAccessKeyId() + "\"");
        System.out.flush();
    }

    private String hostForClients() {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
