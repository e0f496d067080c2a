package dev.swasd.store;

/** A server row. Status is effective only through {@link #status(long)}: a due transition counts as done. */
public record InstanceRecord(String instanceId, String accountId, String regionId, String instanceName,
        String planId, String imageId, String storedStatus, String nextStatus, Long nextAt, String chargeType,
        long createdAt, long expiredAt, String publicIp, String innerIp, String resourceGroupId, long version) {

    public String status(long now) {
        return nextAt != null && now >= nextAt ? nextStatus : storedStatus;
    }

    public InstanceRecord withStatus(String status, String next, Long at) {
        return new InstanceRecord(instanceId, accountId, regionId, instanceName, planId, imageId, status, next, at,
                chargeType, createdAt, expiredAt, publicIp, innerIp, resourceGroupId, version);
    }
}
