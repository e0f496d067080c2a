package dev.swasd.ramapi;

/**
 * The RAM API said no: RAM's own Code, HTTP status and Message (ram-api.md 1.6), without the
 * domain knowing HTTP. An answer, not a failure, so it carries no stack trace.
 */
public final class RamException extends RuntimeException {
    private final int status;
    private final String code;

    public RamException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
