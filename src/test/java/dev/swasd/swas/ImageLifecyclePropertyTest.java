package dev.swasd.swas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.RandomTries;
import dev.swasd.errors.ApiException;
import dev.swasd.store.ImageQuery;
import dev.swasd.swas.images.CustomImageService;
import dev.swasd.swas.instances.InstanceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of create / share / unshare / delete / reset, checked after every step against
 * a reference model: a shared image is never deleted, an unshared one is never lost, a failed
 * batch changes nothing, and ListCustomImages always agrees with the model.
 */
class ImageLifecyclePropertyTest {
    private static DomainFixture fixture;
    private static final AtomicLong ACCOUNTS = new AtomicLong(3_000_000_000_000_000L);

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("swasd-property");
        fixture = new DomainFixture(dir, 0, Quotas.unlimited());
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    sealed interface Op permits Create, ShareEcs, UnshareEcs, ShareAccount, UnshareAccount, Delete, Reset {}

    record Create() implements Op {}

    record ShareEcs(int image) implements Op {}

    record UnshareEcs(int image) implements Op {}

    record ShareAccount(int image) implements Op {}

    record UnshareAccount(int image) implements Op {}

    /** Images by index into what was created so far; -1 stands for an id nobody has. */
    record Delete(List<Integer> images) implements Op {}

    record Reset(int image) implements Op {}

