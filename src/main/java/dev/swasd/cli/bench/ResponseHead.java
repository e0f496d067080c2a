package dev.swasd.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Scans an HTTP/1.1 response head in place, in the bytes it arrived in, for what the load
 * generators need: where it ends, the status and the Content-Length. No strings, no copies, so
 * the client costs little beside the server it measures.
 */
final class ResponseHead {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private ResponseHead() {}

    /** The index just past the blank line that ends the head in {@code a[from, limit)}, or -1 when it has not all arrived. */
    static int end(byte[] a, int from, int limit) {
        for (int i = from; i + 3 < limit; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** "HTTP/1.1 200 OK" starting at {@code from}: the three digits after the first space. */
    static int status(byte[] a, int from, int limit) throws IOException {
        int i = from;
        while (i < limit && a[i] != ' ') {
            i++;
        }
        if (i + 3 >= limit) {
            throw new IOException("malformed status line");
        }
        return (a[i + 1] - '0') * 100 + (a[i + 2] - '0') * 10 + (a[i + 3] - '0');
    }

    /** The value of the Content-Length header (any case) in the head {@code a[from, headEnd)}, or -1 without one. */
    static int contentLength(byte[] a, int from, int headEnd) {
        for (int i = from; i < headEnd; i++) {
            if (a[i] == '\n' && namesContentLength(a, i + 1, headEnd)) {
                int v = i + 1 + CONTENT_LENGTH.length;
                while (v < headEnd && a[v] == ' ') {
                    v++;
                }
                int value = 0;
                while (v < headEnd && a[v] >= '0' && a[v] <= '9') {
                    value = value * 10 + (a[v++] - '0');
                }
                return value;
            }
        }
        return -1;
    }

    private static boolean namesContentLength(byte[] a, int at, int limit) {
        if (at + CONTENT_LENGTH.length > limit) {
            return false;
        }
        for (int j = 0; j < CONTENT_LENGTH.length; j++) {
            int b = a[at + j];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != CONTENT_LENGTH[j]) {
                return false;
            }
        }
        return true;
    }
}
