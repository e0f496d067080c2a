package dev.swasd.server;

import dev.swasd.protocol.RequestLimits;
import dev.swasd.ramapi.RamLimits;
import dev.swasd.store.Database;
import dev.swasd.swas.Quotas;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@link Swasd} needs to start; the command line and environment fill it in.
 *
 * @param port          0 picks a free port (tests)
 * @param dbUrl         null means SQLite at {@code <dataDir>/swasd.db}
 * @param rootKeyId     with {@code rootKeySecret}: the account's root AccessKey; both null to keep or generate one
 * @param regionsFile   null for the built-in region list
 * @param masterKey     base64 AES key for secrets at rest; null to use {@code <dataDir>/master.key}
 * @param stateDelay    how long resources stay in transitional states; zero for immediate
 * @param durability    what an acknowledged write survives (docs/durability.md)
 * @param ramLimits     per-account limits of RAM users, groups, keys, policies and attachments
 * @param ramRefresh    how long a node trusts the RAM epoch it last read: the longest a RAM change
 *                      made through another node (or {@code swasd admin}) takes to govern this one
 * @param defaultRegion the region of a request that names none, where its Host names none either
 * @param requestLogDays how many days the request log keeps a call (docs/request-log.md); 0 turns the log off
 */
public record ServerConfig(
        String bind,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String accountId,
        String rootKeyId,
        String rootKeySecret,
        Path regionsFile,
        String masterKey,
        RequestLimits limits,
        Clock clock,
        Duration stateDelay,
        Quotas quotas,
        Database.Durability durability,
        RamLimits ramLimits,
        Duration ramRefresh,
        String defaultRegion,
        int requestLogDays) {

    public static final Duration DEFAULT_RAM_REFRESH = Duration.ofSeconds(1);
    public static final String DEFAULT_REGION = "cn-hangzhou";
    public static final int DEFAULT_REQUEST_LOG_DAYS = 7;
    /** The longest retention {@code --request-log-days} takes: ten years. */
    public static final int MAX_REQUEST_LOG_DAYS = 3650;

    public ServerConfig {
        if (requestLogDays < 0 || requestLogDays > MAX_REQUEST_LOG_DAYS) {
            throw new IllegalArgumentException(
                    "--request-log-days must be from 0 to " + MAX_REQUEST_LOG_DAYS + ", got " + requestLogDays);
        }
    }

    /** A configuration to fill in: every value not set is the default below (or null, where null means "none"). */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Fills in a {@link ServerConfig} by name. Defaults: {@value #DEFAULT_BIND}, port
     * {@value #DEFAULT_PORT}, SQLite under the data directory, account {@value #DEFAULT_ACCOUNT_ID}
     * with a kept or generated root key, the built-in regions, {@link RequestLimits#DEFAULT}, the
     * system clock, no state delay, default quotas, {@code normal} durability, default RAM limits,
     * {@link #DEFAULT_RAM_REFRESH}, region {@value #DEFAULT_REGION} and
     * {@value #DEFAULT_REQUEST_LOG_DAYS} days of request log.
     */
    public static final class Builder {
        private final Path dataDir;
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private String rootKeyId;
        private String rootKeySecret;
        private Path regionsFile;
        private String masterKey;
        private RequestLimits limits = RequestLimits.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Duration stateDelay = Duration.ZERO;
        private Quotas quotas = Quotas.defaults();
        private Database.Durability durability = Database.Durability.NORMAL;
        private RamLimits ramLimits = RamLimits.defaults();
        private Duration ramRefresh = DEFAULT_RAM_REFRESH;
        private String defaultRegion = DEFAULT_REGION;
        private int requestLogDays = DEFAULT_REQUEST_LOG_DAYS;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A JDBC URL with its user and password (null for SQLite under the data directory). */
        public Builder database(String url, String user, String password) {
            this.dbUrl = url;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The root AccessKey; both null to keep or generate one. */
        public Builder rootKey(String id, String secret) {
            this.rootKeyId = id;
            this.rootKeySecret = secret;
            return this;
        }

        public Builder regionsFile(Path regionsFile) {
            this.regionsFile = regionsFile;
            return this;
        }

        public Builder masterKey(String masterKey) {
            this.masterKey = masterKey;
            return this;
        }

        public Builder limits(RequestLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder stateDelay(Duration stateDelay) {
            this.stateDelay = stateDelay;
            return this;
        }

        public Builder quotas(Quotas quotas) {
            this.quotas = quotas;
            return this;
        }

        public Builder durability(Database.Durability durability) {
            this.durability = durability;
            return this;
        }

        public Builder ramLimits(RamLimits ramLimits) {
            this.ramLimits = ramLimits;
            return this;
        }

        public Builder ramRefresh(Duration ramRefresh) {
            this.ramRefresh = ramRefresh;
            return this;
        }

        public Builder defaultRegion(String defaultRegion) {
            this.defaultRegion = defaultRegion;
            return this;
        }

        public Builder requestLogDays(int requestLogDays) {
            this.requestLogDays = requestLogDays;
            return this;
        }

        /** The configuration; IllegalArgumentException for a value out of its range. */
        public ServerConfig build() {
            return new ServerConfig(
                    bind,
                    port,
                    dataDir,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    accountId,
                    rootKeyId,
                    rootKeySecret,
                    regionsFile,
                    masterKey,
                    limits,
                    clock,
                    stateDelay,
                    quotas,
                    durability,
                    ramLimits,
                    ramRefresh,
                    defaultRegion,
                    requestLogDays);
        }
    }

    /** RAM limits from {@code --ram-limit NAME=VALUE} settings over the defaults; IllegalArgumentException names a bad one. */
    public static RamLimits ramLimits(List<String> settings) {
        RamLimits limits = RamLimits.defaults();
        for (String s : settings) {
            limits = limits.with(s);
        }
        return limits;
    }

    /**
     * Quotas from {@code --quota} settings ({@code NAME=VALUE} or {@code unlimited}), applied in order
     * over the defaults; IllegalArgumentException names a bad setting.
     */
    public static Quotas quotas(List<String> settings) {
        Quotas quotas = Quotas.defaults();
        for (String s : settings) {
            quotas = quotas.with(s);
        }
        return quotas;
    }

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA = "./swasd-data";
    public static final String DEFAULT_ACCOUNT_ID = "1000000000000001";
    public static final Duration DEFAULT_STATE_DELAY = Duration.ofSeconds(2);

    public String effectiveDbUrl() {
        return dbUrl != null
                ? dbUrl
                : "jdbc:sqlite:" + dataDir.resolve("swasd.db").toAbsolutePath();
    }
}
