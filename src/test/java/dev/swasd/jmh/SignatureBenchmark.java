package dev.swasd.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.SharedFiles;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Authenticator;
import dev.swasd.protocol.Credential;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.RequestDecoder;
import dev.swasd.protocol.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding plus signature verification of requests captured from the official clients
 * (shared/vectors), V1 and V3. The nonce store accepts every nonce, so only the CPU work of the
 * authenticate stage is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {
    @Param({
        "valid/tea-v1-DeleteCustomImages.json",
        "valid/npm-v3-DeleteCustomImages.json",
        "valid/npm-v3sm3-DeleteCustomImages.json"
    })
    public String vector;

    private Authenticator authenticator;
    private RequestDecoder decoder;
    private String method;
    private String rawQuery;
    private List<Map.Entry<String, String>> headers;
    private byte[] body;

    @Setup
    public void setUp() throws Exception {
        JsonNode v = new ObjectMapper()
                .readTree(SharedFiles.root().resolve("vectors").resolve(vector).toFile());
        String keyId = v.path("accessKeyId").asText();
        String token = v.path("securityToken").isNull()
                ? null
                : v.path("securityToken").asText(null);
        Credential credential = new Credential(
                keyId,
                v.path("accessKeySecret").asText(),
                true,
                new Principal("1000000000000001", Principal.Kind.ROOT, null, keyId),
                token,
                null);
        authenticator = new Authenticator(
                id -> Optional.of(credential),
                (k, n, t) -> true,
                Clock.fixed(Instant.parse(v.path("serverTime").asText()), ZoneOffset.UTC));
        decoder = new RequestDecoder(RequestLimits.DEFAULT);
        method = v.path("method").asText();
        rawQuery = v.path("rawQuery").asText();
        headers = new ArrayList<>();
        v.path("headers")
                .fields()
                .forEachRemaining(
                        h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        body = v.path("body").asText("").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Authenticator.Result decodeAndVerify() {
        ApiRequest request = decoder.decode(method, rawQuery, headers, body, "127.0.0.1", false);
        return authenticator.authenticate(request);
    }
}
