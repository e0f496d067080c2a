package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.tea.TeaException;
import dev.swasd.junit.SwasdExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control API as any language sees it: JSON over HTTP under /_swasd/, Basic with the root key. */
class ControlApiOverHttpTest {
    @RegisterExtension
    static SwasdExtension swasd = new SwasdExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String path, String json, boolean authenticated)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(swasd.controlEndpoint() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authenticated) {
            String basic = swasd.accessKeyId() + ":" + swasd.accessKeySecret();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basic.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheRootKeyItAnswers401() throws Exception {
        assertEquals(401, send("POST", "reset", null, false).statusCode());
        assertEquals(200, send("POST", "reset", null, true).statusCode());
    }

    @Test
    void faultsAreAddedListedUsedAndCleared() throws Exception {
        HttpResponse<String> added = send("POST", "faults", "{\"action\": \"ListRegions\", \"code\": \"Throttling.User\", "
                + "\"status\": 400, \"message\": \"Request was denied due to user flow control.\", \"times\": 1}", true);
        assertEquals(201, added.statusCode());
        assertTrue(send("GET", "faults", null, true).body().contains("\"Throttling.User\""));

        SwasClient swas = new SwasClient(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret());
        try {
            swas.call("ListRegions");
            throw new AssertionError("the fault did not fire");
        } catch (TeaException e) {
            assertEquals("Throttling.User", e.getCode());
        }
        swas.call("ListRegions");
        assertEquals("{\"faults\":[]}", send("GET", "faults", null, true).body().trim());

        send("POST", "faults", "{\"action\": \"*\", \"delayMs\": 50}", true);
        assertEquals(200, send("DELETE", "faults", null, true).statusCode());
        assertEquals("{\"faults\":[]}", send("GET", "faults", null, true).body().trim());
    }

    @Test
    void theClockMovesForward() throws Exception {
        HttpResponse<String> moved = send("POST", "clock/advance", "{\"by\": \"2h\"}", true);
        assertEquals(200, moved.statusCode());
        assertTrue(moved.body().contains("\"offset\":\"PT2H\""), moved.body());
    }
}
