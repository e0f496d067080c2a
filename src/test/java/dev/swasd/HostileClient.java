package dev.swasd;

import dev.swasd.cli.bench.RequestSigner;
import dev.swasd.protocol.SignatureV1;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Signed requests with every part a test may want to choose (the date, the nonce, the parameters
 * as raw wire text), V3 in headers and V1 in the query, and a raw socket exchange that also works
 * when the server closes the connection after answering. Loopback only.
 */
public final class HostileClient {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final RequestSigner signer;
    private final String host;
    private final String keyId;
    private final String secret;
    private final Clock clock;

    public HostileClient(String host, String keyId, String secret) {
        this(host, keyId, secret, Clock.systemUTC());
    }

    /** Signing "now" by {@code clock} (the server's, when a test moves it). */
    public HostileClient(String host, String keyId, String secret, Clock clock) {
        this.signer = new RequestSigner(host, keyId, secret);
        this.host = host;
        this.keyId = keyId;
        this.secret = secret;
        this.clock = clock;
    }

    public static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A V3 request (POST, parameters in the query) signed at {@code when} with {@code nonce}. */
    public byte[] v3(String action, String version, Map<String, String> params, Instant when, String nonce) {
        return signer.sign(action, version, params, when, nonce);
    }

    public byte[] v3(String action, Map<String, String> params) {
        return v3(action, "2020-06-01", params, clock.instant(), nonce());
    }

    /** A V1 request (GET, everything in the query) signed now with {@code nonce}. */
    public byte[] v1(String action, String version, Map<String, String> params, String nonce) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", version);
        all.put("AccessKeyId", keyId);
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", nonce);
        all.put("Timestamp", DATE.format(clock.instant()));
        all.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign("GET", all, false)));
        return ("GET /?" + query(all) + " HTTP/1.1\r\nhost: " + host + "\r\nconnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String query(Map<String, String> params) {
        return RequestSigner.query(params);
    }

    /** A response: status line's code, the head as text, and the body. */
    public record Reply(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /**
     * Sends {@code request} on a new connection to 127.0.0.1:{@code port} and reads the first
     * response (by its Content-Length, or to the close); fails after {@code timeoutMillis}.
     */
    public static Reply exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return read(s.getInputStream());
        }
    }

    /** Reads one response from {@code in}. */
    public static Reply read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        try {
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no response head within the timeout; got: " + head, e);
        }
        if (head.length() < 12 || !head.toString().startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + head);
        }
        Reply partial = new Reply(Integer.parseInt(head.substring(9, 12)), head.toString(), "");
        String length = partial.header("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Reply(partial.status(), partial.head(), new String(body, StandardCharsets.UTF_8));
    }
}
