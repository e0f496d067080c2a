package dev.swasd.store;

/** One tag on one resource. */
public record TagRecord(String accountId, String resourceType, String resourceId, String key, String value) {}
