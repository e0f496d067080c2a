package dev.swasd.store;

/** A disk snapshot row; see {@link #status(long)}. */
public record SnapshotRecord(
        String snapshotId,
        String accountId,
        String regionId,
        String instanceId,
        String diskId,
        String sourceDiskType,
        int diskSizeGib,
        String snapshotName,
        Transition state,
        long createdAt,
        String resourceGroupId,
        String remark) {

    public String status(long now) {
        return state.status(now);
    }
}
