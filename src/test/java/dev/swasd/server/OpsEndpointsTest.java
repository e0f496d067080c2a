package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.swas.Quotas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /healthz, /readyz and /metrics as an operator's probes and Prometheus see them. */
class OpsEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String R = "cn-hangzhou";
    private TestServer server;
    private String dbUrl;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createTempDirectory("swasd-ops");
        dbUrl = TestDatabases.fresh(dir, "swasd");
        // an hour of state delay keeps new resources in transition, so the backlog gauge has something to count
        server = TestServer.start(dir, dbUrl, null, Duration.ofHours(1), Quotas.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + server.endpoint() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyNeedsTheSchemaOfThisBuild() throws Exception {
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(ready.body()).path("status").asText())
                .isEqualTo("ready");

        // as if the database had been restored from before the newest migration
        String newest;
        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL");
            newest = "0";
            while (rs.next()) {
                newest = Integer.parseInt(rs.getString(1)) > Integer.parseInt(newest) ? rs.getString(1) : newest;
            }
            s.executeUpdate(
                    "UPDATE flyway_schema_history SET version = '0." + newest + "' WHERE version = '" + newest + "'");
        }
        HttpResponse<String> notReady = get("/readyz");
        assertThat(notReady.statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(notReady.body());
        assertThat(body.path("status").asText()).isEqualTo("not ready");
        assertThat(body.path("reason").asText()).isEqualTo("schema version " + newest + " is not applied");
        assertThat(get("/healthz").statusCode()).as("alive all the same").isEqualTo(200);

        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "UPDATE flyway_schema_history SET version = '" + newest + "' WHERE version = '0." + newest + "'");
            s.executeUpdate("UPDATE flyway_schema_history SET success = " + (TestDatabases.postgres() ? "false" : "0")
                    + " WHERE version = '1'");
        }
        assertThat(get("/readyz").body()).contains("\"reason\":\"migration 1 failed\"");
    }

    @Test
    @Slow // waits up to 15 s for the sampled backlog gauge
    void metricsCountRequestsByActionAndCode() throws Exception {
        TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
        c.call("ListRegions");
        c.call("ListRegions");
        c.call("ListRegions");
        assertThat(c.error(
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                "nope",
                                "PlanId",
                                "swas.no.such.plan",
                                "Period",
                                1)
                        .getCode())
                .isEqualTo("InvalidPlanId.NotFound");
        assertThat(c.error("NoSuchAction").getCode()).isEqualTo("InvalidAction.NotFound");
        TeaClient stranger = TeaClient.swas(server.endpoint(), "LTAINoSuchKey0001", "whatever-secret", "v1");
        assertThat(stranger.error("ListRegions").getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        String linux = ((List<Map<String, Object>>) c.call("ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .stream()
                        .filter(i -> "Linux".equals(i.get("Platform")))
                        .findFirst()
                        .orElseThrow()
                        .get("ImageId")
                        .toString();
        c.call(
                "CreateInstances",
                "RegionId",
                R,
                "ImageId",
                linux,
                "PlanId",
                "swas.s2.c2m2s40b3t08",
                "Period",
                1,
                "Amount",
                2);

        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        String text = scrape.body();
        assertThat(value(text, "swasd_requests_total{action=\"ListRegions\",code=\"OK\",status=\"200\"}"))
                .isEqualTo(3.0);
        assertThat(value(
                        text,
                        "swasd_requests_total{action=\"CreateInstances\",code=\"InvalidPlanId.NotFound\","
                                + "status=\"404\"}"))
                .isEqualTo(1.0);
        assertThat(value(
                        text,
                        "swasd_requests_total{action=\"unknown\",code=\"InvalidAction.NotFound\"," + "status=\"404\"}"))
                .isEqualTo(1.0);
        assertThat(value(
                        text,
                        "swasd_requests_total{action=\"ListRegions\",code=\"InvalidAccessKeyId.NotFound\","
                                + "status=\"404\"}"))
                .isEqualTo(1.0);
        // latency is by action alone: the stranger's refused ListRegions is timed too
        assertThat(value(text, "swasd_request_duration_seconds_count{action=\"ListRegions\"}"))
                .isEqualTo(4.0);
        assertThat(value(text, "swasd_request_duration_seconds_bucket{action=\"ListRegions\",le=\"10.0\"}"))
                .isEqualTo(4.0);
        assertThat(text)
                .contains("swasd_request_duration_seconds_bucket{action=\"ListRegions\",le=\"0.005\"}")
                .contains("hikaricp_connections_active{pool=\"swasd-db\"}")
                .contains("hikaricp_connections_max{pool=\"swasd-db\"}")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_compilation_time_ms_total");

        // the backlog gauges are sampled every few seconds: two servers Pending for an hour
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (value(get("/metrics").body(), "swasd_transitions_pending{resource=\"instances\"}") != 2.0) {
            assertThat(System.nanoTime())
                    .as("backlog gauge never showed the new servers")
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
        String later = get("/metrics").body();
        assertThat(value(later, "swasd_transitions_overdue{resource=\"instances\"}"))
                .isEqualTo(0.0);
        assertThat(value(later, "swasd_transitions_pending{resource=\"custom_images\"}"))
                .isEqualTo(0.0);
    }

    /** The value of one series in the Prometheus text, or NaN when it is absent. */
    private static double value(String text, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
