package dev.swasd.store;

/**
 * A policy attached to a user or a group.
 *
 * @param principalType {@link #USER} or {@link #GROUP}
 * @param principalId   the user id or group id
 * @param policyType    {@link #SYSTEM} or {@link #CUSTOM}
 * @param policyName    the policy's name as it was when attached
 */
public record RamAttachmentRecord(
        String accountId,
        String principalType,
        String principalId,
        String policyType,
        String policyName,
        long attachedAt) {
    public static final String USER = "User";
    public static final String GROUP = "Group";
    public static final String SYSTEM = "System";
    public static final String CUSTOM = "Custom";
}
