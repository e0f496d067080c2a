package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.TestDatabases;
import dev.swasd.embedded.EmbeddedSwasd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DescribeMonitorData through the official generic Java client {@code tea-openapi}, in ACS3 and V1 signing,
 * against an embedded server whose control API seeds the month's traffic and moves the clock: a user's
 * script reads a server's CPU series, pages it, and finds FLOW_USED adding up to what
 * ListInstancesTrafficPackages reports; every refusal of the action.
 */
class MonitoringConformanceTest {
    static final String R = "cn-hangzhou";
    static final String PLAN = "swas.s2.c2m2s40b3t08";
    static final long HOUR = 3_600_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static EmbeddedSwasd swasd;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("swasd-monitoring");
        swasd = EmbeddedSwasd.builder()
                .stateDelay(Duration.ofMinutes(1))
                .databaseUrl(TestDatabases.fresh(dir, "swasd"), null, null)
                .start();
    }

    @AfterAll
    static void stop() {
        swasd.close();
    }

    @BeforeEach
    void reset() {
        swasd.reset();
    }

    static TeaClient client(String signing) {
        return TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), signing);
    }

    @SuppressWarnings("unchecked")
    static String server(TeaClient c) {
        List<Map<String, Object>> images = (List<Map<String, Object>>)
                c.call("ListImages", "RegionId", R, "ImageType", "system").get("Images");
        String linux = (String) images.stream()
                .filter(i -> "Linux".equals(i.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("ImageId");
        return ((List<String>) c.call(
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                linux,
                                "PlanId",
                                PLAN,
                                "Period",
                                1,
                                "Amount",
                                1)
                        .get("InstanceIds"))
                .getFirst();
    }

    static void seedTraffic(String instanceId, long bytes) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(swasd.controlEndpoint() + "seed/traffic"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"instanceId\": \"" + instanceId + "\", \"bytes\": " + bytes + "}"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((swasd.accessKeyId() + ":" + swasd.accessKeySecret())
                                                .getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    static long now() {
        return System.currentTimeMillis() + swasd.clockOffset().toMillis();
    }

    static JsonNode points(Map<String, Object> body) throws Exception {
        assertThat(body.get("Datapoints")).as("Datapoints is JSON text").isInstanceOf(String.class);
        return JSON.readTree((String) body.get("Datapoints"));
    }

    static Map<String, Object> ask(
            TeaClient c, String server, String metric, String period, Object from, Object to, Object... more) {
        List<Object> kv = new ArrayList<>(List.of(
                "RegionId",
                R,
                "InstanceId",
                server,
                "MetricName",
                metric,
                "Period",
                period,
                "StartTime",
                from,
                "EndTime",
                to));
        kv.addAll(List.of(more));
        return c.call("DescribeMonitorData", kv.toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void aScriptReadsAServersCpuSeriesPageByPage(String signing) throws Exception {
        TeaClient c = client(signing);
        String server = server(c);
        swasd.advanceClock(Duration.ofHours(3));
        long from = Math.floorDiv(now(), HOUR) * HOUR - 2 * HOUR;
        String start = Instant.ofEpochMilli(from).toString();
        String end = Instant.ofEpochMilli(from + HOUR).toString();

        Map<String, Object> whole = ask(c, server, "CPU_UTILIZATION", "60", start, end);
        assertThat(whole).containsEntry("Period", "60").doesNotContainKey("NextToken");
        JsonNode pts = points(whole);
        assertThat(pts).as("one point per minute of the hour").hasSize(60);
        for (int i = 0; i < 60; i++) {
            JsonNode p = pts.get(i);
            assertThat(p.get("timestamp").asLong()).isEqualTo(from + i * 60_000L);
            assertThat(p.get("instanceId").asText()).isEqualTo(server);
            assertThat(p.get("Average").asDouble()).isBetween(0.0, 100.0);
            assertThat(p.get("Maximum").asDouble()).isBetween(0.0, 100.0);
            assertThat(p.get("Minimum").asDouble()).isBetween(0.0, 100.0);
        }
        assertThat(ask(c, server, "CPU_UTILIZATION", "60", from, from + HOUR).get("Datapoints"))
                .as("the same question, in epoch milliseconds, gets the same answer")
                .isEqualTo(whole.get("Datapoints"));

        List<JsonNode> paged = new ArrayList<>();
        Object token = null;
        int pages = 0;
        do {
            Map<String, Object> page = token == null
                    ? ask(c, server, "CPU_UTILIZATION", "60", start, end, "Length", "25")
                    : ask(c, server, "CPU_UTILIZATION", "60", start, end, "Length", "25", "NextToken", token);
            points(page).forEach(paged::add);
            token = page.get("NextToken");
            pages++;
        } while (token != null && !token.toString().isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat((JsonNode) JSON.valueToTree(paged)).isEqualTo(pts);

        assertThat(points(ask(c, server, "MEMORY_ACTUALUSEDSPACE", "300", start, end)))
                .hasSize(12)
                .allSatisfy(p -> assertThat(p.get("Maximum").asLong()).isLessThan(2L << 30));
        assertThat(points(ask(c, server, "DISKUSAGE_USED", "900", start, end)))
                .hasSize(4)
                .allSatisfy(p -> assertThat(p.get("Maximum").asLong()).isLessThan(40L << 30));
        for (String rate : List.of("VPC_PUBLICIP_INTERNETOUT_RATE", "VPC_PUBLICIP_INTERNETIN_RATE")) {
            assertThat(points(ask(c, server, rate, "300", start, end)))
                    .hasSize(12)
                    .allSatisfy(p -> assertThat(p.get("Maximum").asLong()).isBetween(0L, 3_000_000L));
        }
        for (String iops : List.of("DISK_READ_IOPS", "DISK_WRITE_IOPS")) {
            assertThat(points(ask(c, server, iops, "60", start, end))).hasSize(60);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void flowUsedAddsUpToTheTrafficPackagesUse(String signing) throws Exception {
        TeaClient c = client(signing);
        String server = server(c);
        // a day on, unless the month ends sooner: the month's traffic is what both answers speak of
        long monthEnd = YearMonth.from(Instant.ofEpochMilli(now()).atZone(ZoneOffset.UTC))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        long ahead = Math.max(0, Math.min(30 * HOUR, monthEnd - now() - HOUR));
        swasd.advanceClock(Duration.ofMillis(ahead));
        long bytes = 3L * (1L << 30) + 777;
        seedTraffic(server, bytes);
        long used = ((Number) ((List<Map<String, Object>>) c.call(
                                        "ListInstancesTrafficPackages",
                                        "RegionId",
                                        R,
                                        "InstanceIds",
                                        "[\"" + server + "\"]")
                                .get("InstanceTrafficPackageUsages"))
                        .getFirst()
                        .get("TrafficUsed"))
                .longValue();
        assertThat(used).isEqualTo(bytes);

        Map<String, Object> flow = ask(c, server, "FLOW_USED", "60", now() - 2 * ahead - 2 * HOUR, now() + HOUR);
        assertThat(flow).containsEntry("Period", "3600");
        long sum = 0;
        for (JsonNode p : points(flow)) {
            assertThat(p.get("timestamp").asLong() % HOUR).isZero();
            sum += p.get("Sum").asLong();
        }
        assertThat(sum).isEqualTo(used);
        assertThat(points(flow)).hasSize((int) ((Math.floorDiv(now(), HOUR) - Math.floorDiv(now() - ahead, HOUR)) + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void refusals(String signing) {
        TeaClient c = client(signing);
        String server = server(c);
        long to = now();
        long from = to - HOUR;
        refused(c, 400, "InvalidParameter", server, "CPU_UTILIZATION", "120", from, to);
        refused(c, 400, "InvalidParameter", server, "CPU_LOAD", "60", from, to);
        refused(c, 400, "InvalidParameter", server, "CPU_UTILIZATION", "60", to, from);
        refused(c, 400, "InvalidParameter", server, "CPU_UTILIZATION", "60", to - 32 * 24 * HOUR, to);
        refused(c, 400, "InvalidParameter", server, "CPU_UTILIZATION", "60", "2024-13-01T00:00:00Z", to);
        refused(c, 400, "InvalidParameter", server, "CPU_UTILIZATION", "60", from, to, "Length", "1441");
        refused(c, 400, "InvalidParameter", server, "CPU_UTILIZATION", "60", from, to, "NextToken", "bm9wZQ");
        refused(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "0123456789abcdef0123456789abcdef",
                "CPU_UTILIZATION",
                "60",
                from,
                to);
        TeaException missing = c.error(
                "DescribeMonitorData",
                "RegionId",
                R,
                "InstanceId",
                server,
                "MetricName",
                "CPU_UTILIZATION",
                "Period",
                "60",
                "EndTime",
                to);
        assertThat(missing.getCode()).isEqualTo("MissingStartTime");
    }

    static void refused(
            TeaClient c,
            int status,
            String code,
            String server,
            String metric,
            String period,
            Object from,
            Object to,
            Object... more) {
        List<Object> kv = new ArrayList<>(List.of(
                "RegionId",
                R,
                "InstanceId",
                server,
                "MetricName",
                metric,
                "Period",
                period,
                "StartTime",
                from,
                "EndTime",
                to));
        kv.addAll(List.of(more));
        TeaException e = c.error("DescribeMonitorData", kv.toArray());
        assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.getCode()).as(e.getMessage()).isEqualTo(code);
    }
}
