package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (docs/durability.md): a real {@code swasd serve} under a write load from several
 * official clients is killed with SIGKILL mid-flight, several times, and restarted on the same
 * data. Every write answered 200 must be there, and nothing half-applied may be: a request that
 * got no answer may have committed or not, so it is re-sent with its ClientToken, which must
 * return what committed (or do it now). After the last round the database must hold exactly the
 * acknowledged writes: every server with its disks, every image with its snapshot, every stored
 * ClientToken response naming rows that exist.
 */
@Slow
class CrashSafetyTest {
    private static final String R = "cn-hangzhou";
    private static final String PLAN = "swas.s2.c2m2s40b3t08";
    private static final String KEY_ID = "LTAICrashKey0001";
    private static final String SECRET = "CrashSecret0001abcdefgh";
    private static final int KILLS = 3;
    private static final int WORKERS = 6;
    /** A kill comes after at least this many acknowledged writes in its round, at a random moment. */
    private static final int MIN_ACKS_PER_ROUND = 60;

    @TempDir
    Path tmp;

    @Test
    void acknowledgedWritesSurviveSigkillAndNothingIsHalfApplied() throws Exception {
        Path data = tmp.resolve("data");
        String dbUrl = TestDatabases.postgres() ? TestDatabases.fresh(tmp, "crash") : null;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Ledger ledger = new Ledger();
        int inFlight = 0;
        for (int round = 1; round <= KILLS; round++) {
            long t0 = System.nanoTime();
            try (ServeProcess p = serve(data, dbUrl)) {
                String endpoint = endpoint(p);
                long t1 = System.nanoTime();
                TeaClient c = client(endpoint);
                inFlight += ledger.resendUnanswered(c);
                ledger.verify(c);
                long t2 = System.nanoTime();
                int before = ledger.acks.get();
                load(p, endpoint, ledger, round, random);
                System.out.printf(
                        "crash-safety round %d: start %d ms, verify %d ms, load %d ms, %d writes acknowledged "
                                + "before the kill%n",
                        round,
                        (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000,
                        (System.nanoTime() - t2) / 1_000_000,
                        ledger.acks.get() - before);
            }
        }
        try (ServeProcess p = serve(data, dbUrl)) {
            TeaClient c = client(endpoint(p));
            inFlight += ledger.resendUnanswered(c);
            ledger.verify(c);
            int replayed = ledger.replayCreates(c);
            p.terminate();
            assertThat(p.awaitExit(60)).as("clean stop; stderr %s", p.err).isZero();
            ledger.checkDatabase(
                    dbUrl != null
                            ? dbUrl
                            : "jdbc:sqlite:" + data.resolve("swasd.db").toAbsolutePath());
            System.out.printf(
                    "crash-safety (%s, seed %d): %d SIGKILLs, %d acknowledged writes checked (%d servers, "
                            + "%d snapshots, %d images, %d share changes, %d deletes), %d requests unanswered at a kill "
                            + "re-sent with their ClientToken, %d creates replayed%n",
                    dbUrl == null ? "SQLite" : "PostgreSQL",
                    seed,
                    KILLS,
                    ledger.acks.get(),
                    ledger.instances.size(),
                    ledger.snapshots.size(),
                    ledger.images.size(),
                    ledger.shareChanges.get(),
                    ledger.deletes.get(),
                    inFlight,
                    replayed);
        }
        assertThat(inFlight)
                .as("the kills landed while requests were in flight")
                .isPositive();
    }

    private static ServeProcess serve(Path data, String dbUrl) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--port",
                "0",
                "--data",
                data.toString(),
                "--state-delay",
                "0s",
                "--quota",
                "unlimited",
                "--root-access-key-id",
                KEY_ID,
                "--root-access-key-secret",
                SECRET));
        if (dbUrl != null) {
            args.addAll(List.of("--db", dbUrl));
        }
        ServeProcess p = ServeProcess.start(Map.of("SWASD_LOG_LEVEL", "WARN"), args.toArray(String[]::new));
        assertThat(p.awaitOut("SDK config", 60)).as("start; stderr %s", p.err).isTrue();
        return p;
    }

    private static String endpoint(ServeProcess p) {
        return "127.0.0.1:" + p.port();
    }

    private static TeaClient client(String endpoint) {
        return TeaClient.swas(endpoint, KEY_ID, SECRET, "v3");
    }

    /** Runs the workers until the server is killed at a random moment past the round's minimum. */
    private static void load(ServeProcess p, String endpoint, Ledger ledger, int round, Random random)
            throws Exception {
        String image = linuxImage(client(endpoint));
        int before = ledger.acks.get();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Worker worker = new Worker(client(endpoint), ledger, image, "k" + round + "w" + w, random.nextLong());
            workers.add(Thread.ofPlatform().name("crash-worker-" + w).start(worker));
        }
        long killAfter = TimeUnit.MILLISECONDS.toNanos(1000 + random.nextInt(2000));
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        while ((ledger.acks.get() - before < MIN_ACKS_PER_ROUND || System.nanoTime() - started < killAfter)
                && System.nanoTime() < deadline
                && ledger.unexpected.isEmpty()) {
            Thread.sleep(2);
        }
        new ProcessBuilder("kill", "-KILL", Long.toString(p.process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        assertThat(p.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(t.isAlive()).as("a worker did not stop after the kill").isFalse();
        }
        assertThat(ledger.unexpected)
                .as("error answers before the kill; server log:%n%s", String.join("\n", p.errorLines()))
                .isEmpty();
        assertThat(ledger.acks.get() - before)
                .as("writes acknowledged in round %d", round)
                .isGreaterThanOrEqualTo(MIN_ACKS_PER_ROUND);
    }

    @SuppressWarnings("unchecked")
    private static String linuxImage(TeaClient c) {
        return ((List<Map<String, Object>>) c.call("ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .stream()
                        .filter(i -> "Linux".equals(i.get("Platform")))
                        .findFirst()
                        .orElseThrow()
                        .get("ImageId")
                        .toString();
    }

    /** One write with its ClientToken, and what its 200 answer means for the ledger. */
    record Write(String action, Object[] params, Consumer<Map<String, Object>> onAnswer) {}

    /** What an image should look like; null while a request that would change it is unanswered. */
    static final class ImageFacts {
        volatile Boolean shared = false;
        volatile Boolean deleted = false;
    }

    /** A worker's chain: server, its system disk's snapshot, an image, share, sometimes unshare and delete. */
    private static final class Worker implements Runnable {
        private final TeaClient c;
        private final Ledger ledger;
        private final String image;
        private final String prefix;
        private final Random random;

        Worker(TeaClient c, Ledger ledger, String image, String prefix, long seed) {
            this.c = c;
            this.ledger = ledger;
            this.image = image;
            this.prefix = prefix;
            this.random = new Random(seed);
        }

        @Override
        public void run() {
            for (int n = 0; n < 10_000 && ledger.unexpected.isEmpty(); n++) {
                if (!cycle(prefix + "n" + n)) {
                    return;
                }
            }
        }

        /** False once a request went unanswered: the server is gone. */
        @SuppressWarnings("unchecked")
        private boolean cycle(String token) {
            int amount = 1 + random.nextInt(2);
            boolean dataDisk = random.nextBoolean();
            List<String> servers = new ArrayList<>();
            Write create = ledger.create(
                    "CreateInstances",
                    "InstanceIds",
                    new Object[] {
                        "RegionId",
                        R,
                        "ImageId",
                        image,
                        "PlanId",
                        PLAN,
                        "Period",
                        1,
                        "Amount",
                        amount,
                        "DataDiskSize",
                        dataDisk ? 40 : 0,
                        "ClientToken",
                        token + "i"
                    },
                    body -> {
                        List<String> ids = (List<String>) body.get("InstanceIds");
                        assertThat(ids).hasSize(amount);
                        ids.forEach(id -> ledger.instances.put(id, dataDisk));
                        servers.addAll(ids);
                    });
            if (!ledger.perform(c, create)) {
                return false;
            }
            String disk;
            try {
                List<Map<String, Object>> disks = (List<Map<String, Object>>)
                        c.send("ListDisks", "RegionId", R, "InstanceId", servers.getFirst(), "DiskType", "system")
                                .get("Disks");
                disk = disks.getFirst().get("DiskId").toString();
            } catch (Exception e) {
                return false; // a read: nothing to settle
            }
            String[] snapshot = new String[1];
            if (!ledger.perform(
                    c,
                    ledger.create(
                            "CreateSnapshot",
                            "SnapshotId",
                            new Object[] {
                                "RegionId",
                                R,
                                "DiskId",
                                disk,
                                "SnapshotName",
                                "snap-" + token,
                                "ClientToken",
                                token + "s"
                            },
                            body -> {
                                snapshot[0] = body.get("SnapshotId").toString();
                                ledger.snapshots.add(snapshot[0]);
                            }))) {
                return false;
            }
            String[] imageId = new String[1];
            if (!ledger.perform(
                    c,
                    ledger.create(
                            "CreateCustomImage",
                            "ImageId",
                            new Object[] {
                                "RegionId",
                                R,
                                "InstanceId",
                                servers.getFirst(),
                                "ImageName",
                                "img-" + token,
                                "SystemSnapshotId",
                                snapshot[0],
                                "ClientToken",
                                token + "m"
                            },
                            body -> {
                                imageId[0] = body.get("ImageId").toString();
                                ledger.images.put(imageId[0], new ImageFacts());
                            }))) {
                return false;
            }
            ImageFacts facts = ledger.images.get(imageId[0]);
            facts.shared = null;
            if (!ledger.perform(
                    c,
                    new Write(
                            "ModifyImageShareStatus",
                            new Object[] {
                                "RegionId", R, "ImageId", imageId[0], "Operation", "Share", "ClientToken", token + "sh"
                            },
                            body -> {
                                facts.shared = true;
                                ledger.shareChanges.incrementAndGet();
                            }))) {
                return false;
            }
            if (random.nextBoolean()) {
                return true;
            }
            facts.shared = null;
            if (!ledger.perform(
                    c,
                    new Write(
                            "ModifyImageShareStatus",
                            new Object[] {
                                "RegionId",
                                R,
                                "ImageId",
                                imageId[0],
                                "Operation",
                                "UnShare",
                                "ClientToken",
                                token + "un"
                            },
                            body -> {
                                facts.shared = false;
                                ledger.shareChanges.incrementAndGet();
                            }))) {
                return false;
            }
            facts.deleted = null;
            return ledger.perform(
                    c,
                    new Write(
                            "DeleteCustomImages",
                            new Object[] {
                                "RegionId", R, "ImageIds", "[\"" + imageId[0] + "\"]", "ClientToken", token + "d"
                            },
                            body -> {
                                facts.deleted = true;
                                ledger.deletes.incrementAndGet();
                            }));
        }
    }

    /** Every acknowledged write, shared by the workers and kept across restarts. */
    private static final class Ledger {
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger shareChanges = new AtomicInteger();
        final AtomicInteger deletes = new AtomicInteger();
        /** Server id → whether it was created with a data disk. */
        final Map<String, Boolean> instances = new ConcurrentHashMap<>();

        final Set<String> snapshots = ConcurrentHashMap.newKeySet();
        final Map<String, ImageFacts> images = new ConcurrentHashMap<>();
        final List<Write> unanswered = new CopyOnWriteArrayList<>();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        /** Creates answered 200, with the ids field of their answer, replayed at the end. */
        final List<Map.Entry<Write, Object>> creates = new CopyOnWriteArrayList<>();

        /** A create whose answer is also remembered for the final replay by ClientToken. */
        Write create(String action, String idField, Object[] params, Consumer<Map<String, Object>> onAnswer) {
            Write[] self = new Write[1];
            self[0] = new Write(action, params, body -> {
                onAnswer.accept(body);
                creates.add(Map.entry(self[0], body.get(idField)));
            });
            return self[0];
        }

        /** True on a 200 answer; false when unanswered (kept to re-send) or refused (a failure). */
        boolean perform(TeaClient c, Write w) {
            try {
                Map<String, Object> body = c.send(w.action(), w.params());
                w.onAnswer().accept(body);
                acks.incrementAndGet();
                return true;
            } catch (TeaException e) {
                if (e.getStatusCode() != null && e.getCode() != null) {
                    unexpected.add(
                            w.action() + ": HTTP " + e.getStatusCode() + " " + e.getCode() + " " + e.getMessage());
                } else {
                    unanswered.add(w);
                }
                return false;
            } catch (Exception e) {
                unanswered.add(w); // connection reset or refused: the server died before or after committing
                return false;
            }
        }

        /** Re-sends what got no answer with the same ClientToken; the answer is what committed, or happens now. */
        int resendUnanswered(TeaClient c) {
            List<Write> pending = List.copyOf(unanswered);
            unanswered.clear();
            for (Write w : pending) {
                assertThat(perform(c, w))
                        .as("re-sent %s; errors %s", w.action(), unexpected)
                        .isTrue();
            }
            return pending.size();
        }

        /** Through the official client: every acknowledged write is there, and nothing else is. */
        @SuppressWarnings("unchecked")
        void verify(TeaClient c) {
            List<String> servers = List.copyOf(instances.keySet());
            Set<String> seen = new HashSet<>();
            for (List<String> chunk : chunks(servers)) {
                Map<String, Object> body =
                        c.call("ListInstances", "RegionId", R, "InstanceIds", json(chunk), "PageSize", 100);
                ((List<Map<String, Object>>) body.get("Instances"))
                        .forEach(i -> seen.add(i.get("InstanceId").toString()));
            }
            assertThat(seen).as("acknowledged servers").containsExactlyInAnyOrderElementsOf(servers);
            assertThat(total(c.call("ListInstances", "RegionId", R)))
                    .as("servers in all")
                    .isEqualTo(servers.size());

            Map<String, Integer> system = new HashMap<>();
            Map<String, Integer> dataDisks = new HashMap<>();
            for (int page = 1; ; page++) {
                Map<String, Object> body = c.call("ListDisks", "RegionId", R, "PageSize", 100, "PageNumber", page);
                List<Map<String, Object>> disks = (List<Map<String, Object>>) body.get("Disks");
                for (Map<String, Object> d : disks) {
                    Map<String, Integer> counts = "System".equals(d.get("DiskType")) ? system : dataDisks;
                    counts.merge(d.get("InstanceId").toString(), 1, Integer::sum);
                }
                if (disks.size() < 100) {
                    break;
                }
            }
            instances.forEach((id, withData) -> {
                assertThat(system.get(id)).as("system disks of %s", id).isEqualTo(1);
                assertThat(dataDisks.getOrDefault(id, 0))
                        .as("data disks of %s", id)
                        .isEqualTo(withData ? 1 : 0);
            });

            List<String> snaps = List.copyOf(snapshots);
            Set<String> seenSnaps = new HashSet<>();
            for (List<String> chunk : chunks(snaps)) {
                Map<String, Object> body =
                        c.call("ListSnapshots", "RegionId", R, "SnapshotIds", json(chunk), "PageSize", 100);
                ((List<Map<String, Object>>) body.get("Snapshots"))
                        .forEach(s -> seenSnaps.add(s.get("SnapshotId").toString()));
            }
            assertThat(seenSnaps).as("acknowledged snapshots").containsExactlyInAnyOrderElementsOf(snaps);

            Map<String, Boolean> live = new HashMap<>();
            for (List<String> chunk : chunks(List.copyOf(images.keySet()))) {
                Map<String, Object> body =
                        c.call("ListCustomImages", "RegionId", R, "ImageIds", json(chunk), "PageSize", 100);
                ((List<Map<String, Object>>) body.get("CustomImages"))
                        .forEach(i -> live.put(i.get("ImageId").toString(), (Boolean) i.get("InShare")));
            }
            images.forEach((id, facts) -> {
                assertThat(facts.deleted).as("image %s settled", id).isNotNull();
                assertThat(live.containsKey(id))
                        .as("image %s is there unless its delete was acknowledged", id)
                        .isEqualTo(!facts.deleted);
                if (!facts.deleted) {
                    assertThat(live.get(id)).as("share flag of %s", id).isEqualTo(facts.shared);
                }
            });
        }

        /** Every acknowledged create, sent again with its token, answers the same ids. */
        int replayCreates(TeaClient c) {
            for (Map.Entry<Write, Object> e : creates) {
                Write w = e.getKey();
                Map<String, Object> body;
                try {
                    body = c.send(w.action(), w.params());
                } catch (Exception ex) {
                    throw new AssertionError("replay of " + w.action() + " failed", ex);
                }
                Object ids = body.getOrDefault("InstanceIds", body.getOrDefault("SnapshotId", body.get("ImageId")));
                assertThat(ids).as("replay of %s", w.action()).isEqualTo(e.getValue());
            }
            return creates.size();
        }

        /** After a clean stop, in the database itself: exactly the acknowledged rows, none half made. */
        void checkDatabase(String url) throws Exception {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                assertThat(column(s, "SELECT instance_id FROM instances"))
                        .containsExactlyInAnyOrderElementsOf(instances.keySet());
                Map<String, Integer> system = new HashMap<>();
                try (ResultSet rs =
                        s.executeQuery("SELECT instance_id, disk_id FROM disks WHERE disk_type = 'system'")) {
                    while (rs.next()) {
                        system.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
                assertThat(system.keySet()).containsExactlyInAnyOrderElementsOf(instances.keySet());
                assertThat(system.values()).allMatch(n -> n == 1);
                assertThat(column(s, "SELECT snapshot_id FROM snapshots"))
                        .containsExactlyInAnyOrderElementsOf(snapshots);
                assertThat(column(
                                s,
                                "SELECT s.snapshot_id FROM snapshots s LEFT JOIN disks d ON d.disk_id = s.disk_id "
                                        + "WHERE d.disk_id IS NULL"))
                        .as("snapshots of missing disks")
                        .isEmpty();
                assertThat(column(
                                s,
                                "SELECT i.image_id FROM custom_images i LEFT JOIN snapshots s "
                                        + "ON s.snapshot_id = i.system_snapshot_id WHERE s.snapshot_id IS NULL"))
                        .as("images of missing snapshots")
                        .isEmpty();
                try (ResultSet rs = s.executeQuery("SELECT image_id, in_share, deleted_at FROM custom_images")) {
                    Set<String> ids = new HashSet<>();
                    while (rs.next()) {
                        String id = rs.getString(1);
                        ids.add(id);
                        ImageFacts facts = images.get(id);
                        assertThat(facts).as("image %s was acknowledged", id).isNotNull();
                        assertThat(rs.getInt(2) == 1).as("in_share of %s", id).isEqualTo(facts.shared);
                        rs.getLong(3);
                        assertThat(!rs.wasNull()).as("deleted_at of %s", id).isEqualTo(facts.deleted);
                    }
                    assertThat(ids).containsExactlyInAnyOrderElementsOf(images.keySet());
                }
                // one stored outcome per acknowledged write (each had its own token), naming rows that exist
                Set<String> all = new HashSet<>(instances.keySet());
                all.addAll(snapshots);
                all.addAll(images.keySet());
                ObjectMapper json = new ObjectMapper();
                int outcomes = 0;
                try (ResultSet rs = s.executeQuery("SELECT response FROM idempotency")) {
                    while (rs.next()) {
                        outcomes++;
                        JsonNode r = json.readTree(rs.getString(1));
                        for (JsonNode id : r.path("InstanceIds")) {
                            assertThat(all).contains(id.asText());
                        }
                        for (String f : List.of("SnapshotId", "ImageId")) {
                            if (r.has(f)) {
                                assertThat(all).contains(r.get(f).asText());
                            }
                        }
                    }
                }
                assertThat(outcomes).as("stored ClientToken outcomes").isEqualTo(acks.get());
            }
        }

        private static List<String> column(Statement s, String sql) throws Exception {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }

        private static List<List<String>> chunks(List<String> ids) {
            List<List<String>> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += 100) {
                out.add(ids.subList(i, Math.min(ids.size(), i + 100)));
            }
            return out;
        }

        private static String json(List<String> ids) {
            return "[\"" + String.join("\",\"", ids) + "\"]";
        }

        private static long total(Map<String, Object> body) {
            return Long.parseLong(String.valueOf(body.get("TotalCount")));
        }
    }
}
