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

/** A server's disks: rolling one back to a snapshot (ResetDisk) and its remark (UpdateDiskAttribute). */
public final class DiskService {
    private final Regions regions;
    private final Lifecycle lifecycle;
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;

    public DiskService(Regions regions, Lifecycle lifecycle, InstanceRepository instances,
            SnapshotRepository snapshots) {
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
        SnapshotRecord snapshot = snapshots.find(tx, caller.accountId(), caller.regionId(), snapshotId)
                .orElseThrow(SwasErrors::snapshotNotFound);
        InstanceRecord server = instances.find(tx, caller.accountId(), caller.regionId(), disk.instanceId())
                .orElseThrow(SwasErrors::instanceNotFound);
        if (!InstanceStatus.is(server.status(now), InstanceStatus.Stopped)) {
            throw SwasErrors.resetDiskNeedsStoppedServer();
        }
        if (!DiskStatus.In_use.name().equals(disk.status(now))) {
            throw SwasErrors.incorrectDiskStatus();
        }
        if (!snapshot.diskId().equals(disk.diskId())) {
            throw SwasErrors.invalidParam("SnapshotId", "the snapshot " + snapshotId + " is not of the disk " + diskId
                    + ".");
        }
        if (!SnapshotService.ACCOMPLISHED.equals(snapshot.status(now))) {
            throw SwasErrors.incorrectSnapshotStatus();
        }
        if (server.lastResetAt() != null && snapshot.createdAt() < server.lastResetAt()) {
            throw SwasErrors.invalidParam("SnapshotId", "the snapshot " + snapshotId + " was taken before the "
                    + "server's system was last reset, so it cannot roll the disk back.");
        }
        instances.updateDisk(tx, disk.withState(lifecycle.toward(DiskStatus.ReIniting.name(),
                DiskStatus.In_use.name(), now)));
    }

    /** UpdateDiskAttribute: the disk's remark, shown by ListDisks and ListInstances. */
    public void setRemark(Tx tx, Caller caller, String diskId, String remark) {
        DiskRecord disk = require(tx, caller, diskId);
        instances.updateDisk(tx, disk.withRemark(Remarks.checked(remark)));
    }
}
