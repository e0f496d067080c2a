package dev.swasd.server;

import dev.swasd.TestDatabases;
import dev.swasd.protocol.RequestLimits;
import dev.swasd.ramapi.RamLimits;
import dev.swasd.swas.Quotas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;

/** A real swasd node on a free loopback port over a fresh data directory, for tests. */
public final class TestServer implements AutoCloseable {
    public static final String ACCOUNT_ID = "1234567890123456";
    public static final String ROOT_KEY_ID = "LTAITestRootKey0001";
    public static final String ROOT_SECRET = "TestRootSecret0001abcdefghij";

    private final Swasd swasd;
    private final Path dataDir;

    private TestServer(Swasd swasd, Path dataDir) {
        this.swasd = swasd;
        this.dataDir = dataDir;
    }

    public static TestServer start() {
        try {
            Path dir = Files.createTempDirectory("swasd-test");
            return start(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestServer start(Path dataDir, String dbUrl) {
        return start(dataDir, dbUrl, null);
    }

    public static TestServer start(Path dataDir, String dbUrl, Path regionsFile) {
        return start(dataDir, dbUrl, regionsFile, Duration.ZERO, Quotas.defaults());
    }

    /** With a state delay, transitions take time as against the cloud; zero makes them immediate. */
    public static TestServer start(Duration stateDelay, Quotas quotas) {
        try {
            return start(Files.createTempDirectory("swasd-test"), null, null, stateDelay, quotas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With another default region, the region of a request that names none. */
    public static TestServer startWithDefaultRegion(String defaultRegion) {
        try {
            Path dir = Files.createTempDirectory("swasd-test");
            return start(
                    ServerConfig.builder(dir)
                            .port(0)
                            .database(TestDatabases.fresh(dir, "swasd"), null, null)
                            .accountId(ACCOUNT_ID)
                            .rootKey(ROOT_KEY_ID, ROOT_SECRET)
                            .defaultRegion(defaultRegion)
                            .build(),
                    dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestServer start(ServerConfig config, Path dataDir) {
        try {
            return new TestServer(Swasd.start(config), dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    public static TestServer start(Path dataDir, String dbUrl, Path regionsFile, Duration stateDelay, Quotas quotas) {
        return start(dataDir, dbUrl, regionsFile, stateDelay, quotas, RamLimits.defaults());
    }

    /** With other RAM limits, e.g. to reach LimitExceeded.User over the wire. */
    public static TestServer start(RamLimits ramLimits) {
        try {
            return start(
                    Files.createTempDirectory("swasd-test"), null, null, Duration.ZERO, Quotas.defaults(), ramLimits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestServer start(
            Path dataDir, String dbUrl, Path regionsFile, Duration stateDelay, Quotas quotas, RamLimits ramLimits) {
        return start(
                dataDir, dbUrl, regionsFile, stateDelay, quotas, ramLimits, RequestLimits.DEFAULT, Clock.systemUTC());
    }

    /** With other request limits (a short idle timeout) and a clock of the test's (a nonce window passing). */
    public static TestServer start(Path dataDir, String dbUrl, RequestLimits limits, Clock clock) {
        return start(dataDir, dbUrl, null, Duration.ZERO, Quotas.defaults(), RamLimits.defaults(), limits, clock);
    }

    private static TestServer start(
            Path dataDir,
            String dbUrl,
            Path regionsFile,
            Duration stateDelay,
            Quotas quotas,
            RamLimits ramLimits,
            RequestLimits limits,
            Clock clock) {
        String url = dbUrl != null ? dbUrl : TestDatabases.fresh(dataDir, "swasd");
        ServerConfig config = ServerConfig.builder(dataDir)
                .port(0)
                .database(url, null, null)
                .accountId(ACCOUNT_ID)
                .rootKey(ROOT_KEY_ID, ROOT_SECRET)
                .regionsFile(regionsFile)
                .limits(limits)
                .clock(clock)
                .stateDelay(stateDelay)
                .quotas(quotas)
                .ramLimits(ramLimits)
                .build();
        try {
            return new TestServer(Swasd.start(config), dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    public SortedSet<String> implementedActions(String product) {
        return swasd.implementedActions(product);
    }

    public Optional<String> implementingModule(String product, String action) {
        return swasd.implementingModule(product, action);
    }

    /** A Running database instance of the test account; returns its DatabaseInstanceId. */
    public String seedDatabase(String regionId, String name, String version) {
        return swasd.seedDatabase(regionId, name, version).databaseInstanceId();
    }

    public int port() {
        return swasd.port();
    }

    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws Exception {
        swasd.close();
    }
}
