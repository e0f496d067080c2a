package dev.swasd.errors;

/**
 * The one error type of the service: thrown anywhere, from the gateway stages to the domain, to
 * answer the client with the service's HTTP status, Code and Message. Carries no cause on
 * purpose: it is an answer, not a failure, so it costs no stack trace.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(ApiError error) {
        this(error.httpStatus(), error.code(), error.message());
    }

    public ApiException(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.status = httpStatus;
        this.code = code;
    }

    public ApiError error() {
        return new ApiError(status, code, getMessage());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return "ApiException " + status + " " + code + ": " + getMessage();
    }
}
