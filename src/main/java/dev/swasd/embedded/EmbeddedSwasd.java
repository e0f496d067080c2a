package dev.swasd.embedded;

import dev.swasd.server.ControlApi;
import dev.swasd.server.Faults;
import dev.swasd.server.ServerConfig;
import dev.swasd.server.StateClock;
import dev.swasd.server.Swasd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * swasd running inside this JVM, for tests (JUnit 5: dev.swasd.junit.SwasdExtension; TestNG,
 * Spring tests or a {@code main}: this class). It listens on 127.0.0.1 (a free port unless
 * {@link Builder#port} says otherwise) over a fresh temporary data directory (removed by
 * {@link #close}) unless {@link Builder#dataDirectory} names one, with its own generated root
 * AccessKey unless {@link Builder#rootAccessKey} gives one, and serves the control API
 * ({@link #controlEndpoint()}) besides the signed API.
 *
 * <pre>{@code
 * try (EmbeddedSwasd swasd = EmbeddedSwasd.builder().stateDelay(Duration.ZERO).start()) {
 *     Client client = new Client(new Config().setEndpoint(swasd.endpoint()).setProtocol("http")
 *             .setAccessKeyId(swasd.accessKeyId()).setAccessKeySecret(swasd.accessKeySecret()));
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe; its control methods act at once on the running server.
 */
public final class EmbeddedSwasd implements AutoCloseable {
    public static final String DEFAULT_REGION_ID = "cn-hangzhou";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Swasd server;
    private final ControlApi control;
    private final Path dataDirectory;
    private final boolean temporary;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String regionId;
    private volatile boolean closed;

    private EmbeddedSwasd(
            Swasd server,
            Path dataDirectory,
            boolean temporary,
            String accessKeyId,
            String accessKeySecret,
            String regionId) {
        this.server = server;
        this.control = server.control();
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.regionId = regionId;
    }

    /** A server with the defaults: state delay 0, the service's quotas and regions, a generated root key. */
    public static EmbeddedSwasd start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:PORT}, what the official clients take as their endpoint (with protocol {@code http}). */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT/_swasd/}: the control API, HTTP Basic with {@link #accessKeyId()} and {@link #accessKeySecret()}. */
    public String controlEndpoint() {
        return "http://" + endpoint() + ControlApi.PREFIX;
    }

    /** The root AccessKeyId of {@link #accountId()}. */
    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The region clients are configured with ({@value #DEFAULT_REGION_ID} unless the builder said otherwise). */
    public String regionId() {
        return regionId;
    }

    /** The 16-digit UID of the default account, whose root key this is. */
    public String accountId() {
        return server.accountId();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Removes every account's resources (servers, disks, snapshots, custom images, shares, tags,
     * ClientToken outcomes), clears the faults and puts the state clock back on the wall clock.
     * Accounts, AccessKeys and RAM users, groups and policies stay.
     */
    public void reset() {
        control.reset();
    }

    /** Injects {@code fault}; returns its id (for {@link #removeFault}). */
    public String addFault(Fault fault) {
        Faults.Rule rule = new Faults.Rule(
                null,
                fault.action(),
                fault.code(),
                fault.status(),
                fault.message() != null
                        ? fault.message()
                        : fault.code() == null ? null : "Injected fault " + fault.code() + " (swasd control API).",
                fault.times(),
                fault.probability(),
                fault.delayMs());
        return control.faults().add(rule).id();
    }

    /** The faults in force, each with the times it has left. */
    public List<Fault> faults() {
        List<Fault> out = new ArrayList<>();
        for (Faults.Rule r : control.faults().list()) {
            Fault f = r.code() == null
                    ? Fault.delay(actionOf(r), Duration.ofMillis(r.delayMs()))
                    : Fault.error(actionOf(r), r.code())
                            .status(r.status())
                            .message(r.message())
                            .delay(Duration.ofMillis(r.delayMs()));
            f = f.probability(r.probability());
            out.add(r.times() == null ? f : f.times(r.times()));
        }
        return out;
    }

    private static String actionOf(Faults.Rule r) {
        return r.action() == null ? "*" : r.action();
    }

    /** Removes one fault; false if it was gone already. */
    public boolean removeFault(String id) {
        return control.faults().remove(id) != null;
    }

    public void clearFaults() {
        control.faults().clear();
    }

    /**
     * Moves the state clock forward: transitions due within {@code by} land (an image Creating for
     * a state delay of 2 s is Available after {@code advanceClock(Duration.ofSeconds(2))}), and
     * times the service reports and expiries follow. Signatures keep to the wall clock.
     */
    public void advanceClock(Duration by) {
        control.advanceClock(by);
    }

    /** How far the state clock is ahead of the wall clock. */
    public Duration clockOffset() {
        return control.clock().offset();
    }

    /** A new account with a generated UID and root AccessKey (e.g. the other side of a sharing test). */
    public SeededAccount seedAccount() {
        return seedAccount(null, null, null);
    }

    /** The account {@code accountId} (made if missing) with this root AccessKey; null arguments are generated. */
    public SeededAccount seedAccount(String accountId, String accessKeyId, String accessKeySecret) {
        ControlApi.SeededAccount a = control.seedAccount(accountId, accessKeyId, accessKeySecret);
        return new SeededAccount(a.accountId(), a.accessKeyId(), a.accessKeySecret());
    }

    /**
     * Temporary credentials (with a SecurityToken) of the root identity of {@code accountId}
     * (null: the default account), or of its RAM user {@code userName}, valid for {@code duration}
     * of wall-clock time (at most 12 hours).
     */
    public StsCredentials seedStsCredentials(String accountId, String userName, Duration duration) {
        ControlApi.SeededStsCredentials s = control.seedStsCredentials(accountId, userName, duration);
        return new StsCredentials(
                s.accountId(), s.userName(), s.accessKeyId(), s.accessKeySecret(), s.securityToken(), s.expiration());
    }

    /** Stops the server (in-flight requests finish) and removes a temporary data directory. Idempotent. */

    /**
     * Replaces the seeded outcomes of Cloud Assistant command runs with the rules of this JSON
     * ({@code {"rules": [...]}}, docs/testing-with-swasd.md), as {@code POST /_swasd/seed/command-outcomes}
     * does: they take the place of the {@link Builder#commandOutcomes} rules until a reset or an empty
     * set; IllegalArgumentException if the JSON is not such rules.
     */
    public void seedCommandOutcomes(String json) {
        try {
            server.seedCommandOutcomes(
                    dev.swasd.protocol.ResponseRenderer.json().readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("command outcomes are not JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("swasd did not stop cleanly: " + e.getMessage(), e);
        } finally {
            if (temporary) {
                deleteTree(dataDirectory);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove swasd's data directory " + root, e);
        }
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }

    /**
     * The options of {@code swasd serve}, with the defaults tests want: state delay 0, a free
     * port, a temporary data directory, a generated root key. Reusable: each {@link #start} makes
     * a new server (and, unless {@link #dataDirectory} is set, a new data directory).
     */
    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private String accountId = ServerConfig.DEFAULT_ACCOUNT_ID;
        private String rootKeyId;
        private String rootKeySecret;
        private Path regionsFile;
        private String regionId = DEFAULT_REGION_ID;
        private Duration stateDelay = Duration.ZERO;
        private final List<String> quotas = new ArrayList<>();
        private final List<String> ramLimits = new ArrayList<>();
        private Duration ramRefresh = ServerConfig.DEFAULT_RAM_REFRESH;
        private int requestLogDays = ServerConfig.DEFAULT_REQUEST_LOG_DAYS;
        private com.fasterxml.jackson.databind.JsonNode commandOutcomes;

        private Builder() {}

        /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** A data directory of your own, created if missing and kept by {@link #close}; default: a temporary one, removed. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        /** {@code --db}: a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}); default SQLite in the data directory. */
        public Builder databaseUrl(String jdbcUrl, String user, String password) {
            this.databaseUrl = jdbcUrl;
            this.databaseUser = user;
            this.databasePassword = password;
            return this;
        }

        /** {@code --account-id}: the 16-digit UID of the default account (default {@value ServerConfig#DEFAULT_ACCOUNT_ID}). */
        public Builder accountId(String uid) {
            if (uid == null || !uid.matches("[1-9][0-9]{15}")) {
                throw new IllegalArgumentException("accountId must be a 16-digit account UID, got '" + uid + "'");
            }
            this.accountId = uid;
            return this;
        }

        /** {@code --root-access-key-id} and {@code --root-access-key-secret}; default: generated for each server. */
        public Builder rootAccessKey(String id, String secret) {
            if (id == null || !id.matches("[A-Za-z0-9._-]{4,64}")) {
                throw new IllegalArgumentException("the root AccessKeyId must be 4-64 of A-Z a-z 0-9 . _ -");
            }
            if (secret == null || secret.length() < 8 || secret.length() > 128) {
                throw new IllegalArgumentException("the root AccessKeySecret must be 8-128 characters");
            }
            this.rootKeyId = id;
            this.rootKeySecret = secret;
            return this;
        }

        /** {@code --regions}: a JSON file of the regions to offer (docs/catalogs.md). */
        public Builder regionsFile(Path file) {
            this.regionsFile = file;
            return this;
        }

        /**
         * What {@link EmbeddedSwasd#regionId()} answers, for client configuration, and the server's
         * {@code --default-region}: the region of a request that names none (default {@value #DEFAULT_REGION_ID}).
         */
        public Builder regionId(String id) {
            this.regionId = Objects.requireNonNull(id, "regionId");
            return this;
        }

        /** {@code --state-delay}: how long resources stay in transitional states; default 0 (every action lands at once). */
        public Builder stateDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the state delay must not be negative");
            }
            this.stateDelay = delay;
            return this;
        }

        /** {@code --quota}: {@code NAME=VALUE} (e.g. {@code custom-images-per-account=100}) or {@code unlimited}; repeatable. */
        public Builder quota(String setting) {
            ServerConfig.quotas(List.of(setting)); // fails here, not at start, on a bad one
            quotas.add(setting);
            return this;
        }

        /** {@code --ram-limit}: {@code NAME=VALUE}, e.g. {@code users=5}; repeatable. */
        public Builder ramLimit(String setting) {
            ServerConfig.ramLimits(List.of(setting));
            ramLimits.add(setting);
            return this;
        }

        /** {@code --ram-refresh} (default 1 s). */
        public Builder ramRefresh(Duration refresh) {
            this.ramRefresh = Objects.requireNonNull(refresh);
            return this;
        }

        /**
         * {@code --request-log-days}: how many days the request log keeps each call (default
         * {@value ServerConfig#DEFAULT_REQUEST_LOG_DAYS}); 0 turns it off.
         */
        public Builder requestLogDays(int days) {
            if (days < 0 || days > ServerConfig.MAX_REQUEST_LOG_DAYS) {
                throw new IllegalArgumentException(
                        "requestLogDays must be from 0 to " + ServerConfig.MAX_REQUEST_LOG_DAYS + ", got " + days);
            }
            this.requestLogDays = days;
            return this;
        }

        /**
         * {@code --command-outcomes}: the scripted outcomes of Cloud Assistant command runs, a JSON
         * file in the format of docs/testing-with-swasd.md (IllegalArgumentException here if it is
         * not); they hold from start, and a reset brings them back.
         */
        public Builder commandOutcomes(Path file) {
            this.commandOutcomes = dev.swasd.server.CommandOutcomeSeeds.read(file);
            return this;
        }

        /** Starts a server; IllegalStateException if it cannot (the cause says why). */
        public EmbeddedSwasd start() {
            boolean temporary = dataDirectory == null;
            Path dir = null;
            try {
                dir = temporary ? Files.createTempDirectory("swasd-embedded") : dataDirectory;
                String keyId = rootKeyId != null ? rootKeyId : "LTAI" + random(20);
                String secret = rootKeySecret != null ? rootKeySecret : random(30);
                ServerConfig config = ServerConfig.builder(dir)
                        .port(port)
                        .database(databaseUrl, databaseUser, databasePassword)
                        .accountId(accountId)
                        .rootKey(keyId, secret)
                        .regionsFile(regionsFile)
                        .clock(new StateClock(Clock.systemUTC()))
                        .stateDelay(stateDelay)
                        .quotas(ServerConfig.quotas(quotas))
                        .ramLimits(ServerConfig.ramLimits(ramLimits))
                        .ramRefresh(ramRefresh)
                        .defaultRegion(regionId)
                        .requestLogDays(requestLogDays)
                        .build();
                Swasd started = Swasd.start(config, true);
                if (commandOutcomes != null) {
                    started.configureCommandOutcomes(commandOutcomes);
                }
                return new EmbeddedSwasd(started, dir, temporary, keyId, secret, regionId);
            } catch (Exception e) {
                if (temporary && dir != null) {
                    try {
                        deleteTree(dir);
                    } catch (RuntimeException alsoFailed) {
                        e.addSuppressed(alsoFailed);
                    }
                }
                throw new IllegalStateException("swasd did not start: " + e.getMessage(), e);
            }
        }
    }
}
