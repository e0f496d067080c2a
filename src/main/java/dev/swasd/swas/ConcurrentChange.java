package dev.swasd.swas;

/**
 * Another request changed a resource between our read and our write. The pipeline retries the
 * whole transaction, so clients never see this.
 */
public final class ConcurrentChange extends RuntimeException {
    public ConcurrentChange(String what) {
        super("concurrent change of " + what, null, false, false);
    }
}
