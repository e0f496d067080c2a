package dev.swasd.store;

import java.util.Locale;

/** RAM names are unique per account without regard to case; the store keys them lower-cased. */
final class RamNames {
    private RamNames() {}

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
