package dev.swasd.ram;

import java.util.Arrays;
import java.util.Optional;

/** Who is calling, as far as authorization cares (ram.md section 1). */
public enum PrincipalType {
    /** The account's own AccessKey: always allowed, policies are never consulted. */
    ROOT_ACCOUNT("RootAccount", null),
    /** A RAM user: the policies attached to it and to its groups. */
    RAM_USER("RamUser", "SubUser"),
    /** An STS role session (later phase). */
    ASSUMED_ROLE("AssumedRole", "AssumedRoleUser");

    private final String wireName;
    private final String authPrincipalType;

    PrincipalType(String wireName, String authPrincipalType) {
        this.wireName = wireName;
        this.authPrincipalType = authPrincipalType;
    }

    /** The name used in case files ({@code "principalType": "RootAccount"}) and by the simulator. */
    public String wireName() {
        return wireName;
    }

    /** {@code AuthPrincipalType} of a denial's AccessDeniedDetail; null for the root account, which is never denied. */
    public String authPrincipalType() {
        return authPrincipalType;
    }

    public static Optional<PrincipalType> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
