package dev.swasd.errors;

/**
 * Thrown anywhere in the pipeline to answer the client with a service error. Carries no cause on
 * purpose: it is an answer, not a failure, so it costs no stack trace.
 */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public ApiException(int httpStatus, String code, String message) {
        this(new ApiError(httpStatus, code, message));
    }

    public ApiError error() {
        return error;
    }
}
