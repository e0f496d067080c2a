package dev.swasd.ram;

import java.util.Arrays;

/** How an action is authorized. */
public enum AuthorizationScope {
    /** Checked on the ARNs its parameters name (one per id). */
    RESOURCE_LEVEL("resource"),
    /** No resource-level permission: checked on the single request resource {@code "*"}. */
    ALL_RESOURCES("all-resources"),
    /** Not authorized at all; the authorize stage lets every authenticated caller through. */
    NONE("none");

    private final String wireName;

    AuthorizationScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static AuthorizationScope fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown authorization " + name));
    }
}
