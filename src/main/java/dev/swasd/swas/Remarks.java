package dev.swasd.swas;

/** The Remark of a disk or a snapshot: at most 256 characters (docs/decisions.md). */
public final class Remarks {
    public static final int MAX_LENGTH = 256;

    private Remarks() {}

    public static String checked(String remark) {
        if (remark.length() > MAX_LENGTH) {
            throw SwasErrors.invalidParam("Remark", "it must be at most " + MAX_LENGTH + " characters.");
        }
        return remark;
    }
}
