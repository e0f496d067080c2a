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
        while ((headEnd = ResponseHead.end(buffer, start, end)) < 0) {
            fill();
        }
        int status = ResponseHead.status(buffer, start, end);
        int length = ResponseHead.contentLength(buffer, start, headEnd);
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

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
