package dev.swasd.swas;

import static dev.swasd.swas.DomainFixture.ACCOUNT;
import static dev.swasd.swas.DomainFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.swasd.errors.ApiException;
import dev.swasd.store.ImageQuery;
import dev.swasd.swas.images.CustomImageService;
import dev.swasd.swas.instances.InstanceService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every business rule of the custom-image lifecycle, and every error code it answers. */
class DomainRulesTest {
    @TempDir
    Path dir;

    DomainFixture f;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
    }

    @AfterEach
    void close() {
        f.close();
    }

    static ApiException fails(Executable e) {
        ApiException d = catchThrowableOfType(ApiException.class, e::execute);
        assertThat(d).as("expected a domain error").isNotNull();
        return d;
    }

    static void code(ApiException e, int status, String code) {
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.status()).isEqualTo(status);
    }

    long liveImages() {
        return f.tx(tx -> f.images
                .list(
                        tx,
                        f.now,
                        new ImageQuery(ACCOUNT, REGION, null, null, null, null, null, null, null, null, 0, 100))
                .total());
    }

    @Test
    void deleteCustomImagesIsAllOrNothing() {
        String a = f.image();
        String b = f.image();
        f.run(tx -> f.images.shareToEcs(tx, f.now, f.caller, b, "Share"));
        ApiException e = fails(() -> f.deleteImages(a, b));
        code(e, 400, "CustomImageInShare");
        assertThat(e.getMessage()).isEqualTo("The custom image is in sharing,please unshare first then to retry.");
        assertThat(liveImages()).isEqualTo(2);
        code(fails(() -> f.deleteImages(a, "m-unknown")), 404, "InvalidImageId.NotFound");
        assertThat(liveImages()).isEqualTo(2);
        f.run(tx -> f.images.shareToEcs(tx, f.now, f.caller, b, "UnShare"));
        f.deleteImages(a, b, a);
        assertThat(liveImages()).isZero();
        code(fails(() -> f.deleteImages(a)), 404, "InvalidImageId.NotFound");
    }

    @Test
    void sharingWithAccountsAlsoBlocksDeletion() {
        String a = f.image();
        f.run(tx -> f.images.addShareAccounts(tx, f.now, f.caller, a, List.of(2000000000000002L)));
        code(fails(() -> f.deleteImages(a)), 400, "CustomImageInShare");
        f.run(tx -> f.images.removeShareAccounts(tx, f.caller, a, List.of(2000000000000002L)));
        f.deleteImages(a);
    }

    @Test
    void otherAccountsAndRegionsDoNotSeeAnImage() {
        String a = f.image();
        Caller stranger = new Caller("2000000000000002", REGION);
        code(
                fails(() -> f.run(tx -> f.images.delete(tx, f.now, stranger, List.of(a)))),
                404,
                "InvalidImageId.NotFound");
        Caller elsewhere = new Caller(ACCOUNT, "cn-shanghai");
        code(
                fails(() -> f.run(tx -> f.images.delete(tx, f.now, elsewhere, List.of(a)))),
                404,
                "InvalidImageId.NotFound");
        code(
                fails(() -> f.run(tx -> f.images.shareToEcs(tx, f.now, stranger, a, "Share"))),
                404,
                "InvalidImageId.NotFound");
    }

    @Test
    void aSharedAccountSeesAndUsesTheImageButCannotDeleteIt() {
        String a = f.image();
        Caller friend = new Caller("2000000000000002", REGION);
        f.run(tx -> f.images.addShareAccounts(tx, f.now, f.caller, a, List.of(2000000000000002L)));
        long seen = f.tx(tx -> f.images
                .list(
                        tx,
                        f.now,
                        new ImageQuery(
                                friend.accountId(), REGION, null, null, null, null, null, null, null, null, 0, 10))
                .total());
        assertThat(seen).isEqualTo(1);
        code(fails(() -> f.run(tx -> f.images.delete(tx, f.now, friend, List.of(a)))), 404, "InvalidImageId.NotFound");
        code(fails(() -> f.run(tx -> f.images.shareAccounts(tx, friend, a))), 404, "InvalidImageId.NotFound");
    }

    @Test
    void shareOperationMustBeShareOrUnShare() {
        String a = f.image();
        code(
                fails(() -> f.run(tx -> f.images.shareToEcs(tx, f.now, f.caller, a, "share"))),
                400,
                "InvalidParam.OperationIllegal");
    }

    @Test
    void imagesInCreationCannotBeDeletedOrShared() {
        try (DomainFixture slow = new DomainFixture(dir.resolve("slow"), 1000, Quotas.defaults())) {
            String server = slow.server();
            slow.now += 1000;
            String snap = slow.snapshot(server);
            code(fails(() -> slow.image(server, snap)), 400, "IncorrectSnapshotStatus");
            slow.now += 1000;
            String img = slow.image(server, snap);
            code(fails(() -> slow.deleteImages(img)), 400, "IncorrectImageStatus");
            code(
                    fails(() -> slow.run(tx -> slow.images.shareToEcs(tx, slow.now, slow.caller, img, "Share"))),
                    400,
                    "IncorrectImageStatus");
            slow.now += 1000;
            slow.deleteImages(img);
        }
    }

    @Test
    void createCustomImageChecksItsInputs() {
        String server = f.server();
        String snap = f.snapshot(server);
        String other = f.server();
        code(fails(() -> f.image("0123456789abcdef0123456789abcdef", snap)), 404, "InvalidInstanceId.NotFound");
        code(fails(() -> f.image(server, "s-missing")), 404, "InvalidSnapshotId.NotFound");
        code(fails(() -> f.image(other, snap)), 400, "InvalidParameter");
        code(fails(() -> f.image(server, null)), 400, "MissingSystemSnapshotId");
        code(
                fails(() -> f.run(tx -> f.images.create(
                        tx,
                        f.now,
                        f.caller,
                        new CustomImageService.CreateImage(server, "-bad", snap, null, null, null, List.of())))),
                400,
                "InvalidImageName");
        code(
                fails(() -> f.run(tx -> f.images.create(
                        tx,
                        f.now,
                        f.caller,
                        new CustomImageService.CreateImage(
                                server, "ok-name", snap, null, null, null, f.tag("aliyun:x", "v"))))),
                400,
                "InvalidParameter");
        assertThat(f.image(server, snap)).startsWith("m-");
        String cjk = f.tx(tx -> f.images.create(
                tx,
                f.now,
                f.caller,
                new CustomImageService.CreateImage(server, "镜像-one", snap, null, null, null, List.of())));
        assertThat(cjk).startsWith("m-");
    }

    @Test
    void customImageQuotaIsThreePerServerAtMostFifteen() {
        String server = f.server();
        String snap = f.snapshot(server);
        for (int i = 0; i < 3; i++) {
            f.image(server, snap);
        }
        ApiException e = fails(() -> f.image(server, snap));
        code(e, 400, "QuotaExceeded.CustomImage");
        f.servers(10);
        for (int i = 0; i < 12; i++) {
            f.image(server, snap);
        }
        code(fails(() -> f.image(server, snap)), 400, "QuotaExceeded.CustomImage");
    }

    @Test
    void quotasAreConfigurable() {
        try (DomainFixture free = new DomainFixture(dir.resolve("free"), 0, Quotas.unlimited())) {
            String server = free.server();
            String snap = free.snapshot(server);
            for (int i = 0; i < 20; i++) {
                free.image(server, snap);
            }
        }
        try (DomainFixture one =
                new DomainFixture(dir.resolve("one"), 0, Quotas.defaults().with("custom-images-per-account=1"))) {
            one.image();
            code(fails(one::image), 400, "QuotaExceeded.CustomImage");
        }
    }

    @Test
    void snapshotRules() {
        String server = f.server();
        String disk = f.systemDisk(server);
        code(
                fails(() -> f.run(tx -> f.snapshots.create(tx, f.now, f.caller, "d-missing", "snap", null, List.of()))),
                404,
                "InvalidDiskId.NotFound");
        code(
                fails(() -> f.run(tx -> f.snapshots.create(tx, f.now, f.caller, disk, "1bad", null, List.of()))),
                400,
                "InvalidSnapshotName");
        String s1 = f.snapshot(server);
        f.snapshot(server);
        f.snapshot(server);
        code(fails(() -> f.snapshot(server)), 400, "QuotaExceeded.Snapshot");
        String img = f.image(server, s1);
        code(fails(() -> f.run(tx -> f.snapshots.delete(tx, f.caller, List.of(s1)))), 400, "SnapshotInUse.CustomImage");
        code(
                fails(() -> f.run(tx -> f.snapshots.delete(tx, f.caller, List.of("s-missing")))),
                404,
                "InvalidSnapshotId.NotFound");
        f.deleteImages(img);
        f.run(tx -> f.snapshots.delete(tx, f.caller, List.of(s1)));
    }

    @Test
    void powerActionsFollowTheStateMachine() {
        try (DomainFixture slow = new DomainFixture(dir.resolve("power"), 1000, Quotas.defaults())) {
            String id = slow.server();
            code(
                    fails(() -> slow.run(tx ->
                            slow.instances.power(tx, slow.now, slow.caller, List.of(id), InstanceService.Power.STOP))),
                    403,
                    "IncorrectInstanceStatus");
            slow.now += 1000;
            slow.run(tx -> slow.instances.power(tx, slow.now, slow.caller, List.of(id), InstanceService.Power.STOP));
            assertThat(status(slow, id)).isEqualTo("Stopping");
            slow.now += 1000;
            assertThat(status(slow, id)).isEqualTo("Stopped");
            code(
                    fails(() -> slow.run(tx -> slow.instances.power(
                            tx, slow.now, slow.caller, List.of(id), InstanceService.Power.REBOOT))),
                    403,
                    "IncorrectInstanceStatus");
            slow.run(tx -> slow.instances.power(tx, slow.now, slow.caller, List.of(id), InstanceService.Power.START));
            assertThat(status(slow, id)).isEqualTo("Starting");
            code(
                    fails(() -> slow.run(tx -> slow.instances.power(
                            tx,
                            slow.now,
                            slow.caller,
                            List.of(id, "0123456789abcdef0123456789abcdef"),
                            InstanceService.Power.STOP))),
                    404,
                    "InvalidInstanceId.NotFound");
        }
    }

    private static String status(DomainFixture fx, String id) {
        return fx.tx(tx -> fx.instances.require(tx, fx.caller, id).status(fx.now));
    }

    @Test
    void createInstancesChecksPlanImageAndNumbers() {
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, "swas.nope", 1, 1, false, null, 0, null)))),
                404,
                "InvalidPlanId.NotFound");
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                "00000000000000000000000000000000", DomainFixture.PLAN, 1, 1, false, null, 0, null)))),
                404,
                "InvalidImageId.NotFound");
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, DomainFixture.PLAN, 2, 1, false, null, 0, null)))),
                400,
                "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, DomainFixture.PLAN, 1, 21, false, null, 0, null)))),
                400,
                "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, DomainFixture.PLAN, 1, 1, false, null, 30, null)))),
                400,
                "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.WINDOWS, "swas.s1.c1m1s40b3t05", 1, 1, false, null, 0, null)))),
                400,
                "InvalidImageId.NotSupported");
        code(
                fails(() -> f.run(tx -> f.instances.create(
                        tx,
                        f.now,
                        new Caller(ACCOUNT, "mars-1"),
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, DomainFixture.PLAN, 1, 1, false, null, 0, null)))),
                400,
                "InvalidRegionId");
        try (DomainFixture small =
                new DomainFixture(dir.resolve("q"), 0, Quotas.defaults().with("instances-per-region=2"))) {
            small.servers(2);
            code(fails(small::server), 400, "QuotaExceeded.Instance");
        }
    }

    @Test
    void resetSystemRules() {
        String a = f.server();
        String b = f.server();
        String imageOfA = f.image(a, f.snapshot(a));
        code(
                fails(() -> f.run(tx -> f.instances.reset(tx, f.now, f.caller, a, imageOfA, null))),
                400,
                "InvalidImageId.NotSupported");
        f.run(tx -> f.instances.reset(tx, f.now, f.caller, b, imageOfA, null));
        assertThat((String) f.tx(tx -> f.instances.require(tx, f.caller, b).imageId()))
                .isEqualTo(imageOfA);
        String other = f.image(a, f.snapshot(a));
        f.deleteImages(other);
        code(
                fails(() -> f.run(tx -> f.instances.reset(tx, f.now, f.caller, b, other, null))),
                404,
                "InvalidImageId.NotFound");
        assertThat((String) f.tx(tx -> f.instances.require(tx, f.caller, b).imageId()))
                .as("nothing changed")
                .isEqualTo(imageOfA);
        code(
                fails(() -> f.run(
                        tx -> f.instances.reset(tx, f.now, f.caller, "0123456789abcdef0123456789abcdef", null, null))),
                404,
                "InvalidInstanceId.NotFound");
        // Linux to Windows is refused outside mainland China, allowed inside
        Caller singapore = new Caller(ACCOUNT, "ap-southeast-1");
        String sg = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        singapore,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, "swas.s2.c2m4s60b5t12", 1, 1, false, null, 0, null)))
                .getFirst();
        code(
                fails(() -> f.run(tx -> f.instances.reset(tx, f.now, singapore, sg, DomainFixture.WINDOWS, null))),
                400,
                "InvalidImageId.NotSupported");
        String hz = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, "swas.s2.c2m4s60b5t12", 1, 1, false, null, 0, null)))
                .getFirst();
        f.run(tx -> f.instances.reset(tx, f.now, f.caller, hz, DomainFixture.WINDOWS, null));
    }

    @Test
    void passwordsFollowTheConsoleRule() {
        String a = f.server();
        code(
                fails(() -> f.run(tx -> f.instances.rename(tx, f.now, f.caller, a, null, "short1A"))),
                400,
                "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.instances.rename(tx, f.now, f.caller, a, null, "alllowercase1"))),
                400,
                "InvalidParameter");
        f.run(tx -> f.instances.rename(tx, f.now, f.caller, a, "web-01", "Str0ng-pass"));
        assertThat((String) f.tx(tx -> f.instances.require(tx, f.caller, a).instanceName()))
                .isEqualTo("web-01");
        code(
                fails(() -> f.run(tx -> f.instances.reset(tx, f.now, f.caller, a, null, "nope"))),
                400,
                "InvalidParameter");
        f.run(tx -> f.instances.reset(tx, f.now, f.caller, a, null, "Str0ng-pass"));
    }

    @Test
    void tagsRules() {
        String img = f.image();
        f.run(tx -> f.tags.tag(tx, f.caller, "customimage", List.of(img), f.tag("env", "prod")));
        code(
                fails(() ->
                        f.run(tx -> f.tags.tag(tx, f.caller, "customimage", List.of("m-missing"), f.tag("a", "b")))),
                404,
                "InvalidResourceId.NotFound");
        code(
                fails(() ->
                        f.run(tx -> f.tags.tag(tx, f.caller, "customimage", List.of(img), f.tag("acs:reserved", "b")))),
                400,
                "InvalidParameter");
        code(
                fails(() -> f.run(
                        tx -> f.tags.tag(tx, f.caller, "customimage", List.of(img), f.tag("k", "see https://x")))),
                400,
                "InvalidParameter");
        for (int i = 0; i < 19; i++) {
            int n = i;
            f.run(tx -> f.tags.tag(tx, f.caller, "customimage", List.of(img), f.tag("k" + n, "v")));
        }
        code(
                fails(() -> f.run(tx -> f.tags.tag(tx, f.caller, "customimage", List.of(img), f.tag("one-more", "v")))),
                400,
                "QuotaExceeded.Tag");
        var page = f.tx(tx -> f.tags.list(tx, f.caller, "customimage", List.of(img), null, null));
        assertThat(page.tags()).hasSize(20);
        f.run(tx -> f.tags.untag(tx, f.caller, "customimage", List.of(img), List.of("env"), false));
        assertThat(f.tx(tx -> f.tags.list(tx, f.caller, "customimage", null, f.tag("env", "prod"), null))
                        .tags())
                .isEmpty();
        f.run(tx -> f.tags.untag(tx, f.caller, "customimage", List.of(img), null, true));
        assertThat(f.tx(tx -> f.tags.list(tx, f.caller, "customimage", List.of(img), null, null))
                        .tags())
                .isEmpty();
    }

    @Test
    void transitionsFollowTheClockAndSurviveAReopen() {
        String url = DomainFixture.freshUrl(dir.resolve("reopen"));
        String id;
        long created;
        try (DomainFixture slow = new DomainFixture(url, 5000, Quotas.defaults())) {
            id = slow.server();
            created = slow.now;
            assertThat(status(slow, id)).isEqualTo("Pending");
        }
        try (DomainFixture again = new DomainFixture(url, 5000, Quotas.defaults())) {
            again.now = created + 4999;
            assertThat(status(again, id)).isEqualTo("Pending");
            again.now = created + 5000;
            assertThat(status(again, id)).isEqualTo("Running");
        }
    }
}
