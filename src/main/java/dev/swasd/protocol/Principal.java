package dev.swasd.protocol;

/**
 * Who signed a request: the account's root identity, or one of its RAM users.
 *
 * @param userName null for the root identity
 */
public record Principal(String accountId, Kind kind, String userName, String accessKeyId) {
    public enum Kind {
        ROOT,
        USER
    }

    public boolean isRoot() {
        return kind == Kind.ROOT;
    }

    /** How the access log and error details name the caller. */
    public String displayName() {
        return isRoot() ? accountId : accountId + "/" + userName;
    }
}
