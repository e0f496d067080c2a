package dev.swasd.store;

/** A RAM user group row; {@code comments} is null when never set. */
public record RamGroupRecord(
        String groupId, String accountId, String groupName, String comments, long createdAt, long updatedAt) {}
