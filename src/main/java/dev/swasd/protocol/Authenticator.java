package dev.swasd.protocol;

import dev.swasd.errors.GatewayErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The authenticate stage: verifies a V1 or V3 signature in the order of protocol.md section 6
 * (auth parameters present, timestamp format and skew, key lookup and status, signature, STS
 * token, nonce) and answers the signer.
 */
public final class Authenticator {
    /** How far a client clock may be from ours, either way; also how long nonces are remembered. */
    public static final Duration SKEW = Duration.ofMinutes(15);
    private static final List<String> V1_REQUIRED = List.of("AccessKeyId", "SignatureMethod", "SignatureNonce",
            "Timestamp");
    private static final List<String> V3_REQUIRED_SIGNED = List.of("x-acs-date", "x-acs-signature-nonce",
            "x-acs-content-sha256");

    private final CredentialLookup credentials;
    private final NonceStore nonces;
    private final Clock clock;

    public Authenticator(CredentialLookup credentials, NonceStore nonces, Clock clock) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Which scheme signed the request; the access log and benchmarks report it. */
    public enum Scheme { V1, V3 }

    public record Result(Principal principal, Scheme scheme) {
    }

    public Result authenticate(ApiRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null && authorization.startsWith("ACS3-")) {
            return new Result(v3(request, authorization), Scheme.V3);
        }
        if (authorization != null && !request.params().containsKey("Signature")) {
            // bearer tokens, ACS4 and ROA-style headers are not supported (protocol.md 3.3)
            throw GatewayErrors.signatureMethod();
        }
        return new Result(v1(request), Scheme.V1);
    }

    private Principal v1(ApiRequest request) {
        Map<String, String> params = request.params();
        if (!params.containsKey("Signature")) {
            throw GatewayErrors.missingParameter("Signature");
        }
        for (String name : V1_REQUIRED) {
            String value = params.get(name);
            if (value == null || value.isEmpty()) {
                throw GatewayErrors.missingParameter(name);
            }
        }
        if (!params.get("SignatureMethod").equalsIgnoreCase("HMAC-SHA1")) {
            throw GatewayErrors.signatureMethod();
        }
        checkTime(params.get("Timestamp"));
        Credential credential = lookup(params.get("AccessKeyId"));

        String signature = params.get("Signature");
        String stringToSign = SignatureV1.stringToSign(request.method(), params, false);
        boolean ok = Hashing.same(SignatureV1.sign(credential.secret(), stringToSign), signature);
        if (!ok && params.containsValue("")) {
            // the Java tea client signs without empty-valued parameters but still sends them
            String withoutEmpty = SignatureV1.stringToSign(request.method(), params, true);
            ok = Hashing.same(SignatureV1.sign(credential.secret(), withoutEmpty), signature);
        }
        if (!ok) {
            throw GatewayErrors.signatureV1Mismatch(stringToSign);
        }
        checkToken(credential, params.get("SecurityToken"));
        claimNonce(credential, params.get("SignatureNonce"));
        return credential.principal();
    }

    private Principal v3(ApiRequest request, String header) {
        SignatureV3.Authorization auth = SignatureV3.parse(header);
        for (String required : V3_REQUIRED_SIGNED) {
            if (!auth.signedHeaders().contains(required) || request.header(required) == null) {
                throw GatewayErrors.incompleteSignature("The header " + required + " must be sent and signed.");
            }
        }
        checkTime(request.header("x-acs-date"));
        Credential credential = lookup(auth.accessKeyId());
        String bodyHash = auth.hashing().hexDigest(request.body());
        String canonical = SignatureV3.canonicalRequest(request.method(), request.queryParams(), request.headers(),
                auth, bodyHash);
        String stringToSign = SignatureV3.stringToSign(auth, canonical);
        boolean bodyIntact = bodyHash.equalsIgnoreCase(request.header("x-acs-content-sha256"));
        if (!bodyIntact || !Hashing.same(SignatureV3.sign(auth.hashing(), credential.secret(), stringToSign),
                auth.signature().toLowerCase(java.util.Locale.ROOT))) {
            throw GatewayErrors.signatureV3Mismatch(stringToSign);
        }
        String keyHeader = request.header("x-acs-accesskey-id");
        if (keyHeader != null && !keyHeader.equals(auth.accessKeyId())) {
            throw GatewayErrors.securityTokenMismatch();
        }
        checkToken(credential, request.header("x-acs-security-token"));
        claimNonce(credential, request.header("x-acs-signature-nonce"));
        return credential.principal();
    }

    private void checkTime(String text) {
        Instant sent;
        try {
            sent = Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw GatewayErrors.timestampFormat();
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(SKEW) > 0) {
            throw GatewayErrors.timestampExpired();
        }
    }

    private Credential lookup(String accessKeyId) {
        Credential credential = credentials.find(accessKeyId).orElseThrow(GatewayErrors::accessKeyNotFound);
        if (!credential.active()) {
            throw GatewayErrors.accessKeyInactive();
        }
        return credential;
    }

    /**
     * Runs after the signature on purpose: the token is signed, so a tampered token is a
     * signature failure first (the v1-sts-token-tampered vector), and an unsigned guess learns nothing.
     */
    private void checkToken(Credential credential, String token) {
        if (credential.securityToken() == null) {
            if (token != null && !token.isEmpty()) {
                throw GatewayErrors.securityTokenMismatch();
            }
            return;
        }
        if (token == null || token.isEmpty()) {
            throw GatewayErrors.missingSecurityToken();
        }
        if (!Hashing.same(credential.securityToken(), token)) {
            throw GatewayErrors.securityTokenMismatch();
        }
        if (credential.expiresAt() != null && clock.instant().isAfter(credential.expiresAt())) {
            throw GatewayErrors.securityTokenExpired();
        }
    }

    private void claimNonce(Credential credential, String nonce) {
        if (nonce.length() > 256) {
            throw GatewayErrors.invalidParameter("SignatureNonce", "it is longer than 256 characters.");
        }
        if (!nonces.claim(credential.accessKeyId(), nonce, clock.instant())) {
            throw GatewayErrors.nonceUsed();
        }
    }
}
