package dev.swasd.cli;

import dev.swasd.cli.bench.Bench;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swasd bench}: throughput and latency of the real pipeline against a bare endpoint. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure swasd: starts a server on a fresh data directory (or targets --endpoint), seeds custom "
                    + "images and drives it with V3-signed requests, each with its own nonce.",
            "Scenarios: ListCustomImages (page of 10), CreateCustomImage + DeleteCustomImages cycle, "
                    + "DeleteCustomImages of 15 ids, and the bare /healthz endpoint of the same HTTP server.",
            "The last line of stdout is one JSON object with every figure."
        })
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "10", description = "Seconds per scenario (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--images",
            defaultValue = "1000",
            description = "Custom images to seed (default ${DEFAULT-VALUE}).")
    int images;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "Database of the spawned server (default: SQLite in " + "a fresh data directory).")
    String db;

    @Option(
            names = "--connections",
            defaultValue = "32",
            description = "Concurrent keep-alive connections (default " + "${DEFAULT-VALUE}).")
    int connections;

    @Option(
            names = "--endpoint",
            paramLabel = "HOST:PORT",
            description = "Measure a running server instead (it must run "
                    + "with --quota unlimited --state-delay 0s); give its root key with the two options below.")
    String endpoint;

    @Option(names = "--access-key-id", description = "With --endpoint: a root AccessKeyId of that server.")
    String keyId;

    @Option(names = "--access-key-secret", description = "With --endpoint: its secret.")
    String secret;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where the spawned server keeps its data (default: "
                    + "a new temporary directory, removed afterwards).")
    Path workDir;

    @Option(
            names = "--scenarios",
            split = ",",
            paramLabel = "NAME",
            defaultValue = "list,cycle,delete15",
            converter = ScenarioConverter.class,
            description = "Which API scenarios to run, comma-separated: list, "
                    + "cycle, delete15 (default: all). The bare endpoint always runs: it is every ratio's denominator.")
    List<Bench.Scenario> scenarios;

    /** Accepts the scenario names as README writes them (lower case). */
    static final class ScenarioConverter implements CommandLine.ITypeConverter<Bench.Scenario> {
        @Override
        public Bench.Scenario convert(String value) {
            try {
                return Bench.Scenario.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not one of list, cycle, delete15");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || images < 10 || connections < 1 || connections > 1024) {
            System.err.println(
                    "swasd: --seconds must be ≥ 1, --images ≥ 10, --connections 1-1024 (try: swasd bench --help)");
            return Main.EXIT_USAGE;
        }
        if (endpoint != null && (keyId == null || secret == null)) {
            System.err.println(
                    "swasd: --endpoint needs --access-key-id and --access-key-secret (try: swasd bench --help)");
            return Main.EXIT_USAGE;
        }
        return new Bench(
                        seconds,
                        images,
                        db,
                        connections,
                        endpoint,
                        keyId,
                        secret,
                        workDir,
                        Set.copyOf(scenarios),
                        System.out)
                .run();
    }
}
