package dev.swasd.ramapi;

import dev.swasd.errors.ApiException;

/**
 * RAM's error catalogue (ram-api.md 1.6), messages reproduced exactly as documented, including
 * the service's own English.
 */
public final class RamErrors {
    private RamErrors() {}

    // ---- 400: parameters

    public static ApiException invalidChars(String parameter) {
        return new ApiException(
                400,
                "InvalidParameter." + parameter + ".InvalidChars",
                "The parameter - \"" + parameter + "\" contains invalid chars.");
    }

    public static ApiException length(String parameter) {
        return new ApiException(
                400,
                "InvalidParameter." + parameter + ".Length",
                "The parameter - \"" + parameter + "\" beyond the length limit.");
    }

    public static ApiException format(String parameter) {
        return new ApiException(
                400,
                "InvalidParameter." + parameter + ".Format",
                "The format of the parameter - \"" + parameter + "\" is incorrect.");
    }

    public static ApiException policyType() {
        return new ApiException(400, "InvalidParameter.PolicyType", "The parameter - \"PolicyType\" is incorrect.");
    }

    /** SimulatePrincipalPolicy's PrincipalType, neither User nor Group (RAM's pattern for PolicyType). */
    public static ApiException principalType() {
        return new ApiException(
                400, "InvalidParameter.PrincipalType", "The parameter - \"PrincipalType\" is incorrect.");
    }

    public static ApiException malformedPolicyDocument(String detail) {
        return new ApiException(400, "MalformedPolicyDocument", detail);
    }

    /** The gateway's generic text (protocol.md), for parameters RAM documents no own code for. */
    public static ApiException invalidParameter(String parameter, String why) {
        return new ApiException(
                400, "InvalidParameter", "The specified parameter \"" + parameter + "\" is not valid: " + why);
    }

    public static ApiException missingParameter(String parameter) {
        return new ApiException(400, "Missing" + parameter, parameter + " is mandatory for this action.");
    }

    // ---- 404: existence

    public static ApiException userNotExist() {
        return new ApiException(404, "EntityNotExist.User", "The user does not exist.");
    }

    public static ApiException userAccessKeyNotExist() {
        return new ApiException(404, "EntityNotExist.User.AccessKey", "The user access key does not exist.");
    }

    public static ApiException userPolicyNotExist() {
        return new ApiException(404, "EntityNotExist.User.Policy", "The indicate policy of the user does not exist.");
    }

    public static ApiException userGroupNotExist() {
        return new ApiException(404, "EntityNotExist.User.Group", "The user has not joined the group.");
    }

    public static ApiException groupNotExist() {
        return new ApiException(404, "EntityNotExist.Group", "The group does not exist.");
    }

    public static ApiException groupPolicyNotExist() {
        return new ApiException(
                404, "EntityNotExist.Group.Policy", "The indicate policy attached to the group does not exist.");
    }

    public static ApiException policyNotExist() {
        return new ApiException(404, "EntityNotExist.Policy", "The policy does not exist.");
    }

    public static ApiException policyVersionNotExist() {
        return new ApiException(404, "EntityNotExist.Policy.Version", "The policy version does not exist.");
    }

    // ---- 409: duplicates, conflicts, limits

    public static ApiException userExists() {
        return new ApiException(409, "EntityAlreadyExists.User", "The user does already EXIST.");
    }

    public static ApiException userGroupExists() {
        return new ApiException(409, "EntityAlreadyExists.User.Group", "The user has already joined the group.");
    }

    public static ApiException userPolicyExists() {
        return new ApiException(
                409, "EntityAlreadyExists.User.Policy", "The user has already been attached this policy.");
    }

    public static ApiException groupExists() {
        return new ApiException(409, "EntityAlreadyExists.Group", "The group does already EXIST.");
    }

    public static ApiException groupPolicyExists() {
        return new ApiException(
                409, "EntityAlreadyExists.Group.Policy", "The group has already been attached this policy.");
    }

    /** The documented text really says "group" (a copy error in RAM's catalogue, reproduced on purpose). */
    public static ApiException policyExists() {
        return new ApiException(409, "EntityAlreadyExists.Policy", "The group does already EXIST.");
    }

    public static ApiException deleteConflictUserGroup() {
        return new ApiException(
                409, "DeleteConflict.User.Group", "The user CAN NOT be in any group while deleting the user.");
    }

    public static ApiException deleteConflictUserAccessKey() {
        return new ApiException(
                409, "DeleteConflict.User.AccessKey", "The user CAN NOT has any access key while deleting the user.");
    }

    public static ApiException deleteConflictUserPolicy() {
        return new ApiException(
                409, "DeleteConflict.User.Policy", "The user CAN NOT has any attached policy while deleting the user.");
    }

    public static ApiException deleteConflictGroupUser() {
        return new ApiException(
                409, "DeleteConflict.Group.User", "The group CAN NOT has any user member while deleting the group.");
    }

    public static ApiException deleteConflictGroupPolicy() {
        return new ApiException(
                409,
                "DeleteConflict.Group.Policy",
                "The entity CAN NOT has any attached policy while deleting the group.");
    }

    public static ApiException deleteConflictPolicyUser() {
        return new ApiException(
                409,
                "DeleteConflict.Policy.User",
                "The policy CAN NOT been attached to any user while deleting the policy.");
    }

    public static ApiException deleteConflictPolicyGroup() {
        return new ApiException(
                409,
                "DeleteConflict.Policy.Group",
                "The policy CAN NOT been attached to any group while deleting the policy.");
    }

    public static ApiException deleteConflictPolicyVersion() {
        return new ApiException(
                409, "DeleteConflict.Policy.Version", "The policy CAN NOT has any version except the default version.");
    }

    public static ApiException deleteConflictDefaultVersion() {
        return new ApiException(
                409,
                "DeleteConflict.Policy.Version.Default",
                "The default policy version CAN NOT been deleted directly.");
    }

    public static ApiException limitUsers() {
        return new ApiException(409, "LimitExceeded.User", "The count of users beyond the current limits.");
    }

    public static ApiException limitUserAccessKeys() {
        return new ApiException(
                409,
                "LimitExceeded.User.AccessKey",
                "The access key count of the user access keys beyond the current limits.");
    }

    public static ApiException limitUserGroups() {
        return new ApiException(
                409,
                "LimitExceeded.User.Group",
                "The count of groups the target user joined beyond the current limits.");
    }

    public static ApiException limitUserPolicies() {
        return new ApiException(
                409,
                "LimitExceeded.User.Policy",
                "The policy count of the user attached policies beyond the current limits.");
    }

    public static ApiException limitGroups() {
        return new ApiException(409, "LimitExceeded.Group", "The count of groups beyond the current limits.");
    }

    public static ApiException limitGroupPolicies() {
        return new ApiException(
                409, "LimitExceeded.Group.Policy", "The policy count of the group beyond the current limits.");
    }

    public static ApiException limitPolicies() {
        return new ApiException(409, "LimitExceeded.Policy", "The count of policy beyond the current limits.");
    }

    public static ApiException limitPolicyVersions() {
        return new ApiException(
                409, "LimitExceeded.Policy.Version", "The count of policy version beyond the current limits.");
    }
}
