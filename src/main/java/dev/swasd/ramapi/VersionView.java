package dev.swasd.ramapi;

/** One version of a policy as the RAM API shows it. */
public record VersionView(String versionId, boolean isDefault, String document, long createdAt) {}
