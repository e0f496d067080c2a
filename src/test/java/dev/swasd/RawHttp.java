package dev.swasd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 exchange of prepared request bytes over a socket, for tests that send exactly the
 * bytes a signer produced (a replay must be byte for byte the same request).
 */
public final class RawHttp {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private RawHttp() {}

    /** A response: its status, and its body as text. */
    public record Reply(int status, String body) {}

    /** Sends the request on the (keep-alive) connection and reads one whole response. */
    public static Reply exchange(Socket s, byte[] request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        Matcher m = CONTENT_LENGTH.matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return new Reply(
                Integer.parseInt(head.substring(9, 12)), new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
}
