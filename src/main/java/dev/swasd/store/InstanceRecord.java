package dev.swasd.store;

/**
 * A server row. Status is effective only through {@link #status(long)}: a due transition counts as done.
 *
 * @param lastResetAt epoch milliseconds of the last ResetSystem; null when the system was never re-installed
 * @param trafficUsed outbound traffic used this month, in bytes
 */
public record InstanceRecord(
        String instanceId,
        String accountId,
        String regionId,
        String instanceName,
        String planId,
        String imageId,
        Transition state,
        String chargeType,
        long createdAt,
        long expiredAt,
        String publicIp,
        String innerIp,
        String resourceGroupId,
        long version,
        Long lastResetAt,
        long trafficUsed) {

    public String status(long now) {
        return state.status(now);
    }

    public InstanceRecord withState(Transition next) {
        return new InstanceRecord(
                instanceId,
                accountId,
                regionId,
                instanceName,
                planId,
                imageId,
                next,
                chargeType,
                createdAt,
                expiredAt,
                publicIp,
                innerIp,
                resourceGroupId,
                version,
                lastResetAt,
                trafficUsed);
    }

    public InstanceRecord withName(String name) {
        return new InstanceRecord(
                instanceId,
                accountId,
                regionId,
                name,
                planId,
                imageId,
                state,
                chargeType,
                createdAt,
                expiredAt,
                publicIp,
                innerIp,
                resourceGroupId,
                version,
                lastResetAt,
                trafficUsed);
    }

    /** The server re-installed from {@code image} at {@code at} (ResetSystem). */
    public InstanceRecord withImage(String image, long at) {
        return new InstanceRecord(
                instanceId,
                accountId,
                regionId,
                instanceName,
                planId,
                image,
                state,
                chargeType,
                createdAt,
                expiredAt,
                publicIp,
                innerIp,
                resourceGroupId,
                version,
                at,
                trafficUsed);
    }

    public InstanceRecord withPlan(String plan) {
        return new InstanceRecord(
                instanceId,
                accountId,
                regionId,
                instanceName,
                plan,
                imageId,
                state,
                chargeType,
                createdAt,
                expiredAt,
                publicIp,
                innerIp,
                resourceGroupId,
                version,
                lastResetAt,
                trafficUsed);
    }

    public InstanceRecord withExpiry(long at) {
        return new InstanceRecord(
                instanceId,
                accountId,
                regionId,
                instanceName,
                planId,
                imageId,
                state,
                chargeType,
                createdAt,
                at,
                publicIp,
                innerIp,
                resourceGroupId,
                version,
                lastResetAt,
                trafficUsed);
    }

    public InstanceRecord withTrafficUsed(long bytes) {
        return new InstanceRecord(
                instanceId,
                accountId,
                regionId,
                instanceName,
                planId,
                imageId,
                state,
                chargeType,
                createdAt,
                expiredAt,
                publicIp,
                innerIp,
                resourceGroupId,
                version,
                lastResetAt,
                bytes);
    }
}
