package dev.swasd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.SharedFiles;
import dev.swasd.errors.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request captured from the official clients (and every one-change mutation of them) in
 * shared/vectors goes through the decode and authenticate stages with the clock set to the
 * vector's serverTime: valid ones are accepted, invalid ones get their expected Code and status.
 */
class SignatureVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> vectors() throws IOException {
        Path dir = SharedFiles.root().resolve("vectors");
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        List<Path> files = new ArrayList<>();
        index.forEach(e -> files.add(dir.resolve(e.path("file").asText())));
        return files.stream();
    }

    @Test
    void indexListsEveryVectorFile() throws IOException {
        Path dir = SharedFiles.root().resolve("vectors");
        long onDisk;
        try (Stream<Path> s = Stream.concat(Files.list(dir.resolve("valid")), Files.list(dir.resolve("invalid")))) {
            onDisk = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(vectors().count()).isEqualTo(onDisk).isGreaterThan(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Path file) throws IOException {
        JsonNode v = JSON.readTree(file.toFile());
        Instant serverTime = Instant.parse(v.path("serverTime").asText());
        String keyId = v.path("accessKeyId").asText();
        Principal principal = new Principal("1000000000000001", Principal.Kind.ROOT, null, keyId);
        boolean active =
                !"Inactive".equals(v.path("setup").path("accessKeyStatus").asText());
        String token = v.path("securityToken").isNull()
                ? null
                : v.path("securityToken").asText(null);
        Credential credential =
                new Credential(keyId, v.path("accessKeySecret").asText(), active, principal, token, null);
        CredentialLookup lookup = id -> id.equals(keyId) ? Optional.of(credential) : Optional.empty();
        MemoryNonces nonces = new MemoryNonces();
        for (JsonNode used : v.path("setup").path("usedNonces")) {
            nonces.claim(
                    used.path("accessKeyId").asText(),
                    used.path("nonce").asText(),
                    Instant.parse(used.path("seenAt").asText()));
        }
        Authenticator authenticator = new Authenticator(lookup, nonces, Clock.fixed(serverTime, ZoneOffset.UTC));

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            headers.add(Map.entry(h.getKey(), h.getValue().asText()));
        }
        byte[] body = v.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        ApiRequest request = new RequestDecoder(RequestLimits.DEFAULT)
                .decode(v.path("method").asText(), v.path("rawQuery").asText(), headers, body, "127.0.0.1", false);

        String expect = v.path("expect").asText();
        if (expect.equals("valid")) {
            Authenticator.Result result = authenticator.authenticate(request);
            assertThat(result.principal()).isEqualTo(principal);
            assertThat(result.scheme().name())
                    .isEqualTo(v.path("scheme").asText().startsWith("ACS3") ? "V3" : "V1");
            // the same request again is a replay
            ApiException replay = catchThrowableOfType(ApiException.class, () -> authenticator.authenticate(request));
            assertThat(replay.error().code()).isEqualTo("SignatureNonceUsed");
        } else {
            ApiException e = catchThrowableOfType(ApiException.class, () -> authenticator.authenticate(request));
            assertThat(e).as("expected %s", expect).isNotNull();
            assertThat(e.error().code()).isEqualTo(expect);
            assertThat(e.error().httpStatus())
                    .isEqualTo(v.path("expectHttpStatus").asInt());
        }
    }

    @Test
    void v1StringToSignMatchesTheWorkedExample() throws IOException {
        JsonNode v = JSON.readTree(SharedFiles.root()
                .resolve("vectors/valid/core-v1-DeleteCustomImages.json")
                .toFile());
        Map<String, String> params = new HashMap<>();
        v.path("query")
                .fields()
                .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        String sts = SignatureV1.stringToSign("POST", params, false);
        assertThat(sts).isEqualTo(v.path("debug").path("stringToSign").asText());
        assertThat(SignatureV1.sign(v.path("accessKeySecret").asText(), sts))
                .isEqualTo(v.path("debug").path("expectedSignature").asText());
    }

    @Test
    void mismatchMessageCarriesTheServerStringToSign() throws IOException {
        JsonNode v = JSON.readTree(SharedFiles.root()
                .resolve("vectors/invalid/v1-wrong-secret.json")
                .toFile());
        String keyId = v.path("accessKeyId").asText();
        Credential c = new Credential(
                keyId,
                "another-secret",
                true,
                new Principal("1000000000000001", Principal.Kind.ROOT, null, keyId),
                null,
                null);
        Authenticator a = new Authenticator(
                id -> Optional.of(c),
                new MemoryNonces(),
                Clock.fixed(Instant.parse(v.path("serverTime").asText()), ZoneOffset.UTC));
        ApiRequest r = new RequestDecoder(RequestLimits.DEFAULT)
                .decode("POST", v.path("rawQuery").asText(), List.of(), new byte[0], "127.0.0.1", false);
        ApiException e = catchThrowableOfType(ApiException.class, () -> a.authenticate(r));
        assertThat(e.error().message())
                .startsWith(
                        "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId");
    }

    /** The nonce store contract, in memory, for one vector at a time. */
    static final class MemoryNonces implements NonceStore {
        private final Map<String, Instant> seen = new HashMap<>();

        @Override
        public boolean claim(String accessKeyId, String nonce, Instant now) {
            Instant before = seen.get(accessKeyId + "\n" + nonce);
            if (before != null && before.isAfter(now.minus(Authenticator.SKEW))) {
                return false;
            }
            seen.put(accessKeyId + "\n" + nonce, now);
            return true;
        }
    }
}
