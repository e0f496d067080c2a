package dev.swasd.swas;

import dev.swasd.TestDatabases;
import dev.swasd.store.Database;
import dev.swasd.store.Tx;
import dev.swasd.swas.images.CustomImageService;
import dev.swasd.swas.instances.DiskService;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.regions.PublicImages;
import dev.swasd.swas.snapshots.SnapshotService;
import dev.swasd.swas.tags.TagService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The domain services over a real SQLite database, with a clock the test moves by hand. */
final class DomainFixture implements AutoCloseable {
    static final String ACCOUNT = "1234567890123456";
    static final String REGION = "cn-hangzhou";
    static final String LINUX = PublicImages.defaults().all().stream()
            .filter(i -> i.imageType().equals("system") && i.platform().equals("Linux"))
            .findFirst()
            .orElseThrow()
            .imageId();
    static final String WINDOWS = PublicImages.defaults().all().stream()
            .filter(i -> i.platform().equals("Windows"))
            .findFirst()
            .orElseThrow()
            .imageId();
    static final String PLAN = "swas.s2.c2m2s40b3t08";

    final Database db;
    final Regions regions = Regions.defaults();
    final InstanceService instances;
    final DiskService disks;
    final SnapshotService snapshots;
    final CustomImageService images;
    final TagService tags;
    /** The domain as wired, with its resource modules. */
    final SwasDomain domain;

    final Caller caller = new Caller(ACCOUNT, REGION);
    long now = 1_800_000_000_000L;

    final String url;

    DomainFixture(Path dir, long delayMillis, Quotas quotas) {
        this(freshUrl(dir), delayMillis, quotas);
    }

    static String freshUrl(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestDatabases.fresh(dir, "domain");
    }

    /** Over an existing database, e.g. to reopen one as a restart would. */
    DomainFixture(String url, long delayMillis, Quotas quotas) {
        this.url = url;
        db = Database.open(url, null, null);
        domain = SwasDomain.create(new SwasDomain.Settings(regions, quotas, delayMillis));
        instances = domain.instances();
        disks = domain.disks();
        snapshots = domain.snapshots();
        images = domain.images();
        tags = domain.tags();
    }

    /** The wired module of this type. */
    <M> M module(Class<M> type) {
        return domain.modules().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    <T> T tx(Function<Tx, T> work) {
        return db.write(work::apply);
    }

    void run(Consumer<Tx> work) {
        db.write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    String server() {
        return servers(1).getFirst();
    }

    List<String> servers(int n) {
        return tx(tx -> instances.create(
                tx, now, caller, new InstanceService.CreateInstances(LINUX, PLAN, 1, n, false, null, 0, null)));
    }

    String systemDisk(String instanceId) {
        return tx(tx -> instances.disks(tx, caller).stream()
                .filter(d -> d.instanceId().equals(instanceId) && d.diskType().equals("system"))
                .findFirst()
                .orElseThrow()
                .diskId());
    }

    String snapshot(String instanceId) {
        String disk = systemDisk(instanceId);
        return tx(tx -> snapshots.create(tx, now, caller, disk, "snap-" + System.nanoTime(), null, List.of()));
    }

    String image(String instanceId, String snapshotId) {
        return tx(tx -> images.create(
                tx,
                now,
                caller,
                new CustomImageService.CreateImage(
                        instanceId, "img-" + System.nanoTime(), snapshotId, null, null, null, List.of())));
    }

    String image() {
        String server = server();
        return image(server, snapshot(server));
    }

    void deleteImages(String... ids) {
        run(tx -> images.delete(tx, now, caller, List.of(ids)));
    }

    List<Map<String, String>> tag(String key, String value) {
        return List.of(Map.of("Key", key, "Value", value));
    }

    @Override
    public void close() {
        db.close();
    }
}
