package dev.swasd.protocol;

/**
 * What goes back on the wire: status, content type and the body, in one or more parts (a kept
 * result comes as the bytes before its RequestId, the id, and the bytes after, so that nothing
 * copies them into one array just to be written).
 */
public record RenderedResponse(int status, String contentType, byte[][] parts) {
    public RenderedResponse(int status, String contentType, byte[] body) {
        this(status, contentType, new byte[][] {body});
    }

    /** The body in one array (composed, when it comes in parts). */
    public byte[] body() {
        if (parts.length == 1) {
            return parts[0];
        }
        byte[] body = new byte[length()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, body, at, p.length);
            at += p.length;
        }
        return body;
    }

    public int length() {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        return n;
    }
}
