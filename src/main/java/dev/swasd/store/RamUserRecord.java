package dev.swasd.store;

/**
 * A RAM user row. Optional text fields are null when never set.
 *
 * @param userId a 16-digit numeric string that never changes, not even on rename
 */
public record RamUserRecord(
        String userId,
        String accountId,
        String userName,
        String displayName,
        String email,
        String mobilePhone,
        String comments,
        long createdAt,
        long updatedAt) {}
