package dev.swasd.swas;

import dev.swasd.errors.ApiException;

/**
 * The business errors of the swas-open actions. Codes, statuses and messages marked [doc] in
 * spec/swas-images.md are the service's own; the rest are our documented choices (docs/decisions.md).
 */
public final class SwasErrors {
    private SwasErrors() {}

    public static ApiException imageNotFound() {
        return new ApiException(404, "InvalidImageId.NotFound", "The specified ImageId does not exist.");
    }

    public static ApiException imageInShare() {
        return new ApiException(
                400, "CustomImageInShare", "The custom image is in sharing,please unshare first then to retry.");
    }

    public static ApiException incorrectImageStatus(String imageId) {
        return new ApiException(
                400,
                "IncorrectImageStatus",
                "The current status of the custom image " + imageId + " does not support this operation.");
    }

    public static ApiException operationIllegal() {
        return new ApiException(400, "InvalidParam.OperationIllegal", "The specified parameter operation is illegal.");
    }

    public static ApiException instanceNotFound() {
        return new ApiException(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
    }

    public static ApiException incorrectInstanceStatus() {
        return new ApiException(
                403, "IncorrectInstanceStatus", "The state of the current instance does not support this operation.");
    }

    public static ApiException snapshotNotFound() {
        return new ApiException(404, "InvalidSnapshotId.NotFound", "The specified SnapshotId does not exist.");
    }

    public static ApiException incorrectSnapshotStatus() {
        return new ApiException(
                400,
                "IncorrectSnapshotStatus",
                "The snapshot is not in the Accomplished state, so it cannot be used yet.");
    }

    public static ApiException snapshotInUse() {
        return new ApiException(
                400,
                "SnapshotInUse.CustomImage",
                "A custom image was made from this snapshot; delete the custom image first.");
    }

    public static ApiException diskNotFound() {
        return new ApiException(404, "InvalidDiskId.NotFound", "The specified DiskId does not exist.");
    }

    public static ApiException planNotFound() {
        return new ApiException(404, "InvalidPlanId.NotFound", "The specified PlanId does not exist.");
    }

    /** [doc] UpgradeInstance to a plan that is not larger than the server's. */
    public static ApiException planNotAnUpgrade() {
        return new ApiException(
                400,
                "InvalidPlanIdUpgrade.ValueNotSupported",
                "The specification of the specified planId is lower than the current server specification.");
    }

    /** UpgradeInstance to a larger plan that does not support the server's platform (docs/decisions.md). */
    public static ApiException planNotForPlatform(String planId, String platform) {
        return new ApiException(
                400,
                "InvalidPlanIdUpgrade.ValueNotSupported",
                "The plan " + planId + " does not support " + platform + " images, which the server runs.");
    }

    /** [doc] RenewInstance with a Period other than 1, 3, 6, 12, 24 or 36. */
    public static ApiException invalidPeriod() {
        return new ApiException(400, "InvalidPeriod.ValueNotSupported", "The specified parameter Period is invalid.");
    }

    /** [doc] ResetDisk while the disk's server is not Stopped. */
    public static ApiException resetDiskNeedsStoppedServer() {
        return new ApiException(
                403,
                "IncorrectInstanceStatus.ResetDisk",
                "Rolling back the disk requires the instance to operate in a stopped state.");
    }

    /** A disk already being rolled back (docs/decisions.md). */
    public static ApiException incorrectDiskStatus() {
        return new ApiException(
                403, "IncorrectDiskStatus", "The current status of the disk does not support this operation.");
    }

    public static ApiException invalidParam(String name, String why) {
        return new ApiException(
                400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid: " + why);
    }

    /** Our code in the service's pattern for a data disk size CreateDisk cannot make (docs/decisions.md). */
    public static ApiException invalidDiskSize(long gib) {
        return new ApiException(
                400,
                "InvalidDiskSize.ValueNotSupported",
                "The specified parameter DiskSize is invalid: a data disk is 20 to 16384 GB, got " + gib + ".");
    }

    public static ApiException quotaExceeded(String what, String detail) {
        return new ApiException(400, "QuotaExceeded." + what, detail);
    }

    public static ApiException imageNotUsable(String why) {
        return new ApiException(400, "InvalidImageId.NotSupported", why);
    }

    public static ApiException idempotentMismatch() {
        return new ApiException(400, "IdempotentParameterMismatch", "The request is retried with updated parameters.");
    }

    public static ApiException resourceNotFound(String type, String id) {
        return new ApiException(
                404, "InvalidResourceId.NotFound", "The specified " + type + " resource " + id + " does not exist.");
    }

    public static ApiException invalidProtocol() {
        return new ApiException(
                400, "InvalidProtocol.ValueNotSupported", "The specified parameter Protocol is invalid.");
    }

    public static ApiException invalidPort() {
        return new ApiException(400, "InvalidPort.ValueNotSupported", "The specified parameter Port is invalid.");
    }

    public static ApiException invalidSourceCidrIp() {
        return new ApiException(
                400, "InvalidSourceCidrIp.ValueNotSupported", "The specified parameter SourceCidrIp is invalid.");
    }

    public static ApiException firewallRuleLimitExceeded() {
        return new ApiException(
                403, "FirewallRuleLimitExceed", "The maximum number of firewall rules in an instance is exceeded.");
    }

    public static ApiException firewallRuleExists() {
        return new ApiException(403, "FirewallRuleAlreadyExist", "The specified Rule already exist");
    }

    public static ApiException firewallRuleNotFound() {
        return new ApiException(404, "InvalidFirewallRuleId.NotFound", "The specified FirewallRuleId does not exist.");
    }

    public static ApiException keyPairNameMalformed() {
        return new ApiException(400, "InvalidKeyPairName.Malformed", "Specified Key Pair name is not valid.");
    }

    public static ApiException keyPairExists() {
        return new ApiException(400, "KeyPair.AlreadyExist", "The key pair already exist.");
    }

    public static ApiException keyPairQuotaExceeded() {
        return new ApiException(403, "QuotaExceed.KeyPair", "The key pair quota exceeds.");
    }

    public static ApiException publicKeyMalformed() {
        return new ApiException(400, "InvalidPublicKeyBody.Malformed", "The PublicKeyBody format is not supported.");
    }

    public static ApiException keyPairNotFound() {
        return new ApiException(
                404, "InvalidKeyPairName.NotFound", "The specified KeyPairName does not exist in our records.");
    }

    public static ApiException keyPairAttached() {
        return new ApiException(
                400,
                "InvalidParameter.KeypairAlreadyAttachedInstance",
                "The specified keyPair attached to instances can not be deleted.");
    }

    public static ApiException keyPairNotAttached() {
        return new ApiException(
                400, "InvalidKeyPairName.NotAttached", "The specified key pair is not attached to the instance.");
    }

    public static ApiException windowsInstance() {
        return new ApiException(
                403,
                "DependencyViolation.WindowsInstance",
                "The instance creating is windows, cannot use ssh key pair to login");
    }

    public static ApiException firewallTemplateNotFound() {
        return new ApiException(
                404, "InvalidFirewallTemplateId.NotFound", "The specified FirewallTemplateId does not exist.");
    }

    public static ApiException firewallTemplateRuleNotFound() {
        return new ApiException(
                404, "InvalidFirewallTemplateRuleId.NotFound", "The specified FirewallTemplateRuleId does not exist.");
    }

    public static ApiException firewallTemplateTaskNotFound() {
        return new ApiException(404, "InvalidTaskId.NotFound", "The specified TaskId does not exist.");
    }

    public static ApiException invalidVncPassword() {
        return new ApiException(
                400, "InvalidPassword.ValueNotSupported", "The specified parameter Password is invalid.");
    }

    // ---- Cloud Assistant commands (swas.commands): codes in the service's pattern (docs/decisions.md)

    public static ApiException commandNotFound() {
        return new ApiException(404, "InvalidCommandId.NotFound", "The specified CommandId does not exist.");
    }

    public static ApiException invokeNotFound() {
        return new ApiException(404, "InvalidInvokeId.NotFound", "The specified InvokeId does not exist.");
    }
}
