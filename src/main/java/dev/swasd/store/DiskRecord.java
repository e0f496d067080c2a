package dev.swasd.store;

/** A disk of a server: {@code system} or {@code data}. */
public record DiskRecord(String diskId, String accountId, String regionId, String instanceId, String diskName,
        String diskType, String category, int sizeGib, String device, long createdAt, String resourceGroupId) {
}