    /** A sequence of 5 to 30 operations; Create and Delete come up twice as often as the others. */
    static List<Op> sequence(Random random) {
        int size = random.nextInt(5, 31);
        List<Op> ops = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ops.add(
                    switch (random.nextInt(9)) {
                        case 0, 1 -> new Create();
                        case 2 -> new ShareEcs(pick(random));
                        case 3 -> new UnshareEcs(pick(random));
                        case 4 -> new ShareAccount(pick(random));
                        case 5 -> new UnshareAccount(pick(random));
                        case 6, 7 -> new Delete(picks(random));
                        default -> new Reset(pick(random));
                    });
        }
        return ops;
    }

    private static int pick(Random random) {
        return random.nextInt(-1, 8);
    }

    private static List<Integer> picks(Random random) {
        int size = random.nextInt(1, 5);
        List<Integer> images = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            images.add(pick(random));
        }
        return images;
    }

    /** What the model knows of one image. */
    static final class Model {
        boolean ecs;
        boolean account;
        boolean deleted;

        boolean shared() {
            return ecs || account;
        }
    }

    @Test
    void theServiceAgreesWithTheModel() {
        RandomTries.check(60, random -> {
            List<Op> ops = sequence(random);
            try {
                agreesWithTheModel(ops);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("operations " + ops + ": " + e.getMessage(), e);
            }
        });
    }

    private static void agreesWithTheModel(List<Op> ops) {
        DomainFixture f = fixture;
        Caller caller = new Caller(Long.toString(ACCOUNTS.incrementAndGet()), DomainFixture.REGION);
        List<String> servers = f.tx(tx -> f.instances.create(
                tx,
                f.now,
                caller,
                new InstanceService.CreateInstances(
                        DomainFixture.LINUX, DomainFixture.PLAN, 1, 2, false, null, 0, null)));
        String disk = f.tx(tx -> f.instances.disks(tx, caller).stream()
                .filter(d ->
                        d.instanceId().equals(servers.get(0)) && d.diskType().equals("system"))
                .findFirst()
                .orElseThrow()
                .diskId());
        String snapshot = f.tx(tx -> f.snapshots.create(tx, f.now, caller, disk, "prop-snap", null, List.of()));
        List<String> ids = new ArrayList<>();
        Map<String, Model> model = new LinkedHashMap<>();

        for (Op op : ops) {
            switch (op) {
                case Create c -> {
                    String id = f.tx(tx -> f.images.create(
                            tx,
                            f.now,
                            caller,
                            new CustomImageService.CreateImage(
                                    servers.get(0), "prop-" + ids.size(), snapshot, null, null, null, List.of())));
                    ids.add(id);
                    model.put(id, new Model());
                }
                case ShareEcs s ->
                    expect(
                            f,
                            id(ids, s.image()),
                            model,
                            () -> f.run(tx -> f.images.shareToEcs(tx, f.now, caller, id(ids, s.image()), "Share")),
                            m -> m.ecs = true);
                case UnshareEcs s ->
                    expect(
                            f,
                            id(ids, s.image()),
                            model,
                            () -> f.run(tx -> f.images.shareToEcs(tx, f.now, caller, id(ids, s.image()), "UnShare")),
                            m -> m.ecs = false);
                case ShareAccount s ->
                    expect(
                            f,
                            id(ids, s.image()),
                            model,
                            () -> f.run(tx -> f.images.addShareAccounts(
                                    tx, f.now, caller, id(ids, s.image()), List.of(2000000000000002L))),
                            m -> m.account = true);
                case UnshareAccount s ->
                    expect(
                            f,
                            id(ids, s.image()),
                            model,
                            () -> f.run(tx -> f.images.removeShareAccounts(
                                    tx, caller, id(ids, s.image()), List.of(2000000000000002L))),
                            m -> m.account = false);
                case Delete d -> {
                    List<String> targets =
                            d.images().stream().map(i -> id(ids, i)).toList();
                    String expected = null;
                    for (String t : targets) {
                        Model m = model.get(t);
                        if (m == null || m.deleted) {
                            expected = "InvalidImageId.NotFound";
                            break;
                        }
                    }
                    if (expected == null
                            && targets.stream().anyMatch(t -> model.get(t).shared())) {
                        expected = "CustomImageInShare";
                    }
                    String actual = codeOf(() -> f.run(tx -> f.images.delete(tx, f.now, caller, targets)));
                    assertThat(actual).as("DeleteCustomImages %s", targets).isEqualTo(expected);
                    if (expected == null) {
                        targets.forEach(t -> model.get(t).deleted = true);
                    }
                }
                case Reset r -> {
                    String target = id(ids, r.image());
                    Model m = model.get(target);
                    String expected = m == null || m.deleted ? "InvalidImageId.NotFound" : null;
                    String actual = codeOf(
                            () -> f.run(tx -> f.instances.reset(tx, f.now, caller, servers.get(1), target, null)));
                    assertThat(actual).as("ResetSystem with %s", target).isEqualTo(expected);
                }
            }
            agrees(f, caller, model);
        }
    }

    private static String id(List<String> ids, int index) {
        return index < 0 || index >= ids.size() ? "m-nobodyhasthis00000" : ids.get(index);
    }

    /** Share operations: unknown or deleted images are NotFound and change nothing; others apply. */
    private static void expect(
            DomainFixture f, String id, Map<String, Model> model, Runnable call, Consumer<Model> effect) {
        Model m = model.get(id);
        String expected = m == null || m.deleted ? "InvalidImageId.NotFound" : null;
        assertThat(codeOf(call)).isEqualTo(expected);
        if (expected == null) {
            effect.accept(m);
        }
    }

    private static String codeOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (ApiException e) {
            return e.code();
        }
    }

    private static void agrees(DomainFixture f, Caller caller, Map<String, Model> model) {
        var page = f.tx(tx -> f.images.list(
                tx,
                f.now,
                new ImageQuery(
                        caller.accountId(),
                        caller.regionId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        1000)));
        Map<String, Boolean[]> listed = new HashMap<>();
        page.images()
                .forEach(v -> listed.put(
                        v.record().imageId(), new Boolean[] {v.record().inShare(), v.inShareUser()}));
        Map<String, Model> live = new HashMap<>();
        model.forEach((id, m) -> {
            if (!m.deleted) {
                live.put(id, m);
            }
        });
        assertThat(listed.keySet()).isEqualTo(live.keySet());
        assertThat(page.total()).isEqualTo(live.size());
        live.forEach((id, m) -> {
            assertThat(listed.get(id)[0]).as("InShare of %s", id).isEqualTo(m.ecs);
            assertThat(listed.get(id)[1]).as("InShareUser of %s", id).isEqualTo(m.account);
        });
    }
}
