package dev.swasd.ram;

import java.util.Locale;

/**
 * RAM's access-level vocabulary for an action (ram.md section 8); {@code NONE} is the level the
 * StartTerminalSession page gives (shared/spec/swas-breadth.md section 5). The level does not
 * decide whether an action is authorized.
 */
public enum AccessLevel {
    CREATE,
    LIST,
    GET,
    UPDATE,
    DELETE,
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccessLevel fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
