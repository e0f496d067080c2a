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

    /** With the default request-log retention, {@value #DEFAULT_REQUEST_LOG_DAYS} days. */
    public ServerConfig(
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
            String defaultRegion) {
        this(
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
                DEFAULT_REQUEST_LOG_DAYS);
    }

    /** With the default region, {@value #DEFAULT_REGION}. */
    public ServerConfig(
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
            Duration ramRefresh) {
        this(
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
                DEFAULT_REGION);
    }

    /** With the default durability ({@code normal}), RAM limits and refresh. */
    public ServerConfig(
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
            Quotas quotas) {
        this(
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
                Database.Durability.NORMAL);
    }

    /** With the default RAM limits and refresh. */
    public ServerConfig(
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
            Database.Durability durability) {
        this(
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
                RamLimits.defaults(),
                DEFAULT_RAM_REFRESH);
    }

    /** With the default durability, {@code normal}. */
    public ServerConfig(
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
            RamLimits ramLimits,
            Duration ramRefresh) {
        this(
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
                Database.Durability.NORMAL,
                ramLimits,
                ramRefresh);
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
