package dev.swasd.errors;

/** One error as the client sees it: HTTP status, service Code and Message. */
public record ApiError(int httpStatus, String code, String message) {}
