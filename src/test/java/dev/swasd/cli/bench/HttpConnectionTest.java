package dev.swasd.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The load generator's client reads responses however the bytes arrive. */
class HttpConnectionTest {
    /** A server that answers each request (read up to its blank line) with the next script, in the pieces given. */
    private static int serve(ServerSocket server, List<List<String>> answers) {
        CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept();
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream()) {
                s.setTcpNoDelay(true);
                for (List<String> pieces : answers) {
                    int seen = 0;
                    while (seen < 4) { // \r\n\r\n
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        seen = (b == '\r' && seen % 2 == 0) || (b == '\n' && seen % 2 == 1) ? seen + 1 : 0;
                    }
                    for (String piece : pieces) {
                        out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(20); // so the client reads them apart
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // the test is over
            }
        });
        return server.getLocalPort();
    }

    private static final byte[] GET = "GET / HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsResponsesSplitAnywhereAndOneAfterAnother() throws Exception {
        String big = "x".repeat(40_000); // past the first buffer
        try (ServerSocket server = new ServerSocket(0)) {
            int port = serve(
                    server,
                    List.of(
                            List.of("HTTP/1.1 200 OK\r\nContent-Le", "ngth: 5\r\nx-a: b\r\n\r", "\nhel", "lo"),
                            List.of("HTTP/1.1 404 Not Found\r\nCONTENT-LENGTH: 0\r\n\r\n"),
                            List.of("HTTP/1.1 200 OK\r\ncontent-length:  " + big.length() + "\r\n\r\n" + big)));
            try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
                HttpConnection.Response first = c.exchange(GET, true);
                assertThat(first.status()).isEqualTo(200);
                assertThat(first.text()).isEqualTo("hello");
                assertThat(c.exchange(GET, true).status()).isEqualTo(404);
                HttpConnection.Response third = c.exchange(GET, true);
                assertThat(third.text()).isEqualTo(big);
            }
        }
    }

    @Test
    void aResponseWithoutLengthOrACloseIsAnError() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            int port = serve(server, List.of(List.of("HTTP/1.1 200 OK\r\nx: y\r\n\r\n"), List.of()));
            try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
                assertThatThrownBy(() -> c.exchange(GET, false)).hasMessageContaining("Content-Length");
            }
        }
        try (ServerSocket server = new ServerSocket(0)) {
            int port = serve(server, List.of(List.of("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nshort")));
            try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
                assertThatThrownBy(() -> c.exchange(GET, false)).hasMessageContaining("closed");
            }
        }
    }
}
