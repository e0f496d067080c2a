package dev.swasd.store;

/** One version of a custom policy, with its document exactly as given. */
public record RamPolicyVersionRecord(String policyId, int versionNumber, String document, long createdAt) {}
