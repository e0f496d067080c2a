package dev.swasd.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A rendered success response with a gap where its RequestId goes: a result kept for reuse is
 * rendered once, and each request that reuses it only copies the bytes around its own id.
 */
public record ResponseTemplate(int status, String contentType, byte[] before, byte[] after) {
    public RenderedResponse render(String requestId) {
        return new RenderedResponse(
                status, contentType, new byte[][] {before, requestId.getBytes(StandardCharsets.UTF_8), after});
    }

    /** Bytes held, for the cache's budget. */
    public int size() {
        return before.length + after.length;
    }
}
