package dev.swasd.swas;

/**
 * The business errors of the swas-open actions. Codes, statuses and messages marked [doc] in
 * spec/swas-images.md are the service's own; the rest are our documented choices (docs/decisions.md).
 */
public final class SwasErrors {
    private SwasErrors() {
    }

    public static DomainException imageNotFound() {
        return new DomainException(404, "InvalidImageId.NotFound", "The specified ImageId does not exist.");
    }

    public static DomainException imageInShare() {
        return new DomainException(400, "CustomImageInShare",
                "The custom image is in sharing,please unshare first then to retry.");
    }

    public static DomainException incorrectImageStatus(String imageId) {
        return new DomainException(400, "IncorrectImageStatus",
                "The current status of the custom image " + imageId + " does not support this operation.");
    }

    public static DomainException operationIllegal() {
        return new DomainException(400, "InvalidParam.OperationIllegal", "The specified parameter operation is illegal.");
    }

    public static DomainException instanceNotFound() {
        return new DomainException(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
    }

    public static DomainException incorrectInstanceStatus() {
        return new DomainException(403, "IncorrectInstanceStatus",
                "The state of the current instance does not support this operation.");
    }

    public static DomainException snapshotNotFound() {
        return new DomainException(404, "InvalidSnapshotId.NotFound", "The specified SnapshotId does not exist.");
    }

    public static DomainException incorrectSnapshotStatus() {
        return new DomainException(400, "IncorrectSnapshotStatus",
                "The snapshot is not in the Accomplished state, so it cannot be used yet.");
    }

    public static DomainException snapshotInUse() {
        return new DomainException(400, "SnapshotInUse.CustomImage",
                "A custom image was made from this snapshot; delete the custom image first.");
    }

    public static DomainException diskNotFound() {
        return new DomainException(404, "InvalidDiskId.NotFound", "The specified DiskId does not exist.");
    }

    public static DomainException planNotFound() {
        return new DomainException(404, "InvalidPlanId.NotFound", "The specified PlanId does not exist.");
    }

    public static DomainException invalidParam(String name, String why) {
        return new DomainException(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid: " + why);
    }

    public static DomainException quotaExceeded(String what, String detail) {
        return new DomainException(400, "QuotaExceeded." + what, detail);
    }

    public static DomainException imageNotUsable(String why) {
        return new DomainException(400, "InvalidImageId.NotSupported", why);
    }

    public static DomainException idempotentMismatch() {
        return new DomainException(400, "IdempotentParameterMismatch", "The request is retried with updated parameters.");
    }

    public static DomainException resourceNotFound(String type, String id) {
        return new DomainException(404, "InvalidResourceId.NotFound",
                "The specified " + type + " resource " + id + " does not exist.");
    }
}
