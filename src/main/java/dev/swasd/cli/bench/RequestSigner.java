package dev.swasd.cli.bench;

import dev.swasd.protocol.Hashing;
import dev.swasd.protocol.Pct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds complete HTTP/1.1 requests signed with ACS3-HMAC-SHA256 exactly as the official npm and
 * tea clients sign them (parameters in the query, empty body, host signed), each with a fresh
 * nonce, so that the benchmark exercises the real verification path.
 */
public final class RequestSigner {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String SIGNED =
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;" + "x-acs-version";

    private final String host;
    private final String keyId;
    private final String secret;

    public RequestSigner(String host, String keyId, String secret) {
        this.host = host;
        this.keyId = keyId;
        this.secret = secret;
    }

    public byte[] sign(String action, String version, Map<String, String> params) {
        return sign(
                action,
                version,
                params,
                Instant.now(),
                UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * A request signed at {@code when} with {@code nonce}. The nonce header is sent as given and
     * signed trimmed, as a server reads header values, so tests can send padded nonces.
     */
    public byte[] sign(String action, String version, Map<String, String> params, Instant when, String nonce) {
        String date = DATE.format(when);
        String query = query(params);
        String canonical = "POST\n/\n" + query + "\n"
                + "host:" + host + "\n"
                + "x-acs-action:" + action + "\n"
                + "x-acs-content-sha256:" + EMPTY_SHA256 + "\n"
                + "x-acs-date:" + date + "\n"
                + "x-acs-signature-nonce:" + nonce.trim() + "\n"
                + "x-acs-version:" + version + "\n"
                + "\n" + SIGNED + "\n" + EMPTY_SHA256;
        String stringToSign =
                "ACS3-HMAC-SHA256\n" + Hashing.SHA256.hexDigest(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = Hashing.SHA256.hexHmac(secret, stringToSign);
        String request = "POST /?" + query + " HTTP/1.1\r\n"
                + "host: " + host + "\r\n"
                + "x-acs-action: " + action + "\r\n"
                + "x-acs-version: " + version + "\r\n"
                + "x-acs-date: " + date + "\r\n"
                + "x-acs-signature-nonce: " + nonce + "\r\n"
                + "x-acs-content-sha256: " + EMPTY_SHA256 + "\r\n"
                + "authorization: ACS3-HMAC-SHA256 Credential=" + keyId + ",SignedHeaders=" + SIGNED
                + ",Signature=" + signature + "\r\n"
                + "content-length: 0\r\n\r\n";
        return request.getBytes(StandardCharsets.UTF_8);
    }

    /** Parameters sorted and percent-encoded, as both the canonical request and the URL carry them. */
    public static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(Pct.encode(e.getKey())).append('=').append(Pct.encode(e.getValue()));
        }
        return query.toString();
    }

    /** The bare endpoint: a constant small JSON from the same HTTP server, no pipeline. */
    public byte[] bare() {
        return ("GET /healthz HTTP/1.1\r\nhost: " + host + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
