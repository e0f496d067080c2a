package dev.swasd.api;

import dev.swasd.protocol.ValidatedParams;

/**
 * One action of a product's generated interface {@code A}: its name, the interface method that
 * implements it, and how validated parameters become the typed request for that method.
 *
 * @param method      the name of the interface method
 * @param requestType the method's second parameter type
 */
public record Route<A>(String action, String method, Class<?> requestType, Invoker<A> invoker) {

    /** Calls the interface method with the typed request built from the validated parameters. */
    @FunctionalInterface
    public interface Invoker<A> {
        ApiResponse invoke(A module, Call call, ValidatedParams params);
    }
}
