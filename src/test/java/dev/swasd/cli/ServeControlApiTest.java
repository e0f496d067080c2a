package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.conformance.TeaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swasd serve --control-api}: the banner names the control API, which then answers; without the flag it does not exist. */
class ServeControlApiTest {
    private static final String KEY = "LTAIServeControl0001";
    private static final String SECRET = "ServeControlSecret0001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static HttpResponse<String> control(int port, String method, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_swasd/" + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFlagServesTheControlApiAndTheBannerSaysWhere() throws Exception {
        try (ServeProcess p = ServeProcess.start(
                Map.of(),
                "serve",
                "--port",
                "0",
                "--control-api",
                "--data",
                tmp.resolve("on").toString(),
                "--state-delay",
                "1h",
                "--root-access-key-id",
                KEY,
                "--root-access-key-secret",
                SECRET)) {
            assertThat(p.awaitOut("SDK config", 30))
                    .as("stdout %s stderr %s", p.out, p.err)
                    .isTrue();
            int port = p.port();
            assertThat(p.out)
                    .contains("swasd: control API on http://127.0.0.1:" + port
                            + "/_swasd/ (HTTP Basic with the root AccessKey)");
            TeaClient c = TeaClient.swas("127.0.0.1:" + port, KEY, SECRET, "v3");
            assertThat(control(
                                    port,
                                    "POST",
                                    "faults",
                                    "{\"action\": \"ListRegions\", \"code\": \"Throttling.User\", " + "\"times\": 1}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(c.error("ListRegions").getCode()).isEqualTo("Throttling.User");
            // the clock of a serve process moves too, and signed requests keep working after it has
            assertThat(control(port, "POST", "clock/advance", "{\"by\": \"2h\"}")
                            .body())
                    .contains("\"offset\":\"PT2H\"");
            assertThat(c.call("ListRegions")).containsKey("Regions");
            assertThat(control(port, "POST", "reset", null).statusCode()).isEqualTo(200);
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }

    @Test
    void withoutTheFlagThereIsNoControlApi() throws Exception {
        try (ServeProcess p = ServeProcess.start(
                Map.of(),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("off").toString(),
                "--root-access-key-id",
                KEY,
                "--root-access-key-secret",
                SECRET)) {
            assertThat(p.awaitOut("SDK config", 30))
                    .as("stdout %s stderr %s", p.out, p.err)
                    .isTrue();
            assertThat(p.out).noneMatch(l -> l.contains("control API"));
            HttpResponse<String> r = control(p.port(), "POST", "reset", null);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("InvalidAction.NotFound");
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }
}
