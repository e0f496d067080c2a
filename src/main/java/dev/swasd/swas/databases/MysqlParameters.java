package dev.swasd.swas.databases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MySQL parameters a lightweight database exposes (DescribeDatabaseInstanceParameters), per
 * version: real MySQL names, defaults as RDS sets them, the allowed range ({@code [min-max]}) or
 * values ({@code [A|B]}) as the service's {@code CheckingCode} writes them, and whether a change takes
 * effect only after a restart ({@code ForceRestart}).
 */
public final class MysqlParameters {
    /** One parameter; {@code versions} null when both 5.7 and 8.0 have it. */
    public record Parameter(
            String name,
            String defaultValue,
            String checkingCode,
            boolean forceRestart,
            String description,
            String only) {

        /** Whether {@code value} is allowed: an integer in the range, or one of the values (case-insensitive). */
        public boolean allows(String value) {
            if (value == null || value.isEmpty()) {
                return false;
            }
            String inner = checkingCode.substring(1, checkingCode.length() - 1);
            int dash = inner.indexOf('-', 1);
            if (!inner.contains("|") && dash > 0) {
                try {
                    long v = Long.parseLong(value);
                    return v >= Long.parseLong(inner.substring(0, dash))
                            && v <= Long.parseLong(inner.substring(dash + 1));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            for (String allowed : inner.split("\\|")) {
                if (allowed.equalsIgnoreCase(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Parameter> ALL = List.of(
            p("auto_increment_increment", "1", "[1-65535]", false, "Auto-increment columns are incremented by this"),
            p("auto_increment_offset", "1", "[1-65535]", false, "Offset added to auto-increment columns"),
            p("autocommit", "ON", "[ON|OFF]", false, "Whether statements are committed at once"),
            p("back_log", "3000", "[0-65535]", true, "Outstanding connection requests MySQL can have"),
            p(
                    "binlog_cache_size",
                    "2097152",
                    "[4096-16777216]",
                    false,
                    "Cache for binary log changes in a transaction"),
            p(
                    "character_set_server",
                    "utf8mb4",
                    "[utf8|latin1|gbk|utf8mb4]",
                    true,
                    "The server's default character set"),
            p("connect_timeout", "10", "[1-3600]", false, "Seconds the server waits for a connect packet"),
            p("default_time_zone", "SYSTEM", "[SYSTEM|+0:00|+8:00|-5:00]", true, "The server's time zone"),
            p("delayed_insert_timeout", "300", "[1-3600]", false, "Seconds an INSERT DELAYED handler waits"),
            p("explicit_defaults_for_timestamp", "ON", "[ON|OFF]", false, "Nonstandard TIMESTAMP defaults off"),
            p("group_concat_max_len", "1024", "[4-1844674407370954752]", false, "Maximum GROUP_CONCAT result length"),
            p("innodb_buffer_pool_size", "536870912", "[134217728-858993459]", true, "InnoDB buffer pool bytes"),
            p("innodb_flush_log_at_trx_commit", "1", "[0|1|2]", false, "When InnoDB flushes its log"),
            p("innodb_lock_wait_timeout", "50", "[1-1073741824]", false, "Seconds a transaction waits for a row lock"),
            p("innodb_log_file_size", "1048576000", "[4194304-4294967295]", true, "Bytes of each InnoDB redo log file"),
            p("interactive_timeout", "7200", "[10-86400]", false, "Seconds an interactive connection may idle"),
            p("lock_wait_timeout", "31536000", "[1-1073741824]", false, "Seconds to wait for a metadata lock"),
            p("long_query_time", "1", "[0-3600]", false, "Seconds after which a query counts as slow"),
            p("lower_case_table_names", "1", "[0|1]", true, "How table names are stored and compared"),
            p("max_allowed_packet", "1073741824", "[16384-1073741824]", false, "Largest packet or row in bytes"),
            p("max_connect_errors", "100", "[1-4294967295]", false, "Failed connects before a host is blocked"),
            p("max_connections", "500", "[1-3000]", false, "Simultaneous client connections"),
            p("max_length_for_sort_data", "1024", "[4-8388608]", false, "Row size limit for the sort algorithm"),
            p("net_read_timeout", "30", "[1-31536000]", false, "Seconds to wait for more data from a connection"),
            p("net_write_timeout", "60", "[1-31536000]", false, "Seconds to wait for a block to be written"),
            p("slow_query_log", "ON", "[ON|OFF]", false, "Whether slow queries are logged"),
            p(
                    "sql_mode",
                    "STRICT_TRANS_TABLES",
                    "[STRICT_TRANS_TABLES|ONLY_FULL_GROUP_BY|NO_ZERO_DATE|ANSI_QUOTES|TRADITIONAL]",
                    false,
                    "SQL modes"),
            p("table_open_cache", "2000", "[1-524288]", false, "Open tables for all threads"),
            p("thread_cache_size", "100", "[0-16384]", false, "Threads kept for reuse"),
            p("tmp_table_size", "2097152", "[262144-134217728]", false, "Largest internal in-memory temporary table"),
            p(
                    "transaction_isolation",
                    "READ-COMMITTED",
                    "[READ-UNCOMMITTED|READ-COMMITTED|REPEATABLE-READ|SERIALIZABLE]",
                    false,
                    "Default isolation level"),
            p("wait_timeout", "86400", "[1-31536000]", false, "Seconds a non-interactive connection may idle"),
            v("query_cache_type", "0", "[0|1|2]", true, "The query cache's mode", "5.7"),
            v("query_cache_size", "3145728", "[0-10485760]", true, "Memory for the query cache", "5.7"),
            v(
                    "default_authentication_plugin",
                    "mysql_native_password",
                    "[mysql_native_password|caching_sha2_password]",
                    true,
                    "Authentication plugin of new accounts",
                    "8.0"),
            v(
                    "binlog_expire_logs_seconds",
                    "0",
                    "[0-4294967295]",
                    false,
                    "Seconds before binary logs are purged",
                    "8.0"));

    private MysqlParameters() {}

    private static Parameter p(String name, String def, String check, boolean restart, String description) {
        return new Parameter(name, def, check, restart, description, null);
    }

    private static Parameter v(
            String name, String def, String check, boolean restart, String description, String only) {
        return new Parameter(name, def, check, restart, description, only);
    }

    /** The parameters of a version, by name, in the order above. */
    public static Map<String, Parameter> of(String version) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Parameter p : ALL) {
            if (p.only() == null || p.only().equals(version)) {
                out.put(p.name(), p);
            }
        }
        return out;
    }

    public static Optional<Parameter> find(String version, String name) {
        return Optional.ofNullable(of(version).get(name));
    }
}
