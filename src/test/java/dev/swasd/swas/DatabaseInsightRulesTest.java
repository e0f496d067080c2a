package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseErrorLogsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseInstanceMetricDataRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseSlowLogRecordsRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseErrorLogsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseInstanceMetricDataResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseSlowLogRecordsResponse;
import dev.swasd.swas.databases.DatabaseActions;
import dev.swasd.swas.databases.DatabaseInsightActions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database error and slow logs and metric series (spec/swas-breadth.md G11): deterministic, paged, in range. */
class DatabaseInsightRulesTest {
    static final long HOUR = 3_600_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    DomainFixture f;
    DatabaseInsightActions insight;
    String db;
    long born;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
        insight = f.module(DatabaseInsightActions.class);
        DatabaseActions dbs = f.module(DatabaseActions.class);
        born = f.now - 72 * HOUR;
        db = f.tx(tx -> dbs.seed(tx, f.caller, null, null, "8.0", born)).databaseInstanceId();
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", DomainFixture.ACCOUNT, null, f.now, tx)));
    }

    static String minute(long t) {
        return Instant.ofEpochMilli(t).toString().substring(0, 16) + "Z";
    }

    DescribeDatabaseErrorLogsResponse errors(String id, Object from, Object to, Long page, Long size) {
        return call(c -> insight.describeDatabaseErrorLogs(
                c,
                DescribeDatabaseErrorLogsRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(id)
                        .startTime(from.toString())
                        .endTime(to.toString())
                        .pageNumber(page)
                        .pageSize(size)
                        .build()));
    }

    DescribeDatabaseSlowLogRecordsResponse slow(Object from, Object to, Long page, Long size) {
        return call(c -> insight.describeDatabaseSlowLogRecords(
                c,
                DescribeDatabaseSlowLogRecordsRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .startTime(from.toString())
                        .endTime(to.toString())
                        .pageNumber(page)
                        .pageSize(size)
                        .build()));
    }

    DescribeDatabaseInstanceMetricDataResponse metric(String name, Object from, Object to) {
        return call(c -> insight.describeDatabaseInstanceMetricData(
                c,
                DescribeDatabaseInstanceMetricDataRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .metricName(name)
                        .startTime(from.toString())
                        .endTime(to.toString())
                        .build()));
    }

    @Test
    void errorLogsAreTheSameEveryTimeWithinTheRangeAndPaged() {
        String from = minute(born - HOUR);
        String to = minute(f.now + HOUR);
        DescribeDatabaseErrorLogsResponse all = errors(db, from, to, 1L, 100L);
        assertThat(all.totalCount().intValue())
                .as("about one a hour over three days")
                .isBetween(20, 100);
        assertThat(errors(db, from, to, 1L, 100L)).isEqualTo(all);
        long previous = 0;
        for (var e : all.errorLogs()) {
            long at = Instant.parse(e.createTime()).toEpochMilli();
            assertThat(at).isBetween(born, f.now).isGreaterThanOrEqualTo(previous);
            assertThat(e.errorInfo()).startsWith("[");
            previous = at;
        }
        List<Object> paged = new ArrayList<>();
        for (long p = 1; p <= (all.totalCount().intValue() + 6) / 7; p++) {
            DescribeDatabaseErrorLogsResponse page = errors(db, from, to, p, 7L);
            assertThat(page.totalCount()).isEqualTo(all.totalCount());
            paged.addAll(page.errorLogs());
        }
        assertThat(paged).isEqualTo(all.errorLogs());
        assertThat(errors(db, from, to, null, null).pageSize()).isEqualTo(30);
        // a narrower range holds exactly the entries of the wider one that fall in it
        long a = f.now - 24 * HOUR;
        long b = f.now - 12 * HOUR;
        assertThat(errors(db, minute(a), minute(b), 1L, 100L).errorLogs())
                .isEqualTo(all.errorLogs().stream()
                        .filter(e -> Instant.parse(e.createTime()).toEpochMilli() >= a
                                && Instant.parse(e.createTime()).toEpochMilli() < b)
                        .toList());
    }

    @Test
    void slowLogsCarryPlausibleQueries() {
        DescribeDatabaseSlowLogRecordsResponse r = slow(minute(born), minute(f.now), 1L, 100L);
        assertThat(r.engine()).isEqualTo("MySQL");
        assertThat(r.totalCount().intValue()).isPositive();
        long physical = 0;
        for (var s : r.slowLogs()) {
            assertThat(s.queryTimeMS().longValue()).isGreaterThanOrEqualTo(1000);
            assertThat(s.queryTimes().longValue()).isEqualTo(s.queryTimeMS().longValue() / 1000);
            assertThat(s.returnRowCounts().longValue())
                    .isBetween(1L, s.parseRowCounts().longValue());
            assertThat(s.sQLText()).isNotBlank();
            assertThat(s.hostAddress()).startsWith("root[root] @ [172.16.");
            physical += s.parseRowCounts().longValue() / 100;
        }
        assertThat(r.physicalIORead().longValue()).isEqualTo(physical);
        assertThat(slow(minute(born), minute(f.now), 1L, 100L)).isEqualTo(r);
    }

    @Test
    void metricSeriesHaveOnePointPerIntervalInTheDocumentedFormat() throws Exception {
        long to = f.now / HOUR * HOUR;
        DescribeDatabaseInstanceMetricDataResponse cpu = metric("MySQL_MemCpuUsage", minute(to - HOUR), minute(to));
        assertThat(cpu.dataFormat()).isEqualTo("cpuusage&memusage");
        assertThat(cpu.unit()).isEqualTo("%");
        JsonNode pts = JSON.readTree(cpu.metricData());
        assertThat(pts).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(pts.get(i).get("date").asText()).isEqualTo(Shapes.time(to - HOUR + i * 60_000L));
            String[] v = pts.get(i).get("value").asText().split("&");
            assertThat(v).hasSize(2);
            assertThat(Double.parseDouble(v[0])).isBetween(0.0, 100.0);
            assertThat(Double.parseDouble(v[1])).isBetween(0.0, 100.0);
        }
        assertThat(metric("MySQL_MemCpuUsage", minute(to - HOUR), minute(to))).isEqualTo(cpu);
        assertThat(JSON.readTree(metric("MySQL_Sessions", minute(to - 24 * HOUR), minute(to))
                        .metricData()))
                .as("five-minute points over a day")
                .hasSize(288)
                .allSatisfy(p -> {
                    String[] v = p.get("value").asText().split("&");
                    assertThat(Long.parseLong(v[0])).isBetween(0L, Long.parseLong(v[1]));
                });
        DescribeDatabaseInstanceMetricDataResponse space =
                metric("MySQL_DetailedSpaceUsage", minute(to - 48 * HOUR), minute(to));
        assertThat(space.unit()).isEqualTo("MB");
        assertThat(JSON.readTree(space.metricData())).hasSize(48).allSatisfy(p -> {
            long[] v = java.util.Arrays.stream(p.get("value").asText().split("&"))
                    .mapToLong(Long::parseLong)
                    .toArray();
            assertThat(v).hasSize(5);
            assertThat(v[0]).isEqualTo(v[1] + v[2] + v[3] + v[4]).isLessThan(40L * 1024);
        });
        DescribeDatabaseInstanceMetricDataResponse io = metric("MySQL_IOPS", minute(to - HOUR), minute(to));
        assertThat(io.dataFormat()).isEqualTo("io");
        assertThat(io.unit()).isEqualTo("int");
        assertThat(JSON.readTree(metric("MySQL_IOPS", minute(born - 5 * HOUR), minute(born + HOUR))
                        .metricData()))
                .as("nothing before the instance existed")
                .allSatisfy(
                        p -> assertThat(Instant.parse(p.get("date").asText()).toEpochMilli())
                                .isGreaterThanOrEqualTo(born / HOUR * HOUR));
    }

    @Test
    void badQuestionsAreRefused() {
        String now = minute(f.now);
        String hourAgo = minute(f.now - HOUR);
        code(fails(() -> errors(db, now, hourAgo, null, null)), 400, "InvalidParameter");
        code(fails(() -> errors(db, minute(f.now - 32 * 24 * HOUR), now, null, null)), 400, "InvalidParameter");
        code(fails(() -> errors(db, "2022-09-08 04:04", now, null, null)), 400, "InvalidParameter");
        code(fails(() -> errors(db, hourAgo, now, 0L, null)), 400, "InvalidParameter");
        code(fails(() -> slow(hourAgo, now, 1L, 101L)), 400, "InvalidParameter");
        code(fails(() -> metric("MySQL_QPS", hourAgo, now)), 400, "InvalidParameter");
        code(fails(() -> metric("MySQL_IOPS", now, now)), 400, "InvalidParameter");
        code(
                fails(() -> errors("db-" + "0".repeat(32), hourAgo, now, null, null)),
                404,
                "InvalidDatabaseInstanceId.NotFound");
    }
}
