package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.errors.ApiException;
import dev.swasd.store.DiskRecord;
import dev.swasd.store.InstanceRecord;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.regions.Plan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of plans and billing (UpgradeInstance, RenewInstance, ListInstancePlansModification,
 * ListInstancesTrafficPackages) and of disk and snapshot maintenance (ResetDisk, UpdateDiskAttribute,
 * UpdateSnapshotAttribute), and every error code they answer, on real SQLite with a hand-moved clock.
 */
class PlanAndDiskRulesTest {
    private static final long DELAY = 1000;
    private static final long GIB = 1L << 30;
    private static final String UNKNOWN_SERVER = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    DomainFixture f;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, DELAY, Quotas.defaults());
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A server of {@link DomainFixture#PLAN}, Running. */
    private String running() {
        String id = f.server();
        f.now += DELAY;
        return id;
    }

    private String stopped() {
        String id = running();
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(id), InstanceService.Power.STOP));
        f.now += DELAY;
        return id;
    }

    private InstanceRecord server(String id) {
        return f.tx(tx -> f.instances.require(tx, f.caller, id));
    }

    private String status(String id) {
        return server(id).status(f.now);
    }

    private DiskRecord disk(String diskId) {
        return f.tx(tx -> f.disks.require(tx, f.caller, diskId));
    }

    private void upgrade(String id, String plan) {
        f.run(tx -> f.instances.upgrade(tx, f.now, f.caller, id, plan));
    }

    private void resetDisk(String diskId, String snapshotId) {
        f.run(tx -> f.disks.reset(tx, f.now, f.caller, diskId, snapshotId));
    }

    /** An Accomplished snapshot of the server's system disk. */
    private String accomplishedSnapshot(String id) {
        String s = f.snapshot(id);
        f.now += DELAY;
        return s;
    }

    @Test
    void upgradeMovesARunningServerToALargerPlanThroughUpgrading() {
        String id = running();
        String disk = f.systemDisk(id);
        upgrade(id, "swas.s2.c2m4s60b5t12");
        assertThat(status(id)).isEqualTo("Upgrading");
        assertThat(server(id).planId()).isEqualTo("swas.s2.c2m4s60b5t12");
        assertThat(disk(disk).sizeGib())
                .as("the system disk takes the plan's size")
                .isEqualTo(60);
        code(fails(() -> upgrade(id, "swas.s2.c2m8s80b6t15")), 403, "IncorrectInstanceStatus");
        f.now += DELAY;
        assertThat(status(id)).isEqualTo("Running");
        upgrade(id, "swas.s2.c2m8s80b6t15");
        f.now += DELAY;
        assertThat(server(id).planId()).isEqualTo("swas.s2.c2m8s80b6t15");
        assertThat(disk(disk).sizeGib()).isEqualTo(80);
    }

    @Test
    void aStoppedServerMayBeUpgradedAndComesBackRunning() {
        String id = stopped();
        upgrade(id, "swas.s2.c2m2s50b4t10");
        assertThat(status(id)).isEqualTo("Upgrading");
        f.now += DELAY;
        assertThat(status(id)).isEqualTo("Running");
    }

    @Test
    void upgradeErrors() {
        String id = running();
        ApiException same = fails(() -> upgrade(id, DomainFixture.PLAN));
        code(same, 400, "InvalidPlanIdUpgrade.ValueNotSupported");
        assertThat(same.getMessage())
                .isEqualTo("The specification of the specified planId is lower than the current server specification.");
        code(fails(() -> upgrade(id, "swas.s2.c2m1s40b3t04")), 400, "InvalidPlanIdUpgrade.ValueNotSupported");
        code(fails(() -> upgrade(id, "swas.s1.c1m1s25b1t10")), 400, "InvalidPlanIdUpgrade.ValueNotSupported");
        ApiException plan = fails(() -> upgrade(id, "swas.nope"));
        code(plan, 404, "InvalidPlanId.NotFound");
        assertThat(plan.getMessage()).isEqualTo("The specified PlanId does not exist.");
        code(fails(() -> upgrade(UNKNOWN_SERVER, "swas.s2.c2m4s60b5t12")), 404, "InvalidInstanceId.NotFound");
        code(
                fails(() -> f.run(tx -> f.instances.upgrade(
                        tx, f.now, new Caller(DomainFixture.ACCOUNT, "cn-shanghai"), id, "swas.s2.c2m4s60b5t12"))),
                404,
                "InvalidInstanceId.NotFound");
        String pending = f.server();
        code(fails(() -> upgrade(pending, "swas.s2.c2m4s60b5t12")), 403, "IncorrectInstanceStatus");
        assertThat(server(id).planId()).as("nothing changed").isEqualTo(DomainFixture.PLAN);
    }

    @Test
    void plansModificationListsTheLargerPlansOfTheServersPlatform() {
        String id = running();
        List<String> larger = targets(id).stream().map(Plan::planId).toList();
        assertThat(larger)
                .containsExactly(
                        "swas.s2.c2m2s50b4t10",
                        "swas.s2.c2m4s60b5t12",
                        "swas.s2.c2m8s80b6t15",
                        "swas.s3.c4m8s80b8t20",
                        "swas.s3.c4m16s100b10t25",
                        "swas.s3.c8m32s160b12t30");
        String small = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, "swas.s1.c1m1s25b1t10", 1, 1, false, null, 0, null)))
                .getFirst();
        assertThat(targets(small))
                .extracting(Plan::planId)
                .contains("swas.s1.c1m1s40b3t05", "swas.s2.c2m1s40b3t04")
                .doesNotContain("swas.s1.c1m1s25b1t10");
        String biggest = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, "swas.s3.c8m32s160b12t30", 1, 1, false, null, 0, null)))
                .getFirst();
        assertThat(targets(biggest)).isEmpty();
        code(fails(() -> targets(UNKNOWN_SERVER)), 404, "InvalidInstanceId.NotFound");
    }

    private List<Plan> targets(String id) {
        return f.tx(tx -> f.instances.upgradeTargets(tx, f.caller, id));
    }

    @Test
    void renewMovesTheExpiryByWholeMonths() {
        String id = f.server();
        assertThat(Instant.ofEpochMilli(server(id).expiredAt())).isEqualTo(Instant.parse("2027-02-15T08:00:00Z"));
        f.run(tx -> f.instances.renew(tx, f.now, f.caller, id, 12));
        assertThat(Instant.ofEpochMilli(server(id).expiredAt())).isEqualTo(Instant.parse("2028-02-15T08:00:00Z"));
        f.run(tx -> f.instances.renew(tx, f.now, f.caller, id, 1));
        assertThat(Instant.ofEpochMilli(server(id).expiredAt())).isEqualTo(Instant.parse("2028-03-15T08:00:00Z"));
        assertThat(status(id)).as("no state change").isEqualTo("Pending");
        for (long bad : new long[] {0, 2, 5, 48, -1}) {
            ApiException e = fails(() -> f.run(tx -> f.instances.renew(tx, f.now, f.caller, id, bad)));
            code(e, 400, "InvalidPeriod.ValueNotSupported");
            assertThat(e.getMessage()).isEqualTo("The specified parameter Period is invalid.");
        }
        code(
                fails(() -> f.run(tx -> f.instances.renew(tx, f.now, f.caller, UNKNOWN_SERVER, 1))),
                404,
                "InvalidInstanceId.NotFound");
        assertThat(Instant.ofEpochMilli(server(id).expiredAt())).isEqualTo(Instant.parse("2028-03-15T08:00:00Z"));
    }

    @Test
    void trafficPackagesComeFromThePlanAndTheUsedTraffic() {
        String a = running();
        String b = running();
        List<InstanceService.TrafficUsage> fresh =
                f.tx(tx -> f.instances.traffic(tx, f.caller, List.of(b, UNKNOWN_SERVER, a, b)));
        assertThat(fresh)
                .as("unknown ids left out, order kept, duplicates once")
                .containsExactly(
                        new InstanceService.TrafficUsage(b, 800 * GIB, 0, 800 * GIB, 0),
                        new InstanceService.TrafficUsage(a, 800 * GIB, 0, 800 * GIB, 0));
        f.run(tx -> f.instances.setTrafficUsed(tx, f.caller, a, 100 * GIB));
        assertThat(usage(a)).isEqualTo(new InstanceService.TrafficUsage(a, 800 * GIB, 100 * GIB, 700 * GIB, 0));
        f.run(tx -> f.instances.setTrafficUsed(tx, f.caller, a, 900 * GIB + 5));
        InstanceService.TrafficUsage over = usage(a);
        assertThat(over).isEqualTo(new InstanceService.TrafficUsage(a, 800 * GIB, 800 * GIB, 0, 100 * GIB + 5));
        assertThat(over.total()).isEqualTo(over.used() + over.remaining());
        upgrade(a, "swas.s2.c2m4s60b5t12");
        assertThat(usage(a))
                .as("a larger plan has a larger package")
                .isEqualTo(new InstanceService.TrafficUsage(a, 1200 * GIB, 900 * GIB + 5, 300 * GIB - 5, 0));
        code(fails(() -> f.run(tx -> f.instances.setTrafficUsed(tx, f.caller, a, -1))), 400, "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.instances.setTrafficUsed(tx, f.caller, UNKNOWN_SERVER, 1))),
                404,
                "InvalidInstanceId.NotFound");
    }

    private InstanceService.TrafficUsage usage(String id) {
        return f.tx(tx -> f.instances.traffic(tx, f.caller, List.of(id))).getFirst();
    }

    @Test
    void resetDiskRollsBackAStoppedServersDiskThroughReIniting() {
        String id = running();
        String disk = f.systemDisk(id);
        String snap = accomplishedSnapshot(id);
        ApiException running = fails(() -> resetDisk(disk, snap));
        code(running, 403, "IncorrectInstanceStatus.ResetDisk");
        assertThat(running.getMessage())
                .isEqualTo("Rolling back the disk requires the instance to operate in a stopped state.");
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(id), InstanceService.Power.STOP));
        code(fails(() -> resetDisk(disk, snap)), 403, "IncorrectInstanceStatus.ResetDisk");
        f.now += DELAY;
        resetDisk(disk, snap);
        assertThat(disk(disk).status(f.now)).isEqualTo("ReIniting");
        assertThat(status(id)).isEqualTo("Stopped");
        code(fails(() -> resetDisk(disk, snap)), 403, "IncorrectDiskStatus");
        code(
                fails(() ->
                        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(id), InstanceService.Power.START))),
                403,
                "IncorrectInstanceStatus");
        code(fails(() -> upgrade(id, "swas.s2.c2m4s60b5t12")), 403, "IncorrectInstanceStatus");
        code(
                fails(() -> f.run(tx -> f.instances.reset(tx, f.now, f.caller, id, null, null))),
                403,
                "IncorrectInstanceStatus");
        f.now += DELAY;
        assertThat(disk(disk).status(f.now)).isEqualTo("In_use");
        assertThat(status(id)).as("the server stays Stopped").isEqualTo("Stopped");
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(id), InstanceService.Power.START));
    }

    @Test
    void resetDiskChecksTheDiskAndTheSnapshot() {
        String id = stopped();
        String disk = f.systemDisk(id);
        String other = running();
        String otherSnap = accomplishedSnapshot(other);
        code(fails(() -> resetDisk("d-missing", otherSnap)), 404, "InvalidDiskId.NotFound");
        ApiException none = fails(() -> resetDisk(disk, "s-missing"));
        code(none, 404, "InvalidSnapshotId.NotFound");
        assertThat(none.getMessage()).isEqualTo("The specified SnapshotId does not exist.");
        ApiException foreign = fails(() -> resetDisk(disk, otherSnap));
        code(foreign, 400, "InvalidParameter");
        assertThat(foreign.getMessage()).contains("SnapshotId");
        String progressing = f.snapshot(id);
        code(fails(() -> resetDisk(disk, progressing)), 400, "IncorrectSnapshotStatus");
        f.now += DELAY;
        Caller elsewhere = new Caller(DomainFixture.ACCOUNT, "cn-shanghai");
        code(
                fails(() -> f.run(tx -> f.disks.reset(tx, f.now, elsewhere, disk, progressing))),
                404,
                "InvalidDiskId.NotFound");
        resetDisk(disk, progressing);
    }

    @Test
    void aSnapshotTakenBeforeTheLastSystemResetCannotRollBack() {
        String id = stopped();
        String disk = f.systemDisk(id);
        String before = accomplishedSnapshot(id);
        f.run(tx -> f.instances.reset(tx, f.now, f.caller, id, null, null));
        f.now += DELAY;
        String after = accomplishedSnapshot(id);
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(id), InstanceService.Power.STOP));
        f.now += DELAY;
        ApiException old = fails(() -> resetDisk(disk, before));
        code(old, 400, "InvalidParameter");
        assertThat(old.getMessage()).contains("SnapshotId").contains("reset");
        resetDisk(disk, after);
    }

    @Test
    void remarksOfDisksAndSnapshots() {
        String id = running();
        String disk = f.systemDisk(id);
        assertThat(disk(disk).remark()).isEmpty();
        f.run(tx -> f.disks.setRemark(tx, f.caller, disk, "system disk of web-01"));
        assertThat(disk(disk).remark()).isEqualTo("system disk of web-01");
        code(fails(() -> f.run(tx -> f.disks.setRemark(tx, f.caller, disk, "x".repeat(257)))), 400, "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.disks.setRemark(tx, f.caller, "d-missing", "x"))),
                404,
                "InvalidDiskId.NotFound");
        String snap = f.snapshot(id);
        f.run(tx -> f.snapshots.setRemark(tx, f.caller, snap, "before the upgrade"));
        f.run(tx -> f.snapshots.setRemark(tx, f.caller, snap, null));
        assertThat(f.tx(tx -> f.snapshots.require(tx, f.caller, snap)).remark()).isEqualTo("before the upgrade");
        code(
                fails(() -> f.run(tx -> f.snapshots.setRemark(tx, f.caller, snap, "x".repeat(257)))),
                400,
                "InvalidParameter");
        code(
                fails(() -> f.run(tx -> f.snapshots.setRemark(tx, f.caller, "s-missing", "x"))),
                404,
                "InvalidSnapshotId.NotFound");
    }

    private String createDisk(String id, long gib) {
        return f.tx(tx -> {
            InstanceRecord server = f.instances.require(tx, f.caller, id);
            return f.disks.create(tx, f.now, f.caller, server, f.instances.diskCategory(server), gib);
        });
    }

    @Test
    void createDiskAddsADataDiskThatIsCreatingThenInUse() {
        String id = running();
        String diskId = createDisk(id, 40);
        DiskRecord d = disk(diskId);
        assertThat(d.diskId()).matches("d-[a-z0-9]{20}");
        assertThat(d.diskType()).isEqualTo("data");
        assertThat(d.sizeGib()).isEqualTo(40);
        assertThat(d.instanceId()).isEqualTo(id);
        assertThat(d.device()).isEqualTo("/dev/xvdb");
        assertThat(d.status(f.now)).isEqualTo("Creating");
        f.now += DELAY;
        assertThat(disk(diskId).status(f.now)).isEqualTo("In_use");
        assertThat(disk(createDisk(id, 20)).device()).as("the next device").isEqualTo("/dev/xvdc");
        assertThat(disk(createDisk(stopped(), 16384)).sizeGib())
                .as("a Stopped server takes one too")
                .isEqualTo(16384);
    }

    @Test
    void createDiskRefusesWhatItCannotMake() {
        String id = running();
        DomainRulesTest.code(DomainRulesTest.fails(() -> createDisk(id, 19)), 400, "InvalidDiskSize.ValueNotSupported");
        String pending = f.server();
        DomainRulesTest.code(DomainRulesTest.fails(() -> createDisk(pending, 40)), 403, "IncorrectInstanceStatus");
        DomainRulesTest.code(
                DomainRulesTest.fails(() -> createDisk(UNKNOWN_SERVER, 40)), 404, "InvalidInstanceId.NotFound");
        for (int i = 0; i < 16; i++) {
            createDisk(id, 20);
        }
        DomainRulesTest.code(DomainRulesTest.fails(() -> createDisk(id, 20)), 400, "QuotaExceeded.Disk");
    }
}
