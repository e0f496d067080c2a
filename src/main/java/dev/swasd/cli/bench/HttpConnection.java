package dev.swasd.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal keep-alive HTTP/1.1 client connection: writes prepared request bytes and reads one
 * response by its Content-Length. Small and allocation-light so the load generator costs far
 * less than the server it measures: a response is read in as few socket reads as it arrived in,
 * into one buffer, and its head is scanned there for the status and Content-Length alone (an
 * earlier version read the head a byte at a time through a BufferedInputStream, whose every read
 * takes a lock, and made a String of each header line).
 */
final class HttpConnection implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private byte[] buffer = new byte[16384];
    /** Bytes read but not yet taken: buffer[start, end). */
    private int start;
    private int end;

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    HttpConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    Response exchange(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        int headEnd;
        while ((headEnd = headEnd()) < 0) {
            fill();
        }
        int status = status();
        int length = contentLength(headEnd);
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        start = headEnd;
        while (end - start < length) {
            fill();
        }
        byte[] body = keepBody ? Arrays.copyOfRange(buffer, start, start + length) : null;
        start += length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return new Response(status, body);
    }

    /** Reads what the socket has into the buffer, after what is there (moved to the front, or into a larger buffer). */
    private void fill() throws IOException {
        if (end == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            throw new IOException("connection closed by the server");
        }
        end += n;
    }

    /** The index just past the blank line that ends the head, or -1 when it has not all arrived. */
    private int headEnd() {
        for (int i = start; i + 3 < end; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** "HTTP/1.1 200 OK": the three digits after the first space. */
    private int status() throws IOException {
        int i = start;
        while (i < end && buffer[i] != ' ') {
            i++;
        }
        if (i + 3 >= end) {
            throw new IOException("malformed status line");
        }
        return (buffer[i + 1] - '0') * 100 + (buffer[i + 2] - '0') * 10 + (buffer[i + 3] - '0');
    }

    /** The value of the Content-Length header (any case), or -1 without one. */
    private int contentLength(int headEnd) {
        for (int i = start; i < headEnd; i++) {
            if (buffer[i] == '\n' && matches(i + 1, headEnd)) {
                int v = i + 1 + CONTENT_LENGTH.length;
                while (v < headEnd && buffer[v] == ' ') {
                    v++;
                }
                int value = 0;
                while (v < headEnd && buffer[v] >= '0' && buffer[v] <= '9') {
                    value = value * 10 + (buffer[v++] - '0');
                }
                return value;
            }
        }
        return -1;
    }

    private boolean matches(int at, int limit) {
        if (at + CONTENT_LENGTH.length > limit) {
            return false;
        }
        for (int j = 0; j < CONTENT_LENGTH.length; j++) {
            int b = buffer[at + j];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != CONTENT_LENGTH[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
