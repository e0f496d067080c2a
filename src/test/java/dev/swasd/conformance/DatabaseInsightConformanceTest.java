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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded database's error log, slow log and metric series through the official generic Java client
 * {@code tea-openapi}, in ACS3 and V1 signing, a day and a half after it was seeded (the control API moves
 * the clock): the documented shapes, paging, the same answer twice, and every refusal.
 */
class DatabaseInsightConformanceTest {
    static final String R = "cn-hangzhou";
    static final long HOUR = 3_600_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedSwasd swasd;
    static String db;
    static long seededAt;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("swasd-db-insight");
        swasd = EmbeddedSwasd.builder()
                .databaseUrl(TestDatabases.fresh(dir, "swasd"), null, null)
                .start();
        HttpResponse<String> seeded = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(swasd.controlEndpoint() + "seed/database"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\": \"orders\", \"version\": \"5.7\"}"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                (swasd.accessKeyId() + ":" + swasd.accessKeySecret())
                                                                        .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(201);
        db = JSON.readTree(seeded.body()).get("databaseInstanceId").asText();
        seededAt = System.currentTimeMillis();
        swasd.advanceClock(Duration.ofHours(36));
    }

    @AfterAll
    static void stop() {
        swasd.close();
    }

    static long now() {
        return System.currentTimeMillis() + swasd.clockOffset().toMillis();
    }

    static String minute(long t) {
        return Instant.ofEpochMilli(t).toString().substring(0, 16) + "Z";
    }

