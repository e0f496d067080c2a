package dev.swasd.cli.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal keep-alive HTTP/1.1 client connection: writes prepared request bytes and reads one
 * response by its Content-Length. Small and allocation-light so the load generator costs far
 * less than the server it measures.
 */
final class HttpConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[8192];

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    HttpConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16384);
    }

    Response exchange(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        return new Response(status, keepBody ? body : null);
    }

    private String readLine() throws IOException {
        int n = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            line[n++] = (byte) b;
        }
        throw new IOException("connection closed by the server");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
