package dev.swasd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import dev.swasd.store.Database;
import dev.swasd.swas.Quotas;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 clients on two nodes issue DeleteCustomImages, ModifyImageShareStatus and CreateCustomImage
 * over overlapping ids. Every answer is a success or a documented business refusal (no 500, no
 * deadlock surfaced), no shared image is ever deleted, no quota is overrun, and no share change
 * answered 200 is lost.
 */
@Slow
class ConcurrencyTest {
    private static final String R = "cn-hangzhou";
    private static final int CLIENTS = 32;
    private static final int OPS = 30;
    private static final int IMAGE_QUOTA = 40;
    private static final Set<String> REFUSALS =
            Set.of("CustomImageInShare", "InvalidImageId.NotFound", "QuotaExceeded.CustomImage");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void overlappingWritesKeepEveryInvariant() throws Exception {
        String url = TestDatabases.fresh(dir, "concurrency");
        Quotas quotas = Quotas.unlimited().with("custom-images-per-account=" + IMAGE_QUOTA);
        try (TestServer a = TestServer.start(dir, url, null, Duration.ZERO, quotas);
                TestServer b = TestServer.start(dir, url, null, Duration.ZERO, quotas)) {
            TeaClient setup = TeaClient.swas(a.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
            String image =
                    (String) ((List<Map<String, Object>>) setup.call("ListImages", "RegionId", R, "ImageType", "system")
                                    .get("Images"))
                            .getFirst()
                            .get("ImageId");
            List<String> servers = (List<String>) setup.call(
                            "CreateInstances",
                            "RegionId",
                            R,
                            "ImageId",
                            image,
                            "PlanId",
                            "swas.s2.c2m2s40b3t08",
                            "Period",
                            1,
                            "Amount",
                            4)
                    .get("InstanceIds");
            List<String[]> sources = new ArrayList<>();
            for (String s : servers) {
                String disk =
                        (String) ((List<Map<String, Object>>) setup.call("ListDisks", "RegionId", R, "InstanceId", s)
                                        .get("Disks"))
                                .getFirst()
                                .get("DiskId");
                sources.add(new String[] {
                    s,
                    (String) setup.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "conc")
                            .get("SnapshotId")
                });
            }
            List<String> pool = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 16; i++) {
                String[] src = sources.get(i % sources.size());
                pool.add((String) setup.call(
                                "CreateCustomImage",
                                "RegionId",
                                R,
                                "InstanceId",
                                src[0],
                                "ImageName",
                                "seed-" + i,
                                "SystemSnapshotId",
                                src[1])
                        .get("ImageId"));
            }
            // share operations on an image come from one client only (its owner by index), so
            // the last one answered 200 is the state the image must end in
            Map<String, Boolean> lastShare = new ConcurrentHashMap<>();
            AtomicInteger successes = new AtomicInteger();
            AtomicInteger refusals = new AtomicInteger();
            List<String> unexpected = new CopyOnWriteArrayList<>();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int me = c;
                done.add(clients.submit(() -> {
                    Random random = new Random(me);
                    TeaClient client = TeaClient.swas(
                            (me % 2 == 0 ? a : b).endpoint(),
                            TestServer.ROOT_KEY_ID,
                            TestServer.ROOT_SECRET,
                            me % 4 < 2 ? "v3" : "v1");
                    for (int op = 0; op < OPS; op++) {
                        int kind = random.nextInt(3);
                        try {
                            if (kind == 0) {
                                String[] src = sources.get(random.nextInt(sources.size()));
                                pool.add((String) client.call(
                                                "CreateCustomImage",
                                                "RegionId",
                                                R,
                                                "InstanceId",
                                                src[0],
                                                "ImageName",
                                                "c" + me + "-" + op,
                                                "SystemSnapshotId",
                                                src[1])
                                        .get("ImageId"));
                            } else if (kind == 1) {
                                List<String> mine = pool.stream()
                                        .filter(id -> Math.floorMod(id.hashCode(), CLIENTS) == me)
                                        .toList();
                                if (mine.isEmpty()) {
                                    continue;
                                }
                                String id = mine.get(random.nextInt(mine.size()));
                                boolean share = random.nextBoolean();
                                client.call(
                                        "ModifyImageShareStatus",
                                        "RegionId",
                                        R,
                                        "ImageId",
                                        id,
                                        "Operation",
                                        share ? "Share" : "UnShare");
                                lastShare.put(id, share);
                            } else {
                                StringBuilder ids = new StringBuilder("[");
                                int n = 1 + random.nextInt(3);
                                for (int i = 0; i < n; i++) {
                                    ids.append(i == 0 ? "" : ",")
                                            .append('"')
                                            .append(pool.get(random.nextInt(pool.size())))
                                            .append('"');
                                }
                                client.call(
                                        "DeleteCustomImages",
                                        "RegionId",
                                        R,
                                        "ImageIds",
                                        ids.append(']').toString());
                            }
                            successes.incrementAndGet();
                        } catch (AssertionError e) {
                            TeaException t = (TeaException) e.getCause();
                            if (t != null && REFUSALS.contains(t.getCode()) && t.getStatusCode() < 500) {
                                refusals.incrementAndGet();
                            } else {
                                unexpected.add(e.getMessage());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            assertThat(unexpected)
                    .as("answers other than success or a business refusal")
                    .isEmpty();
            assertThat(successes.get() + refusals.get()).isGreaterThan(CLIENTS * OPS / 2);

            try (Database db = Database.open(url, null, null)) {
                long deletedShared =
                        db.read(tx -> tx.count("SELECT COUNT(*) FROM custom_images WHERE deleted_at IS NOT NULL "
                                + "AND (in_share = 1 OR image_id IN (SELECT image_id FROM image_share_accounts))"));
                assertThat(deletedShared).as("deleted while shared").isZero();
                long live = db.read(tx -> tx.count("SELECT COUNT(*) FROM custom_images WHERE deleted_at IS NULL"));
                assertThat(live).as("custom-image quota").isLessThanOrEqualTo(IMAGE_QUOTA);
                for (Map.Entry<String, Boolean> e : lastShare.entrySet()) {
                    var row = db.read(tx -> tx.one(
                                    "SELECT in_share, deleted_at FROM custom_images WHERE image_id = ?",
                                    rs -> new Object[] {rs.getInt(1), rs.getObject(2)},
                                    e.getKey()))
                            .orElseThrow();
                    if (row[1] == null) {
                        assertThat((int) row[0] == 1)
                                .as("share state of %s", e.getKey())
                                .isEqualTo(e.getValue());
                    } else {
                        assertThat(e.getValue())
                                .as("%s was deleted, so its last share answer was UnShare", e.getKey())
                                .isFalse();
                    }
                }
            }
        }
    }
}
