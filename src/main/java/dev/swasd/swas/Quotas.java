package dev.swasd.swas;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resource quotas, defaulting to the real service's (spec/swas-images.md section 6) and
 * configurable with {@code --quota NAME=VALUE}; {@code --quota unlimited} lifts them all.
 */
public record Quotas(
        long instancesPerRegion,
        long snapshotsPerInstance,
        long snapshotsPerServerInAccount,
        long snapshotsPerAccount,
        long customImagesPerServer,
        long customImagesPerAccount,
        long shareAccountsPerImage) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    public static Quotas defaults() {
        return new Quotas(50, 3, 3, 15, 3, 15, 50);
    }

    public static Quotas unlimited() {
        return new Quotas(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED);
    }

    /** The names operators use, with their values. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("instances-per-region", instancesPerRegion);
        m.put("snapshots-per-instance", snapshotsPerInstance);
        m.put("snapshots-per-server", snapshotsPerServerInAccount);
        m.put("snapshots-per-account", snapshotsPerAccount);
        m.put("custom-images-per-server", customImagesPerServer);
        m.put("custom-images-per-account", customImagesPerAccount);
        m.put("share-accounts-per-image", shareAccountsPerImage);
        return m;
    }

    /** Applies {@code unlimited} or {@code NAME=VALUE} (VALUE a non-negative integer or {@code unlimited}). */
    public Quotas with(String setting) {
        if (setting.equals("unlimited")) {
            return unlimited();
        }
        int eq = setting.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected NAME=VALUE or unlimited, got '" + setting + "'");
        }
        String name = setting.substring(0, eq).trim();
        String text = setting.substring(eq + 1).trim();
        long value;
        if (text.equals("unlimited")) {
            value = UNLIMITED;
        } else {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "quota " + name + " needs a whole number or unlimited, got '" + text + "'");
            }
            if (value < 0) {
                throw new IllegalArgumentException("quota " + name + " must not be negative");
            }
        }
        Map<String, Long> m = asMap();
        if (!m.containsKey(name)) {
            throw new IllegalArgumentException(
                    "unknown quota '" + name + "' (known: " + String.join(", ", m.keySet()) + ")");
        }
        m.put(name, value);
        return new Quotas(
                m.get("instances-per-region"),
                m.get("snapshots-per-instance"),
                m.get("snapshots-per-server"),
                m.get("snapshots-per-account"),
                m.get("custom-images-per-server"),
                m.get("custom-images-per-account"),
                m.get("share-accounts-per-image"));
    }

    /** {@code perServer × servers}, never above {@code cap}. */
    public static long scaled(long perServer, long servers, long cap) {
        if (perServer == UNLIMITED) {
            return cap;
        }
        long scaled = perServer * servers;
        return Math.min(scaled, cap);
    }
}
