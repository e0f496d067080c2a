package dev.swasd.cli.bench;

import dev.swasd.store.Database;
import dev.swasd.store.ImageRecord;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts many custom images straight into the target's database, in large transactions: making a
 * million through the API would take longer than measuring it. The rows are what CreateCustomImage
 * writes (same repository), made from a real server and snapshot created through the API.
 */
final class Seeder {
    private static final int BATCH = 5000;

    private Seeder() {}

    static List<String> images(
            String dbUrl,
            String accountId,
            String region,
            String instanceId,
            String snapshotId,
            String prefix,
            int count) {
        ImageRepository repo = new ImageRepository();
        List<String> ids = new ArrayList<>(count);
        long now = System.currentTimeMillis();
        try (Database db = Database.open(dbUrl, System.getenv("SWASD_DB_USER"), System.getenv("SWASD_DB_PASSWORD"))) {
            for (int done = 0; done < count; done += BATCH) {
                int from = done;
                int to = Math.min(count, done + BATCH);
                db.write(tx -> {
                    for (int i = from; i < to; i++) {
                        String id = String.format("m-%s%017d", prefix, i);
                        repo.insert(
                                tx,
                                new ImageRecord(
                                        id,
                                        accountId,
                                        region,
                                        prefix + "-" + i,
                                        "seeded by swasd bench",
                                        instanceId,
                                        "bench-server",
                                        snapshotId,
                                        "bench-snapshot",
                                        null,
                                        null,
                                        40,
                                        0,
                                        "Linux",
                                        "0",
                                        "Alibaba Cloud Linux",
                                        "3.2104 LTS",
                                        Transition.settled("1"),
                                        false,
                                        now - count + i,
                                        null,
                                        null,
                                        0));
                        ids.add(id);
                    }
                    return null;
                });
            }
        }
        return ids;
    }
}
