package dev.swasd.store;

/**
 * A custom policy row.
 *
 * @param defaultVersion the number of the version in force ({@code 3} for {@code v3})
 * @param nextVersion    the number the next version will get; numbers are never reused
 */
public record RamPolicyRecord(
        String policyId,
        String accountId,
        String policyName,
        String description,
        int defaultVersion,
        int nextVersion,
        long createdAt,
        long updatedAt) {}
