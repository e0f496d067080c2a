package dev.swasd.cli;

import dev.swasd.store.Backup;
import dev.swasd.store.Database;
import dev.swasd.store.SecretCipher;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swasd admin import FILE}: loads an export into an empty database, all or nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Load an export into an EMPTY database in one transaction; '-' reads standard input. The "
                + "master key the export names must be this node's (master.key in --data, or SWASD_MASTER_KEY).")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The export to load ('-' for standard input).")
    String file;

    @Mixin
    DatabaseOptions store;

    @Override
    public Integer call() {
        try {
            Backup.Document doc;
            try (InputStream in =
                    "-".equals(file) ? System.in : new BufferedInputStream(Files.newInputStream(Path.of(file)))) {
                doc = Backup.read(in);
            }
            checkMasterKey(doc);
            Backup.Summary summary;
            try (Database db = store.open(false)) {
                summary = Backup.restore(db, doc);
            }
            System.out.println("swasd: imported " + summary.totalRows() + " rows of "
                    + summary.rows().size() + " tables (schema " + summary.schemaVersion() + ") into " + store.where());
            return 0;
        } catch (Exception e) {
            System.err.println("swasd: import failed: " + AdminCommand.oneLine(e));
            return Main.EXIT_FAILURE;
        }
    }

    /**
     * Secrets travel encrypted: refuse before touching the database when this node's master key
     * is missing or another one, since the imported AccessKeys could not be verified.
     */
    private void checkMasterKey(Backup.Document doc) throws Exception {
        if (doc.masterKeyId() == null) {
            return;
        }
        Optional<SecretCipher> local = store.masterKey();
        if (local.isEmpty()) {
            throw new Backup.Refused("the export's secrets are encrypted with master key " + doc.masterKeyId()
                    + ", and this node has none: copy that master.key into " + store.data + " or set SWASD_MASTER_KEY");
        }
        if (!local.get().keyId().equals(doc.masterKeyId())) {
            throw new Backup.Refused("the export's secrets are encrypted with master key " + doc.masterKeyId()
                    + ", but this node's is " + local.get().keyId()
                    + ": use the master.key (or SWASD_MASTER_KEY) of the node that exported");
        }
    }
}
