package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeMonitorDataRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeMonitorDataResponse;
import dev.swasd.swas.monitoring.Metric;
import dev.swasd.swas.monitoring.MonitoringActions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DescribeMonitorData (spec/swas-breadth.md G9): determinism, one point per period, paging, units, FLOW_USED. */
class MonitoringRulesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long HOUR = 3_600_000;
    static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    DomainFixture f;
    MonitoringActions monitoring;
    String server;
    /** When the server was made: two days before the fixture's clock. */
    long born;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
        monitoring = f.module(MonitoringActions.class);
        long now = f.now;
        born = now - 48 * HOUR;
        f.now = born;
        server = f.server();
        f.now = now;
    }

    @AfterEach
    void close() {
        f.close();
    }

    DescribeMonitorDataResponse ask(
            String metric, String period, Object start, Object end, String length, String token) {
        return f.tx(tx -> monitoring.describeMonitorData(
                new Call("req", DomainFixture.ACCOUNT, null, f.now, tx),
                DescribeMonitorDataRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .metricName(metric)
                        .period(period)
                        .startTime(start.toString())
                        .endTime(end.toString())
                        .length(length)
                        .nextToken(token)
                        .build()));
    }

    static JsonNode points(DescribeMonitorDataResponse r) {
        try {
            return JSON.readTree(r.datapoints());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    long hourAgo(int hours) {
        return Math.floorDiv(f.now, HOUR) * HOUR - hours * HOUR;
    }

    @Test
    void theSameQuestionGetsTheSameAnswerAndServersDiffer() {
        long from = hourAgo(3);
        String a = ask("CPU_UTILIZATION", "60", from, from + HOUR, null, null).datapoints();
        String b = ask("CPU_UTILIZATION", "60", from, from + HOUR, null, null).datapoints();
        assertThat(a).isEqualTo(b);
        String iso = ask(
                        "CPU_UTILIZATION",
                        "60",
                        Instant.ofEpochMilli(from).toString(),
                        Instant.ofEpochMilli(from + HOUR).toString(),
                        null,
                        null)
                .datapoints();
        assertThat(iso)
                .as("ISO times ask the same question as epoch milliseconds")
                .isEqualTo(a);
        String first = server;
        server = f.server();
        assertThat(ask("CPU_UTILIZATION", "60", from, from + HOUR, null, null).datapoints())
                .as("another server has a series of its own")
                .isNotEqualTo(a);
        server = first;
        assertThat(ask("DISK_READ_IOPS", "60", from, from + HOUR, null, null).datapoints())
                .isNotEqualTo(a);
    }

    @Test
    void exactlyOnePointPerPeriodInTheHalfOpenRange() {
        long from = hourAgo(5);
        for (String period : List.of("60", "300", "900")) {
            long p = Long.parseLong(period) * 1000;
            DescribeMonitorDataResponse r = ask("MEMORY_ACTUALUSEDSPACE", period, from, from + 2 * HOUR, null, null);
            JsonNode pts = points(r);
            assertThat(pts).hasSize((int) (2 * HOUR / p));
            assertThat(r.period()).isEqualTo(period);
            for (int i = 0; i < pts.size(); i++) {
                assertThat(pts.get(i).get("timestamp").asLong()).isEqualTo(from + i * p);
            }
        }
        // a start between two period boundaries: the first point is at the next boundary
        JsonNode pts = points(ask("CPU_UTILIZATION", "300", from + 10_000, from + HOUR + 10_000, null, null));
        assertThat(pts).hasSize(12);
        assertThat(pts.get(0).get("timestamp").asLong()).isEqualTo(from + 300_000);
        assertThat(pts.get(11).get("timestamp").asLong()).isEqualTo(from + HOUR);
    }

    @Test
    void noPointsBeforeTheServerExistedOrAfterNow() {
        JsonNode pts = points(ask("CPU_UTILIZATION", "900", born - 2 * HOUR, f.now + 3 * HOUR, null, null));
        long first = Math.floorDiv(born, 900_000) * 900_000;
        assertThat(pts.get(0).get("timestamp").asLong()).isEqualTo(first);
        assertThat(pts.get(pts.size() - 1).get("timestamp").asLong()).isLessThanOrEqualTo(f.now);
        assertThat(pts).hasSize((int) ((Math.floorDiv(f.now, 900_000) * 900_000 - first) / 900_000) + 1);
    }

    @Test
    void valuesArePlausibleForThePlan() {
        long from = hourAgo(24);
        long to = from + 24 * HOUR;
        // the fixture's plan swas.s2.c2m2s40b3t08: 2 GiB memory, 40 GiB disk, 3 Mbit/s
        for (JsonNode p : points(ask("CPU_UTILIZATION", "60", from, to, "1440", null))) {
            assertThat(p.get("Average").asDouble()).isBetween(0.0, 100.0);
            assertThat(p.get("Maximum").asDouble()).isBetween(p.get("Average").asDouble(), 100.0);
            assertThat(p.get("Minimum").asDouble())
                    .isBetween(0.0, p.get("Average").asDouble());
            assertThat(p.get("instanceId").asText()).isEqualTo(server);
            assertThat(p.get("userId").asText()).isEqualTo(DomainFixture.ACCOUNT);
        }
        bounded("MEMORY_ACTUALUSEDSPACE", from, to, 2 * GIB - 1);
        bounded("DISKUSAGE_USED", from, to, 40 * GIB - 1);
        bounded("VPC_PUBLICIP_INTERNETOUT_RATE", from, to, 3_000_000);
        bounded("VPC_PUBLICIP_INTERNETIN_RATE", from, to, 3_000_000);
        bounded("DISK_READ_IOPS", from, to, 1_000);
        bounded("DISK_WRITE_IOPS", from, to, 1_000);
    }

    void bounded(String metric, long from, long to, long most) {
        JsonNode pts = points(ask(metric, "300", from, to, null, null));
        assertThat(pts).hasSize(288);
        for (JsonNode p : pts) {
            assertThat(p.get("Maximum").asDouble()).as(metric).isBetween(0.0, (double) most);
            assertThat(p.get("Minimum").asDouble())
                    .as(metric)
                    .isBetween(0.0, p.get("Average").asDouble());
            assertThat(p.get("Average").asDouble())
                    .as(metric)
                    .isLessThanOrEqualTo(p.get("Maximum").asDouble());
        }
    }

    @Test
    void lengthAndNextTokenPageThroughTheSeries() {
        long from = hourAgo(3);
        String whole =
                ask("DISK_WRITE_IOPS", "60", from, from + HOUR, null, null).datapoints();
        List<JsonNode> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            DescribeMonitorDataResponse r = ask("DISK_WRITE_IOPS", "60", from, from + HOUR, "25", token);
            points(r).forEach(paged::add);
            token = r.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(JSON.valueToTree(paged).toString()).isEqualTo(whole);
        String first =
                ask("DISK_WRITE_IOPS", "60", from, from + HOUR, "25", null).nextToken();
        code(fails(() -> ask("CPU_UTILIZATION", "60", from, from + HOUR, "25", first)), 400, "InvalidParameter");
        code(fails(() -> ask("DISK_WRITE_IOPS", "60", from, from + HOUR, "25", "garbage!")), 400, "InvalidParameter");
    }

    @Test
    void flowUsedHoursAddUpToTheTrafficUsedThisMonth() {
        long used = 7L * GIB + 12_345;
        f.run(tx -> f.instances.setTrafficUsed(tx, f.caller, server, used));
        DescribeMonitorDataResponse r = ask("FLOW_USED", "60", born - HOUR, f.now + HOUR, null, null);
        assertThat(r.period()).as("FLOW_USED is hourly whatever Period says").isEqualTo("3600");
        long sum = 0;
        for (JsonNode p : points(r)) {
            assertThat(p.get("timestamp").asLong() % HOUR).isZero();
            assertThat(p.get("Sum").asLong()).isNotNegative();
            sum += p.get("Sum").asLong();
        }
        // the fixture's clock is mid-month and the server two days old: its whole life is this month
        assertThat(sum).isEqualTo(used);
        long listed = f.tx(tx -> f.instances.traffic(tx, f.caller, List.of(server)))
                .getFirst()
                .used();
        assertThat(sum).isEqualTo(listed);
    }

    @Test
    void badQuestionsAreRefused() {
        long from = hourAgo(3);
        code(fails(() -> ask("CPU_UTILIZATION", "120", from, from + HOUR, null, null)), 400, "InvalidParameter");
        code(fails(() -> ask("CPU_UTILIZATION", "3600", from, from + HOUR, null, null)), 400, "InvalidParameter");
        code(fails(() -> ask("CPU_LOAD", "60", from, from + HOUR, null, null)), 400, "InvalidParameter");
        code(fails(() -> ask("CPU_UTILIZATION", "60", from, from, null, null)), 400, "InvalidParameter");
        code(
                fails(() -> ask("CPU_UTILIZATION", "60", from - 32 * 24 * HOUR, from, null, null)),
                400,
                "InvalidParameter");
        code(fails(() -> ask("CPU_UTILIZATION", "60", "yesterday", from, null, null)), 400, "InvalidParameter");
        code(fails(() -> ask("CPU_UTILIZATION", "60", from, from + HOUR, "0", null)), 400, "InvalidParameter");
        code(fails(() -> ask("CPU_UTILIZATION", "60", from, from + HOUR, "1441", null)), 400, "InvalidParameter");
        assertThat(points(ask("CPU_UTILIZATION", "60", from - 31 * 24 * HOUR, from, "1440", null)))
                .hasSize(1440);
        server = "0123456789abcdef0123456789abcdef";
        code(
                fails(() -> ask(Metric.CPU_UTILIZATION.name(), "60", from, from + HOUR, null, null)),
                404,
                "InvalidInstanceId.NotFound");
    }
}
