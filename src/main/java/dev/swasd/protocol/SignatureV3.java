package dev.swasd.protocol;

import dev.swasd.errors.GatewayErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** ACS3-HMAC-SHA256 and ACS3-HMAC-SM3 (protocol.md section 5). */
public final class SignatureV3 {
    private SignatureV3() {
    }

    /** The parsed {@code Authorization} header. */
    public record Authorization(String algorithm, Hashing hashing, String accessKeyId, List<String> signedHeaders,
            String signedHeadersText, String signature) {
    }

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
        for (String piece : header.substring(space + 1).split(",")) {
            String part = piece.trim();
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                }
            }
        }
        if (credential == null || credential.isEmpty() || signedHeaders == null || signature == null
                || signature.isEmpty()) {
            throw GatewayErrors.incompleteSignature(
                    "The Authorization header must carry Credential, SignedHeaders and Signature.");
        }
        List<String> names = List.of(signedHeaders.split(";"));
        return new Authorization(algorithm, hashing, credential, names, signedHeaders, signature);
    }

    public static String canonicalRequest(String method, List<FormCodec.Pair> query, Map<String, String> headers,
            Authorization auth, String bodyHash) {
        List<FormCodec.Pair> sorted = new ArrayList<>(query);
        sorted.sort(Comparator.comparing(FormCodec.Pair::name).thenComparing(FormCodec.Pair::value));
        StringBuilder out = new StringBuilder(512);
        out.append(method).append("\n/\n");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(Pct.encode(sorted.get(i).name())).append('=').append(Pct.encode(sorted.get(i).value()));
        }
        out.append('\n');
        for (String name : auth.signedHeaders()) {
            String value = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            out.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
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
