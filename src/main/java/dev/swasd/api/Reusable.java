package dev.swasd.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a module's read whose answer depends on nothing but the database, the caller's account,
 * the parameters and the clock: the server may answer it again from a kept result while the
 * database has not changed (and until {@link Call#validUntil()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reusable {}
