package dev.swasd.swas;

/**
 * A business rule said no. Carries the service's own Code, HTTP status and Message so the
 * wire layer can answer exactly as the real service does, without the domain knowing HTTP.
 */
public final class DomainException extends RuntimeException {
    private final int status;
    private final String code;

    public DomainException(int status, String code, String message) {
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
