package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.RawHttp;
import dev.swasd.cli.bench.RequestSigner;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replayed request is refused with SignatureNonceUsed whatever it asks: reads run while their
 * nonce is being decided (ApiPipeline), so this pins down that what they read never goes out,
 * that a write waits for its nonce and is done once, and that the nonce outranks errors of later
 * stages, as when the nonce was decided first.
 */
class NonceReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static RequestSigner signer;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        signer = new RequestSigner(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Reply(int status, JsonNode body) {}

    private static Reply send(byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            RawHttp.Reply r = RawHttp.exchange(s, request);
            return new Reply(r.status(), JSON.readTree(r.body()));
        }
    }

    private static void assertRefused(Reply r) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("Code").asText()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void aReplayedListGetsTheRefusalNotTheList() throws Exception {
        byte[] list = signer.sign("ListCustomImages", "2020-06-01", Map.of("RegionId", "cn-hangzhou"));
        Reply first = send(list);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().has("CustomImages")).isTrue();
        Reply again = send(list);
        assertRefused(again);
        assertThat(again.body().has("CustomImages")).isFalse();
    }

    @Test
    void aReplayedWriteIsRefusedAndDoneOnce() throws Exception {
        String image = send(signer.sign(
                        "ListImages", "2020-06-01", Map.of("RegionId", "cn-hangzhou", "ImageType", "system")))
                .body()
                .path("Images")
                .get(0)
                .path("ImageId")
                .asText();
        long before = count();
        byte[] create = signer.sign(
                "CreateInstances",
                "2020-06-01",
                Map.of("RegionId", "cn-hangzhou", "ImageId", image, "PlanId", "swas.s2.c2m2s40b3t08", "Period", "1"));
        assertThat(send(create).status()).isEqualTo(200);
        assertRefused(send(create));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void theNonceOutranksWhatLaterStagesWouldSay() throws Exception {
        byte[] bad =
                signer.sign("ListCustomImages", "2020-06-01", Map.of("RegionId", "cn-hangzhou", "PageSize", "nope"));
        Reply first = send(bad);
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.body().path("Code").asText()).isNotEqualTo("SignatureNonceUsed");
        assertRefused(send(bad));
        byte[] unknownAction = signer.sign("NoSuchAction", "2020-06-01", Map.of());
        assertThat(send(unknownAction).body().path("Code").asText()).isNotEqualTo("SignatureNonceUsed");
        assertRefused(send(unknownAction));
    }

    private static long count() throws IOException {
        return send(signer.sign("ListInstances", "2020-06-01", Map.of("RegionId", "cn-hangzhou", "PageSize", "100")))
                .body()
                .path("TotalCount")
                .asLong();
    }
}
