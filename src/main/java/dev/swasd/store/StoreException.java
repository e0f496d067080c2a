package dev.swasd.store;

/** A database failure the caller cannot fix; the pipeline answers it with InternalError. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
