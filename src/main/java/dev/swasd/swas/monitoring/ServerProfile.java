package dev.swasd.swas.monitoring;

/**
 * What a server's series are derived from: its id, its plan's memory, disk and bandwidth, when it was made,
 * and the outbound traffic of its current month (ListInstancesTrafficPackages' TrafficUsed plus
 * TrafficOverflow).
 */
public record ServerProfile(
        String instanceId,
        long memoryBytes,
        long diskBytes,
        long bandwidthBitsPerSecond,
        long flowQuotaBytes,
        long createdAt,
        long trafficUsedThisMonth) {}
