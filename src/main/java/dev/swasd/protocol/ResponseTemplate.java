package dev.swasd.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A rendered success response with a gap where its RequestId goes: a result kept for reuse is
 * rendered once, and each request that reuses it only copies the bytes around its own id.
 */
public record ResponseTemplate(int status, String contentType, byte[] before, byte[] after) {
    public RenderedResponse render(String requestId) {
        byte[] id = requestId.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + id.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(id, 0, body, before.length, id.length);
        System.arraycopy(after, 0, body, before.length + id.length, after.length);
        return new RenderedResponse(status, contentType, body);
    }

    /** Bytes held, for the cache's budget. */
    public int size() {
        return before.length + after.length;
    }
}
