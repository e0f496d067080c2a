package dev.swasd.protocol;

/** Size limits applied while decoding, before any signature work is spent on a request. */
public record RequestLimits(int maxBodyBytes, int maxParameters, int maxValueLength) {
    public static final RequestLimits DEFAULT = new RequestLimits(1 << 20, 512, 32_768);
}
