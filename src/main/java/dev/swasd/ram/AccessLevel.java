package dev.swasd.ram;

import java.util.Locale;

/** RAM's access-level vocabulary for an action (ram.md section 8). */
public enum AccessLevel {
    CREATE, LIST, GET, UPDATE, DELETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccessLevel fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
