package dev.swasd.store;

/**
 * A custom image row. {@code status} codes are the service's strings ("4" creating, "1"
 * available ...); see {@link #status(long)}. {@code deletedAt} set means soft-deleted.
 */
public record ImageRecord(
        String imageId,
        String accountId,
        String regionId,
        String imageName,
        String description,
        String instanceId,
        String instanceName,
        String systemSnapshotId,
        String systemSnapshotName,
        String dataSnapshotId,
        String dataSnapshotName,
        int systemDiskGib,
        int dataDiskGib,
        String platform,
        String sourceImageId,
        String sourceImageName,
        String sourceImageVersion,
        Transition state,
        boolean inShare,
        long createdAt,
        Long deletedAt,
        String resourceGroupId,
        long version) {

    public String status(long now) {
        return state.status(now);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