    static TeaClient client(String signing) {
        return TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), signing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void logsArePagedAndTheSameEveryTime(String signing) {
        TeaClient c = client(signing);
        String from = minute(seededAt - HOUR);
        String to = minute(now() + HOUR);
        Map<String, Object> all = c.call(
                "DescribeDatabaseErrorLogs",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "StartTime",
                from,
                "EndTime",
                to,
                "PageSize",
                100);
        int total = ((Number) all.get("TotalCount")).intValue();
        assertThat(total).isPositive();
        List<Map<String, Object>> logs = (List<Map<String, Object>>) all.get("ErrorLogs");
        assertThat(logs)
                .hasSize(Math.min(total, 100))
                .allSatisfy(l -> assertThat(l).containsKeys("CreateTime", "ErrorInfo"));
        List<Object> paged = new ArrayList<>();
        for (int p = 1; paged.size() < logs.size(); p++) {
            Map<String, Object> page = c.call(
                    "DescribeDatabaseErrorLogs",
                    "RegionId",
                    R,
                    "DatabaseInstanceId",
                    db,
                    "StartTime",
                    from,
                    "EndTime",
                    to,
                    "PageNumber",
                    p,
                    "PageSize",
                    10);
            assertThat(((Number) page.get("PageNumber")).intValue()).isEqualTo(p);
            assertThat(((Number) page.get("PageSize")).intValue()).isEqualTo(10);
            paged.addAll((List<Object>) page.get("ErrorLogs"));
        }
        assertThat(paged).isEqualTo(logs);

        Map<String, Object> slow = c.call(
                "DescribeDatabaseSlowLogRecords",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "StartTime",
                from,
                "EndTime",
                to);
        assertThat(slow).containsEntry("Engine", "MySQL").containsKey("PhysicalIORead");
        assertThat(((Number) slow.get("PageSize")).intValue()).isEqualTo(30);
        assertThat((List<Map<String, Object>>) slow.get("SlowLogs"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s)
                        .containsKeys(
                                "DBName",
                                "ExecutionStartTime",
                                "HostAddress",
                                "LockTimes",
                                "ParseRowCounts",
                                "QueryTimeMS",
                                "QueryTimes",
                                "ReturnRowCounts",
                                "SQLText"));
        Map<String, Object> again = new java.util.HashMap<>(c.call(
                "DescribeDatabaseSlowLogRecords",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "StartTime",
                from,
                "EndTime",
                to));
        Map<String, Object> first = new java.util.HashMap<>(slow);
        again.remove("RequestId");
        first.remove("RequestId");
        assertThat(again).as("the same question gets the same answer").isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void metricSeriesInTheDocumentedShape(String signing) throws Exception {
        TeaClient c = client(signing);
        long to = now() / HOUR * HOUR;
        Map<String, Object> cpu = c.call(
                "DescribeDatabaseInstanceMetricData",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "MetricName",
                "MySQL_MemCpuUsage",
                "StartTime",
                minute(to - HOUR),
                "EndTime",
                minute(to));
        assertThat(cpu)
                .containsEntry("MetricName", "MySQL_MemCpuUsage")
                .containsEntry("DataFormat", "cpuusage&memusage")
                .containsEntry("Unit", "%");
        JsonNode points = JSON.readTree((String) cpu.get("MetricData"));
        assertThat(points).hasSize(60);
        assertThat(points.get(0).get("date").asText())
                .isEqualTo(Instant.ofEpochMilli(to - HOUR).toString());
        assertThat(points.get(0).get("value").asText()).matches("\\d+\\.\\d\\d&\\d+\\.\\d\\d");
        for (String[] m : List.of(
                new String[] {"MySQL_Sessions", "active_session&total_session", "int"},
                new String[] {"MySQL_DetailedSpaceUsage", "ins_size&data_size&log_size&tmp_size&other_size", "MB"},
                new String[] {"MySQL_IOPS", "io", "int"})) {
            Map<String, Object> body = c.call(
                    "DescribeDatabaseInstanceMetricData",
                    "RegionId",
                    R,
                    "DatabaseInstanceId",
                    db,
                    "MetricName",
                    m[0],
                    "StartTime",
                    minute(to - 24 * HOUR),
                    "EndTime",
                    minute(to));
            assertThat(body).containsEntry("DataFormat", m[1]).containsEntry("Unit", m[2]);
            assertThat(JSON.readTree((String) body.get("MetricData"))).hasSize(288);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void refusals(String signing) {
        TeaClient c = client(signing);
        String now = minute(now());
        String hourAgo = minute(now() - HOUR);
        refused(
                c,
                400,
                "InvalidParameter",
                "DescribeDatabaseErrorLogs",
                "DatabaseInstanceId",
                db,
                "StartTime",
                now,
                "EndTime",
                hourAgo);
        refused(
                c,
                400,
                "InvalidParameter",
                "DescribeDatabaseErrorLogs",
                "DatabaseInstanceId",
                db,
                "StartTime",
                minute(now() - 40 * 24 * HOUR),
                "EndTime",
                now);
        refused(
                c,
                400,
                "InvalidParameter",
                "DescribeDatabaseSlowLogRecords",
                "DatabaseInstanceId",
                db,
                "StartTime",
                "yesterday",
                "EndTime",
                now);
        refused(
                c,
                400,
                "InvalidParameter",
                "DescribeDatabaseSlowLogRecords",
                "DatabaseInstanceId",
                db,
                "StartTime",
                hourAgo,
                "EndTime",
                now,
                "PageSize",
                101);
        refused(
                c,
                400,
                "InvalidParameter",
                "DescribeDatabaseInstanceMetricData",
                "DatabaseInstanceId",
                db,
                "MetricName",
                "MySQL_QPS",
                "StartTime",
                hourAgo,
                "EndTime",
                now);
        refused(
                c,
                404,
                "InvalidDatabaseInstanceId.NotFound",
                "DescribeDatabaseInstanceMetricData",
                "DatabaseInstanceId",
                "db-" + "0".repeat(32),
                "MetricName",
                "MySQL_IOPS",
                "StartTime",
                hourAgo,
                "EndTime",
                now);
        refused(
                c,
                404,
                "InvalidDatabaseInstanceId.NotFound",
                "DescribeDatabaseErrorLogs",
                "DatabaseInstanceId",
                "db-" + "0".repeat(32),
                "StartTime",
                hourAgo,
                "EndTime",
                now);
        refused(c, 400, "MissingStartTime", "DescribeDatabaseSlowLogRecords", "DatabaseInstanceId", db, "EndTime", now);
    }

    static void refused(TeaClient c, int status, String code, String action, Object... kv) {
        List<Object> all = new ArrayList<>(List.of("RegionId", R));
        all.addAll(List.of(kv));
        TeaException e = c.error(action, all.toArray());
        assertThat(e.getStatusCode()).as(action + ": " + e.getMessage()).isEqualTo(status);
        assertThat(e.getCode()).as(action + ": " + e.getMessage()).isEqualTo(code);
    }
}
