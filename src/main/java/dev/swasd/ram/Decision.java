package dev.swasd.ram;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome of authorizing one request. The wire names are RAM's: they appear as
 * {@code NoPermissionType} in a denial's {@code AccessDeniedDetail}.
 */
public enum Decision {
    ALLOW("Allow"),
    /** No applicable statement allows the request (the default). */
    IMPLICIT_DENY("ImplicitDeny"),
    /** An applicable Deny statement; nothing can override it. */
    EXPLICIT_DENY("ExplicitDeny");

    private final String wireName;

    Decision(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean allowed() {
        return this == ALLOW;
    }

    public static Optional<Decision> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}
