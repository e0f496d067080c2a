package dev.swasd.ramapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RAM's per-account limits (ram-api.md 1.4); the defaults are the documented numbers, and each
 * can be changed with {@code --ram-limit NAME=VALUE}.
 */
public record RamLimits(
        int users,
        int groups,
        int groupsPerUser,
        int accessKeysPerUser,
        int customPolicies,
        int versionsPerPolicy,
        int systemPoliciesPerUser,
        int customPoliciesPerUser,
        int systemPoliciesPerGroup,
        int customPoliciesPerGroup) {

    public static RamLimits defaults() {
        return new RamLimits(1000, 50, 5, 2, 1500, 5, 20, 10, 20, 5);
    }

    /** The names operators use, with their values. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("users", users);
        m.put("groups", groups);
        m.put("groups-per-user", groupsPerUser);
        m.put("access-keys-per-user", accessKeysPerUser);
        m.put("policies", customPolicies);
        m.put("versions-per-policy", versionsPerPolicy);
        m.put("system-policies-per-user", systemPoliciesPerUser);
        m.put("custom-policies-per-user", customPoliciesPerUser);
        m.put("system-policies-per-group", systemPoliciesPerGroup);
        m.put("custom-policies-per-group", customPoliciesPerGroup);
        return m;
    }

    /**
     * Applies {@code NAME=VALUE}, VALUE a whole number from 1 (0 for the attachment limits).
     *
     * @throws IllegalArgumentException naming the bad setting
     */
    public RamLimits with(String setting) {
        int eq = setting.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected NAME=VALUE, got '" + setting + "'");
        }
        String name = setting.substring(0, eq).trim();
        String text = setting.substring(eq + 1).trim();
        Map<String, Integer> m = asMap();
        if (!m.containsKey(name)) {
            throw new IllegalArgumentException(
                    "unknown RAM limit '" + name + "' (known: " + String.join(", ", m.keySet()) + ")");
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RAM limit " + name + " needs a whole number, got '" + text + "'");
        }
        // a policy needs room for its one default version
        int least = name.contains("policies-per-") ? 0 : 1;
        if (value < least) {
            throw new IllegalArgumentException("RAM limit " + name + " must be at least " + least);
        }
        m.put(name, value);
        return new RamLimits(
                m.get("users"),
                m.get("groups"),
                m.get("groups-per-user"),
                m.get("access-keys-per-user"),
                m.get("policies"),
                m.get("versions-per-policy"),
                m.get("system-policies-per-user"),
                m.get("custom-policies-per-user"),
                m.get("system-policies-per-group"),
                m.get("custom-policies-per-group"));
    }
}
