package dev.swasd.ram;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the RAM API 2015-05-01 itself is authorized (ram-api.md 2.6): RAM action {@code ram:<Api>}
 * and the ARNs a request names. RAM is global, so the region slot is {@code *}; system policies
 * live under the literal account {@code system}. Actions naming two entities (membership,
 * attachment) give both ARNs, and both must be allowed.
 */
public final class RamApiBindings {
    public static final String PRODUCT = "ram";

    private static final Set<String> USERS = Set.of("CreateUser", "ListUsers");
    private static final Set<String> ONE_USER =
            Set.of("GetUser", "UpdateUser", "DeleteUser", "ListGroupsForUser", "ListPoliciesForUser");
    private static final Set<String> KEYS =
            Set.of("CreateAccessKey", "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey");
    private static final Set<String> GROUPS = Set.of("CreateGroup", "ListGroups");
    private static final Set<String> ONE_GROUP =
            Set.of("GetGroup", "DeleteGroup", "ListUsersForGroup", "ListPoliciesForGroup");
    private static final Set<String> CUSTOM_POLICY = Set.of(
            "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion");
    private static final Set<String> TYPED_POLICY =
            Set.of("GetPolicy", "GetPolicyVersion", "ListPolicyVersions", "ListEntitiesForPolicy");

    private RamApiBindings() {}

    /** Every RAM API action swasd authorizes. */
    public static Set<String> actions() {
        return Set.copyOf(concat(
                USERS,
                ONE_USER,
                KEYS,
                GROUPS,
                ONE_GROUP,
                CUSTOM_POLICY,
                TYPED_POLICY,
                Set.of(
                        "ListPolicies",
                        "AddUserToGroup",
                        "RemoveUserFromGroup",
                        "AttachPolicyToUser",
                        "DetachPolicyFromUser",
                        "AttachPolicyToGroup",
                        "DetachPolicyFromGroup",
                        "SimulatePrincipalPolicy")));
    }

    public static String ramAction(String api) {
        return PRODUCT + ":" + api;
    }

    /**
     * The ARNs a RAM API request is authorized on.
     *
     * @param params         the validated parameters
     * @param callerUserName the calling RAM user's name: the AccessKey actions without
     *                       {@code UserName} are about the caller itself
     * @throws IllegalArgumentException for an action of another API
     */
    public static List<String> resourceArns(
            String api, String accountId, Map<String, ?> params, String callerUserName) {
        String prefix = "acs:ram:*:" + accountId + ":";
        if (USERS.contains(api)) {
            return List.of(prefix + "user/*");
        }
        if (ONE_USER.contains(api)) {
            return List.of(prefix + "user/" + text(params, "UserName"));
        }
        if (KEYS.contains(api)) {
            Object named = params.get("UserName");
            return List.of(prefix + "user/" + (named != null ? named : callerUserName));
        }
        if (GROUPS.contains(api)) {
            return List.of(prefix + "group/*");
        }
        if (ONE_GROUP.contains(api)) {
            return List.of(prefix + "group/" + text(params, "GroupName"));
        }
        if (CUSTOM_POLICY.contains(api)) {
            return List.of(prefix + "policy/" + text(params, "PolicyName"));
        }
        if (TYPED_POLICY.contains(api)) {
            return List.of(policyArn(accountId, params));
        }
        return switch (api) {
            case "ListPolicies" -> List.of(prefix + "policy/*");
            case "AddUserToGroup" ->
                List.of(prefix + "group/" + text(params, "GroupName"), prefix + "user/" + text(params, "UserName"));
            case "RemoveUserFromGroup" ->
                List.of(prefix + "user/" + text(params, "UserName"), prefix + "group/" + text(params, "GroupName"));
            case "AttachPolicyToUser", "DetachPolicyFromUser" ->
                List.of(prefix + "user/" + text(params, "UserName"), policyArn(accountId, params));
            case "AttachPolicyToGroup", "DetachPolicyFromGroup" ->
                List.of(prefix + "group/" + text(params, "GroupName"), policyArn(accountId, params));
            // swasd's extension (ram-extensions.json): reading what a user's or group's policies allow
            // is reading that entity, so it is checked on the entity, as GetUser and GetGroup are
            case "SimulatePrincipalPolicy" ->
                List.of(prefix
                        + ("Group".equals(params.get("PrincipalType")) ? "group/" : "user/")
                        + text(params, "PrincipalName"));
            default -> throw new IllegalArgumentException("no RAM binding for ram action " + api);
        };
    }

    /** {@code acs:ram:*:<account>:policy/<name>}, or {@code acs:ram:*:system:policy/<name>} for System. */
    private static String policyArn(String accountId, Map<String, ?> params) {
        String owner = "System".equals(params.get("PolicyType")) ? "system" : accountId;
        return "acs:ram:*:" + owner + ":policy/" + text(params, "PolicyName");
    }

    private static String text(Map<String, ?> params, String name) {
        Object v = params.get(name);
        return v == null ? "*" : v.toString();
    }

    @SafeVarargs
    private static Set<String> concat(Set<String>... sets) {
        Set<String> out = new TreeSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return out;
    }
}
