package dev.swasd.store;

/**
 * An AccessKey row, secret still encrypted.
 *
 * @param userName null for a root key
 */
public record AccessKeyRecord(
        String accessKeyId,
        String accountId,
        String userName,
        String secretCipher,
        String status,
        String securityToken,
        Long expiresAtMillis,
        long createdAtMillis) {

    public static final String ACTIVE = "Active";
    public static final String INACTIVE = "Inactive";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
