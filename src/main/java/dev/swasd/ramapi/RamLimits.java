package dev.swasd.ramapi;

/**
 * RAM's per-account limits (ram-api.md 1.4); the defaults are the documented numbers.
 */
public record RamLimits(int users, int groups, int groupsPerUser, int accessKeysPerUser, int customPolicies,
        int versionsPerPolicy, int systemPoliciesPerUser, int customPoliciesPerUser, int systemPoliciesPerGroup,
        int customPoliciesPerGroup) {

    public static RamLimits defaults() {
        return new RamLimits(1000, 50, 5, 2, 1500, 5, 20, 10, 20, 5);
    }
}
