package dev.swasd.protocol;

import dev.swasd.errors.GatewayErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticate stage: verifies a V1 or V3 signature in the order of protocol.md section 6
 * (auth parameters present, timestamp format and skew, key lookup and status, signature, STS
 * token, nonce) and answers the signer.
 */
public final class Authenticator {
    /** How far a client clock may be from ours, either way; also how long nonces are remembered. */
    public static final Duration SKEW = Duration.ofMinutes(15);

    private static final List<String> V1_REQUIRED =
            List.of("AccessKeyId", "SignatureMethod", "SignatureNonce", "Timestamp");
    private static final List<String> V3_REQUIRED_SIGNED =
            List.of("x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

    private final CredentialLookup credentials;
    private final NonceStore nonces;
    private final Clock clock;

    public Authenticator(CredentialLookup credentials, NonceStore nonces, Clock clock) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Which scheme signed the request; the access log and benchmarks report it. */
    public enum Scheme {
        V1,
        V3
    }

    public record Result(Principal principal, Scheme scheme) {}

    /**
     * A request whose signature holds, with its nonce being spent: {@link #confirm} says whether
     * it was, and must pass before the request does anything or answers. Deciding a nonce takes
     * a batch on the nonce store's thread; a read may go on meanwhile (validate, authorize, read,
     * render) and wait only before it answers, so the two overlap instead of the request
     * sleeping through the batch. Whatever the request came to, a refused nonce is its answer.
     */
    public record Pending(Principal principal, Scheme scheme, NonceStore.Claim nonce) {
        /** Waits for the nonce; SignatureNonceUsed when another request spent it. */
        public Result confirm() {
            if (!nonce.won()) {
                throw GatewayErrors.nonceUsed();
            }
            return new Result(principal, scheme);
        }
    }

    /** Verifies the request and spends its nonce: SignatureNonceUsed if it was spent already. */
    public Result authenticate(ApiRequest request) {
        return begin(request).confirm();
    }

    /** Verifies the request and starts spending its nonce; the caller must {@link Pending#confirm} it. */
    public Pending begin(ApiRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null && authorization.startsWith("ACS3-")) {
            return v3(request, authorization);
        }
        if (authorization != null && !request.params().containsKey("Signature")) {
            // bearer tokens, ACS4 and ROA-style headers are not supported (protocol.md 3.3)
            throw GatewayErrors.signatureMethod();
        }
        return v1(request);
    }

    /**
     * Whose AccessKey a request names, whether or not its signature holds: for the request log,
     * which files a refused call under the key's account. Empty when the request names no key or
     * an unknown one. Nothing is verified here; never use it to authorize.
     */
    public Optional<Principal> namedSigner(ApiRequest request) {
        String keyId;
        String authorization = request.header("authorization");
        if (authorization != null && authorization.startsWith("ACS3-")) {
            try {
                keyId = SignatureV3.parse(authorization).accessKeyId();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        } else {
            keyId = request.params().get("AccessKeyId");
        }
        if (keyId == null || keyId.isEmpty()) {
            return Optional.empty();
        }
        return credentials.find(keyId).map(Credential::principal);
    }

    private Pending v1(ApiRequest request) {
        Map<String, String> params = request.params();
        if (!params.containsKey("Signature")) {
            throw GatewayErrors.missingParameter("Signature");
        }
        for (String name : V1_REQUIRED) {
            String value = params.get(name);
            // a nonce of spaces is no nonce: every client's random nonces would meet it
            if (value == null || value.isEmpty() || (name.equals("SignatureNonce") && value.isBlank())) {
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
        return new Pending(credential.principal(), Scheme.V1, claimNonce(credential, params.get("SignatureNonce")));
    }

    private Pending v3(ApiRequest request, String header) {
        SignatureV3.Authorization auth = SignatureV3.parse(header);
        for (String required : V3_REQUIRED_SIGNED) {
            String value = request.header(required);
            if (!auth.signedHeaders().contains(required)
                    || value == null
                    || (required.equals("x-acs-signature-nonce") && value.isBlank())) {
                throw GatewayErrors.incompleteSignature("The header " + required + " must be sent and signed.");
            }
        }
        checkTime(request.header("x-acs-date"));
        Credential credential = lookup(auth.accessKeyId());
        String bodyHash = auth.hashing().hexDigest(request.body());
        String canonical = SignatureV3.canonicalRequest(
                request.method(), request.queryParams(), request.headers(), auth, bodyHash);
        String stringToSign = SignatureV3.stringToSign(auth, canonical);
        boolean bodyIntact = bodyHash.equalsIgnoreCase(request.header("x-acs-content-sha256"));
        if (!bodyIntact
                || !Hashing.same(
                        SignatureV3.sign(auth.hashing(), credential.secret(), stringToSign),
                        auth.signature().toLowerCase(Locale.ROOT))) {
            throw GatewayErrors.signatureV3Mismatch(stringToSign);
        }
        String keyHeader = request.header("x-acs-accesskey-id");
        if (keyHeader != null && !keyHeader.equals(auth.accessKeyId())) {
            throw GatewayErrors.securityTokenMismatch();
        }
        checkToken(credential, request.header("x-acs-security-token"));
        return new Pending(
                credential.principal(), Scheme.V3, claimNonce(credential, request.header("x-acs-signature-nonce")));
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

    private NonceStore.Claim claimNonce(Credential credential, String nonce) {
        if (nonce.length() > 256) {
            throw GatewayErrors.invalidParameter("SignatureNonce", "it is longer than 256 characters.");
        }
        return nonces.start(credential.accessKeyId(), nonce, clock.instant());
    }
}
