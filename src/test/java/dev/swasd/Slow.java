package dev.swasd;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A process-level or long test: it starts child JVMs or node processes, or many servers at once, or
 * waits for state transitions over a real state delay for many seconds. README's
 * test command runs it; the fast in-process set ({@code mvn test -Pfast}, which is
 * {@code -Dgroups='!slow'}) leaves it out.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
