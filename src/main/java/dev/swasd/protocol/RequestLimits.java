package dev.swasd.protocol;

import java.time.Duration;

/**
 * Size limits applied while decoding, before any signature work is spent on a request, and how
 * long a connection may send nothing (a body that stops arriving is answered when that passes).
 */
public record RequestLimits(int maxBodyBytes, int maxParameters, int maxValueLength, Duration idleTimeout) {
    /** Jetty's default idle timeout, which swasd keeps: 30 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public static final RequestLimits DEFAULT = new RequestLimits(1 << 20, 512, 32_768, DEFAULT_IDLE_TIMEOUT);

    public RequestLimits(int maxBodyBytes, int maxParameters, int maxValueLength) {
        this(maxBodyBytes, maxParameters, maxValueLength, DEFAULT_IDLE_TIMEOUT);
    }

    /** The same limits with another idle timeout. */
    public RequestLimits withIdleTimeout(Duration timeout) {
        return new RequestLimits(maxBodyBytes, maxParameters, maxValueLength, timeout);
    }
}
