package dev.swasd.swas.instances;

import dev.swasd.store.DiskRecord;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.SnapshotRecord;
import dev.swasd.store.SnapshotRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Regions;
import dev.swasd.swas.Remarks;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.snapshots.SnapshotService;
import java.util.List;

/**
 * A server's disks: adding a data disk (CreateDisk), rolling one back to a snapshot (ResetDisk) and
 * its remark (UpdateDiskAttribute).
 */
public final class DiskService {
    /** The smallest data disk CreateDisk makes, in GiB (docs/decisions.md); the catalog caps it at 16,384. */
    static final int MIN_DATA_DISK_GIB = 20;
    /** Data disks one server may have (docs/decisions.md). */
    static final int DATA_DISKS_PER_SERVER = 16;

    private final Regions regions;
    private final Lifecycle lifecycle;
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;

    public DiskService(
            Regions regions, Lifecycle lifecycle, InstanceRepository instances, SnapshotRepository snapshots) {
        this.regions = regions;
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.snapshots = snapshots;
    }

    public DiskRecord require(Tx tx, Caller caller, String diskId) {
        regions.require(caller.regionId());
        return instances.disk(tx, caller.accountId(), caller.regionId(), diskId).orElseThrow(SwasErrors::diskNotFound);
    }

    /**
     * ResetDisk: rolls the disk back to one of its own Accomplished snapshots taken since the server's
     * system was last reset. Only while the server is Stopped; the disk passes through ReIniting back to
     * In_use, and the server stays Stopped (it cannot be started meanwhile).
     */
    public void reset(Tx tx, long now, Caller caller, String diskId, String snapshotId) {
        DiskRecord disk = require(tx, caller, diskId);
        SnapshotRecord snapshot = snapshots
                .find(tx, caller.accountId(), caller.regionId(), snapshotId)
                .orElseThrow(SwasErrors::snapshotNotFound);
        InstanceRecord server = instances
                .find(tx, caller.accountId(), caller.regionId(), disk.instanceId())
                .orElseThrow(SwasErrors::instanceNotFound);
        if (!InstanceStatus.is(server.status(now), InstanceStatus.Stopped)) {
            throw SwasErrors.resetDiskNeedsStoppedServer();
        }
        if (!DiskStatus.In_use.name().equals(disk.status(now))) {
            throw SwasErrors.incorrectDiskStatus();
        }
        if (!snapshot.diskId().equals(disk.diskId())) {
            throw SwasErrors.invalidParam(
                    "SnapshotId", "the snapshot " + snapshotId + " is not of the disk " + diskId + ".");
        }
        if (!SnapshotService.ACCOMPLISHED.equals(snapshot.status(now))) {
            throw SwasErrors.incorrectSnapshotStatus();
        }
        if (server.lastResetAt() != null && snapshot.createdAt() < server.lastResetAt()) {
            throw SwasErrors.invalidParam(
                    "SnapshotId",
                    "the snapshot " + snapshotId + " was taken before the "
                            + "server's system was last reset, so it cannot roll the disk back.");
        }
        instances.updateDisk(
                tx, disk.withState(lifecycle.toward(DiskStatus.ReIniting.name(), DiskStatus.In_use.name(), now)));
    }

    /**
     * CreateDisk: a data disk of {@code sizeGib} on the server, of the plan's disk category, Creating
     * until the state delay passes, then In_use. The server must be Running or Stopped.
     */
    public String create(Tx tx, long now, Caller caller, InstanceRecord server, String category, long sizeGib) {
        if (sizeGib < MIN_DATA_DISK_GIB) {
            throw SwasErrors.invalidDiskSize(sizeGib);
        }
        String status = server.status(now);
        if (!InstanceStatus.is(status, InstanceStatus.Running) && !InstanceStatus.is(status, InstanceStatus.Stopped)) {
            throw SwasErrors.incorrectInstanceStatus();
        }
        List<DiskRecord> existing = instances.disksOf(tx, server.instanceId());
        long data = existing.stream().filter(d -> d.diskType().equals("data")).count();
        if (data >= DATA_DISKS_PER_SERVER) {
            throw SwasErrors.quotaExceeded(
                    "Disk",
                    "A server may have at most " + DATA_DISKS_PER_SERVER + " data disks; " + server.instanceId()
                            + " has " + data + ".");
        }
        String id = InstanceService.DISK.newId();
        // /dev/xvda is the system disk; data disks follow in order
        String device = "/dev/xvd" + (char) ('a' + existing.size());
        instances.insertDisk(
                tx,
                new DiskRecord(
                        id,
                        caller.accountId(),
                        caller.regionId(),
                        server.instanceId(),
                        "Data disk of " + server.instanceId().substring(0, 8),
                        "data",
                        category,
                        (int) sizeGib,
                        device,
                        now,
                        null,
                        lifecycle.toward(DiskStatus.Creating.name(), DiskStatus.In_use.name(), now),
                        ""));
        return id;
    }

    /** UpdateDiskAttribute: the disk's remark, shown by ListDisks and ListInstances. */
    public void setRemark(Tx tx, Caller caller, String diskId, String remark) {
        DiskRecord disk = require(tx, caller, diskId);
        instances.updateDisk(tx, disk.withRemark(Remarks.checked(remark)));
    }
}
