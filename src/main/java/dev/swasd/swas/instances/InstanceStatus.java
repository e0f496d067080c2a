package dev.swasd.swas.instances;

/** Server states (spec/swas-images.md section 4) and the transitions the actions drive. */
public enum InstanceStatus {
    Pending,
    Starting,
    Running,
    Stopping,
    Stopped,
    Resetting,
    Upgrading,
    Disabled;

    public static boolean is(String status, InstanceStatus s) {
        return s.name().equals(status);
    }
}
