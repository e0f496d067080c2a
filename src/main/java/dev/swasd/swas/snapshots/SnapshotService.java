package dev.swasd.swas.snapshots;

import dev.swasd.errors.ApiException;
import dev.swasd.store.DiskRecord;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.SnapshotRecord;
import dev.swasd.store.SnapshotRepository;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Quotas;
import dev.swasd.swas.Regions;
import dev.swasd.swas.Remarks;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.tags.TagRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Disk snapshots: taking, listing and deleting them, within the quotas. */
public final class SnapshotService {
    private static final SnapshotRepository ROWS = new SnapshotRepository();
    /** Snapshots of a server's disks, Progressing until Accomplished. */
    public static final ResourceType SNAPSHOT = new ResourceType(
            "snapshot",
            new IdFormat.Prefixed("s-", 20),
            (tx, c, id) -> ROWS.find(tx, c.accountId(), c.regionId(), id).isPresent(),
            SnapshotRepository.TRANSITIONS);
    /** 2-50 characters, starting with a letter (CJK allowed); letters, digits, : _ . - */
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\p{N}:_.\\-]{1,49}$");

    public static final String PROGRESSING = "Progressing";
    public static final String ACCOMPLISHED = "Accomplished";

    private final Regions regions;
    private final Quotas quotas;
    private final Lifecycle lifecycle;
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final ImageRepository images;
    private final TagRepository tags;

    public SnapshotService(
            Regions regions,
            Quotas quotas,
            Lifecycle lifecycle,
            InstanceRepository instances,
            SnapshotRepository snapshots,
            ImageRepository images,
            TagRepository tags) {
        this.regions = regions;
        this.quotas = quotas;
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.snapshots = snapshots;
        this.images = images;
        this.tags = tags;
    }

    public String create(
            Tx tx,
            long now,
            Caller caller,
            String diskId,
            String name,
            String resourceGroupId,
            List<Map<String, String>> tagList) {
        regions.require(caller.regionId());
        DiskRecord disk = instances
                .disk(tx, caller.accountId(), caller.regionId(), diskId)
                .orElseThrow(SwasErrors::diskNotFound);
        if (!NAME.matcher(name).matches() || name.toLowerCase(Locale.ROOT).startsWith("http")) {
            throw new ApiException(
                    400,
                    "InvalidSnapshotName",
                    "SnapshotName must be 2-50 characters, start with a letter and hold only letters, digits, "
                            + "colons, underscores, periods and hyphens.");
        }
        TagRules.checkForAttach(tagList);
        long perInstance = snapshots.countForInstance(tx, disk.instanceId());
        if (perInstance >= quotas.snapshotsPerInstance()) {
            throw SwasErrors.quotaExceeded(
                    "Snapshot", "A server may have at most " + quotas.snapshotsPerInstance() + " snapshots.");
        }
        long servers = instances.countInAccount(tx, caller.accountId());
        long accountCap = Quotas.scaled(quotas.snapshotsPerServerInAccount(), servers, quotas.snapshotsPerAccount());
        if (snapshots.countInAccount(tx, caller.accountId()) >= accountCap) {
            throw SwasErrors.quotaExceeded(
                    "Snapshot",
                    "The account may have at most " + accountCap + " snapshots (" + quotas.snapshotsPerServerInAccount()
                            + " per server, at most " + quotas.snapshotsPerAccount() + ").");
        }
        String id = SNAPSHOT.newId();
        snapshots.insert(
                tx,
                new SnapshotRecord(
                        id,
                        caller.accountId(),
                        caller.regionId(),
                        disk.instanceId(),
                        disk.diskId(),
                        disk.diskType(),
                        disk.sizeGib(),
                        name,
                        lifecycle.toward(PROGRESSING, ACCOMPLISHED, now),
                        now,
                        resourceGroupId,
                        ""));
        for (Map<String, String> t : tagList) {
            tags.put(tx, new TagRecord(caller.accountId(), "snapshot", id, t.get("Key"), t.getOrDefault("Value", "")));
        }
        return id;
    }

    public List<SnapshotRecord> all(Tx tx, Caller caller) {
        regions.require(caller.regionId());
        return snapshots.list(tx, caller.accountId(), caller.regionId());
    }

    public SnapshotRecord require(Tx tx, Caller caller, String snapshotId) {
        return snapshots
                .find(tx, caller.accountId(), caller.regionId(), snapshotId)
                .orElseThrow(SwasErrors::snapshotNotFound);
    }

    /** UpdateSnapshotAttribute: the snapshot's remark, shown by ListSnapshots; without one nothing changes. */
    public void setRemark(Tx tx, Caller caller, String snapshotId, String remark) {
        regions.require(caller.regionId());
        SnapshotRecord s = require(tx, caller, snapshotId);
        if (remark != null) {
            snapshots.updateRemark(tx, s.snapshotId(), Remarks.checked(remark));
        }
    }

    /**
     * Deletes every listed snapshot or none: each must exist and no live custom image may have
     * been made from it (docs/decisions.md).
     */
    public void delete(Tx tx, Caller caller, List<String> snapshotIds) {
        regions.require(caller.regionId());
        List<String> ids = List.copyOf(new LinkedHashSet<>(snapshotIds));
        for (String id : ids) {
            require(tx, caller, id);
            if (images.countLiveUsingSnapshot(tx, id) > 0) {
                throw SwasErrors.snapshotInUse();
            }
        }
        for (String id : ids) {
            snapshots.delete(tx, id);
            tags.removeAll(tx, "snapshot", id);
        }
    }
}
