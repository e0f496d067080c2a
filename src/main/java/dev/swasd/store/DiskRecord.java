package dev.swasd.store;

/**
 * A disk of a server: {@code system} or {@code data}. Its status is effective only through
 * {@link #status(long)}: {@code In_use}, or {@code ReIniting} while it is rolled back to a snapshot.
 */
public record DiskRecord(
        String diskId,
        String accountId,
        String regionId,
        String instanceId,
        String diskName,
        String diskType,
        String category,
        int sizeGib,
        String device,
        long createdAt,
        String resourceGroupId,
        Transition state,
        String remark) {

    public String status(long now) {
        return state.status(now);
    }

    public DiskRecord withState(Transition next) {
        return new DiskRecord(
                diskId,
                accountId,
                regionId,
                instanceId,
                diskName,
                diskType,
                category,
                sizeGib,
                device,
                createdAt,
                resourceGroupId,
                next,
                remark);
    }

    public DiskRecord withRemark(String text) {
        return new DiskRecord(
                diskId,
                accountId,
                regionId,
                instanceId,
                diskName,
                diskType,
                category,
                sizeGib,
                device,
                createdAt,
                resourceGroupId,
                state,
                text);
    }

    /** The disk after its server moved to a plan: this size and category. */
    public DiskRecord withSpec(int gib, String diskCategory) {
        return new DiskRecord(
                diskId,
                accountId,
                regionId,
                instanceId,
                diskName,
                diskType,
                diskCategory,
                gib,
                device,
                createdAt,
                resourceGroupId,
                state,
                remark);
    }
}
