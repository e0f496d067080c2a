package dev.swasd.cli;

import dev.swasd.store.Backup;
import dev.swasd.store.Database;
import dev.swasd.store.SecretCipher;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swasd admin export FILE}: the whole state as one JSON document (docs/operations.md). */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the whole state (every table but the nonces) to FILE as one JSON document; '-' writes "
                + "to standard output. Secrets stay encrypted with the master key, which must travel with the file.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the export ('-' for standard output).")
    String file;

    @Mixin
    DatabaseOptions store;

    @Override
    public Integer call() {
        boolean toStdout = "-".equals(file);
        // with the document on stdout, everything said to people goes to stderr
        PrintStream say = toStdout ? System.err : System.out;
        try {
            String keyId = store.masterKey().map(SecretCipher::keyId).orElse(null);
            Backup.Summary summary;
            try (Database db = store.open(true)) {
                summary = toStdout ? exportTo(db, System.out, keyId) : exportToFile(db, Path.of(file), keyId);
            }
            say.println("swasd: exported " + summary.totalRows() + " rows of "
                    + summary.rows().size() + " tables (schema " + summary.schemaVersion() + ") from " + store.where()
                    + (toStdout ? "" : " to " + file));
            if (keyId == null) {
                say.println("swasd: no master key found (SWASD_MASTER_KEY or " + store.data.resolve("master.key")
                        + "): keep the key the secrets were encrypted with beside this export");
            } else {
                say.println("swasd: secrets stay encrypted with master key " + keyId
                        + ": an import needs that key (master.key or SWASD_MASTER_KEY)");
            }
            return 0;
        } catch (Exception e) {
            System.err.println("swasd: export failed: " + AdminCommand.oneLine(e));
            return Main.EXIT_FAILURE;
        }
    }

    private static Backup.Summary exportTo(Database db, OutputStream out, String keyId) {
        Backup.Summary summary = Backup.export(db, out, keyId);
        System.out.flush();
        return summary;
    }

    /** Written beside the target and moved over it: a failed export never leaves half a file. */
    private static Backup.Summary exportToFile(Database db, Path target, String keyId) throws Exception {
        Path tmp = target.toAbsolutePath().resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        // the export holds encrypted secrets and stored responses: the owner's eyes only
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Backup.Summary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                summary = Backup.export(db, out, keyId);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
