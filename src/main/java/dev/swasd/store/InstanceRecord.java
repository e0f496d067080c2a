package dev.swasd.store;

/** A server row. Status is effective only through {@link #status(long)}: a due transition counts as done. */
public record InstanceRecord(String instanceId, String accountId, String regionId, String instanceName,
        String planId, String imageId, Transition state, String chargeType, long createdAt, long expiredAt,
        String publicIp, String innerIp, String resourceGroupId, long version) {

    public String status(long now) {
        return state.status(now);
    }

    public InstanceRecord withState(Transition next) {
        return new InstanceRecord(instanceId, accountId, regionId, instanceName, planId, imageId, next, chargeType,
                createdAt, expiredAt, publicIp, innerIp, resourceGroupId, version);
    }
}
