package dev.swasd.protocol;

/** What goes back on the wire: status, content type and body bytes. */
public record RenderedResponse(int status, String contentType, byte[] body) {
}
