package dev.swasd.protocol;

import dev.swasd.errors.GatewayErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ACS3-HMAC-SHA256 and ACS3-HMAC-SM3 (protocol.md section 5). */
public final class SignatureV3 {
    private SignatureV3() {}

    /** The parsed {@code Authorization} header. */
    public record Authorization(
            String algorithm,
            Hashing hashing,
            String accessKeyId,
            List<String> signedHeaders,
            String signedHeadersText,
            String signature) {}

    public static Authorization parse(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            throw GatewayErrors.incompleteSignature("The Authorization header has no credentials.");
        }
        String algorithm = header.substring(0, space);
        Hashing hashing = switch (algorithm) {
            case "ACS3-HMAC-SHA256" -> Hashing.SHA256;
            case "ACS3-HMAC-SM3" -> Hashing.SM3;
            default -> throw GatewayErrors.signatureMethod();
        };
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        // Credential=...,SignedHeaders=...,Signature=... (any order, spaces around any part)
        int at = space + 1;
        while (at <= header.length()) {
            int comma = header.indexOf(',', at);
            int end = comma < 0 ? header.length() : comma;
            int eq = header.indexOf('=', at);
            if (eq >= 0 && eq < end) {
                String key = header.substring(at, eq).trim();
                String value = header.substring(eq + 1, end).trim();
                switch (key) {
                    case "Credential" -> credential = value;
                    case "SignedHeaders" -> signedHeaders = value;
                    case "Signature" -> signature = value;
                    default -> {}
                }
            }
            at = end + 1;
        }
        if (credential == null
                || credential.isEmpty()
                || signedHeaders == null
                || signature == null
                || signature.isEmpty()) {
            throw GatewayErrors.incompleteSignature(
                    "The Authorization header must carry Credential, SignedHeaders and Signature.");
        }
        return new Authorization(
                algorithm, hashing, credential, signedHeaderNames(signedHeaders), signedHeaders, signature);
    }

    /**
     * A client signs the same headers in every request, so their list is kept per text (a few
     * hundred at most) rather than split afresh each time.
     */
    private static final ConcurrentHashMap<String, List<String>> SIGNED_HEADERS = new ConcurrentHashMap<>();

    private static List<String> signedHeaderNames(String text) {
        List<String> names = SIGNED_HEADERS.get(text);
        if (names == null) {
            names = List.of(text.split(";"));
            if (SIGNED_HEADERS.size() < 1024) {
                SIGNED_HEADERS.put(text, names);
            }
        }
        return names;
    }

    private static final Comparator<FormCodec.Pair> BY_NAME_THEN_VALUE =
            Comparator.comparing(FormCodec.Pair::name).thenComparing(FormCodec.Pair::value);

    public static String canonicalRequest(
            String method,
            List<FormCodec.Pair> query,
            Map<String, String> headers,
            Authorization auth,
            String bodyHash) {
        List<FormCodec.Pair> sorted = new ArrayList<>(query);
        sorted.sort(BY_NAME_THEN_VALUE);
        // sized for the whole text at once: the query and headers it copies, with room for encoding
        int size = 128 + bodyHash.length() + auth.signedHeadersText().length();
        for (FormCodec.Pair p : query) {
            size += p.name().length() + p.value().length() + 8;
        }
        for (String name : auth.signedHeaders()) {
            String value = headers.get(name.toLowerCase(Locale.ROOT));
            size += name.length() + (value == null ? 0 : value.length()) + 2;
        }
        StringBuilder out = new StringBuilder(size);
        out.append(method).append("\n/\n");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(Pct.encode(sorted.get(i).name()))
                    .append('=')
                    .append(Pct.encode(sorted.get(i).value()));
        }
        out.append('\n');
        for (String name : auth.signedHeaders()) {
            String value = headers.get(name.toLowerCase(Locale.ROOT));
            out.append(name)
                    .append(':')
                    .append(value == null ? "" : value.trim())
                    .append('\n');
        }
        out.append('\n').append(auth.signedHeadersText()).append('\n').append(bodyHash);
        return out.toString();
    }

    public static String stringToSign(Authorization auth, String canonicalRequest) {
        return auth.algorithm() + "\n" + auth.hashing().hexDigest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(Hashing hashing, String secret, String stringToSign) {
        return hashing.hexHmac(secret, stringToSign);
    }
}
