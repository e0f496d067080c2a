package dev.swasd.store;

/** An account a custom image is shared with. */
public record ShareRecord(String imageId, String targetAccountId, long sharedAt) {}
