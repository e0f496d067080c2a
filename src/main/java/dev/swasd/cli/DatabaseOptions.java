package dev.swasd.cli;

import dev.swasd.server.ServerConfig;
import dev.swasd.store.Database;
import dev.swasd.store.PrivateFiles;
import dev.swasd.store.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which database and data directory an {@code admin} subcommand works on, read as {@code serve}
 * reads them (same flags, same environment). A picocli mixin: every admin subcommand has these.
 */
final class DatabaseOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:SWASD_DATA:-" + ServerConfig.DEFAULT_DATA + "}",
            description = "Data directory: SQLite database and master key (SWASD_DATA; default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:SWASD_DB_URL}",
            description = "Database URL (SWASD_DB_URL); default: SQLite file swasd.db in the data directory.")
    String db;

    String url() {
        return db != null
                ? db
                : "jdbc:sqlite:" + data.resolve("swasd.db").toAbsolutePath().normalize();
    }

    /** The URL for messages: no password. */
    String where() {
        return Database.redact(url());
    }

    /** The SQLite file behind the URL, or null for a server database. */
    Path sqliteFile() {
        String url = url();
        if (!url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        return Path.of(q < 0 ? file : file.substring(0, q));
    }

    /** Opens (and migrates) the database; {@code mustExist} refuses to make a new SQLite file. */
    Database open(boolean mustExist) throws IOException {
        String unsafe = PrivateFiles.othersCanWrite(data);
        if (unsafe != null) {
            throw new IOException(unsafe);
        }
        Path file = sqliteFile();
        if (file != null) {
            if (mustExist && !Files.exists(file)) {
                throw new IOException("no database at " + file);
            }
            if (file.toAbsolutePath().getParent() != null) {
                PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            }
        }
        return Database.open(url(), System.getenv("SWASD_DB_USER"), System.getenv("SWASD_DB_PASSWORD"));
    }

    /** The master key this node would use, if it has one (never made here). */
    Optional<SecretCipher> masterKey() throws IOException {
        return SecretCipher.existing(System.getenv("SWASD_MASTER_KEY"), data);
    }
}
