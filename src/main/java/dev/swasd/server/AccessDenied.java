package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.errors.ApiError;

/**
 * The authorize stage said no: the 403 answer and its {@code AccessDeniedDetail} object (ram.md
 * section 6). An answer, not a failure: no stack trace.
 */
final class AccessDenied extends RuntimeException {
    private final ApiError error;
    private final ObjectNode detail;

    AccessDenied(ApiError error, ObjectNode detail) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
        this.detail = detail;
    }

    ApiError error() {
        return error;
    }

    ObjectNode detail() {
        return detail;
    }
}
