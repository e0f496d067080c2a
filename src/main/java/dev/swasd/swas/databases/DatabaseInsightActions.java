package dev.swasd.swas.databases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseErrorLogsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseInstanceMetricDataRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseSlowLogRecordsRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseErrorLogsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseErrorLogsResponse.ErrorLog;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseInstanceMetricDataResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseSlowLogRecordsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseSlowLogRecordsResponse.SlowLog;
import dev.swasd.swas.Paging;
import dev.swasd.swas.Shapes;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.TimeRange;
import dev.swasd.swas.databases.DatabaseActions.DatabaseRow;
import java.time.Duration;
import java.util.List;

/**
 * What a lightweight database instance reports about itself (spec/swas-breadth.md G11): its error log
 * (DescribeDatabaseErrorLogs), its slow query log (DescribeDatabaseSlowLogRecords) and its performance
 * series (DescribeDatabaseInstanceMetricData), all made up deterministically ({@link DatabaseLogs},
 * {@link DatabaseMetrics}) for the instances {@link DatabaseActions} keeps.
 */
public final class DatabaseInsightActions implements SwasOpenApi {
    /** The longest range a log or metric query may span. */
    static final Duration LONGEST = Duration.ofDays(31);

    static final int PAGE_SIZE_DEFAULT = 30;
    static final int PAGE_SIZE_MAX = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatabaseActions databases;

    public DatabaseInsightActions(DatabaseActions databases) {
        this.databases = databases;
    }

    @Override
    public DescribeDatabaseErrorLogsResponse describeDatabaseErrorLogs(Call call, DescribeDatabaseErrorLogsRequest r) {
        Paging paging = paging(r.pageNumber(), r.pageSize());
        TimeRange range = TimeRange.parse(r.startTime(), r.endTime(), LONGEST);
        DatabaseRow db = databases.require(call.tx(), databases.caller(call, r.regionId()), r.databaseInstanceId());
        List<DatabaseLogs.ErrorEntry> all = DatabaseLogs.errors(
                db.databaseInstanceId(),
                db.databaseVersion(),
                db.createdAt(),
                new DatabaseLogs.Window(range.from(), range.to(), call.now()));
        return new DescribeDatabaseErrorLogsResponse(
                paging.slice(all).stream()
                        .map(e -> new ErrorLog(Shapes.time(e.at()), e.info()))
                        .toList(),
                paging.number(),
                paging.size(),
                all.size());
    }

    @Override
    public DescribeDatabaseSlowLogRecordsResponse describeDatabaseSlowLogRecords(
            Call call, DescribeDatabaseSlowLogRecordsRequest r) {
        Paging paging = paging(r.pageNumber(), r.pageSize());
        TimeRange range = TimeRange.parse(r.startTime(), r.endTime(), LONGEST);
        DatabaseRow db = databases.require(call.tx(), databases.caller(call, r.regionId()), r.databaseInstanceId());
        List<DatabaseLogs.SlowEntry> all = DatabaseLogs.slow(
                db.databaseInstanceId(), db.createdAt(), new DatabaseLogs.Window(range.from(), range.to(), call.now()));
        List<DatabaseLogs.SlowEntry> page = paging.slice(all);
        return new DescribeDatabaseSlowLogRecordsResponse(
                "MySQL",
                paging.number(),
                paging.size(),
                page.stream().mapToLong(DatabaseLogs.SlowEntry::physicalReads).sum(),
                page.stream()
                        .map(e -> SlowLog.builder()
                                .dBName(e.dbName())
                                .executionStartTime(Shapes.time(e.at()))
                                .hostAddress(e.hostAddress())
                                .lockTimes(e.lockSeconds())
                                .parseRowCounts(e.parsedRows())
                                .queryTimeMS(e.queryMillis())
                                .queryTimes(e.querySeconds())
                                .returnRowCounts(e.returnedRows())
                                .sQLText(e.sql())
                                .build())
                        .toList(),
                all.size());
    }

    @Override
    public DescribeDatabaseInstanceMetricDataResponse describeDatabaseInstanceMetricData(
            Call call, DescribeDatabaseInstanceMetricDataRequest r) {
        DatabaseMetrics.Metric metric = metric(r.metricName());
        TimeRange range = TimeRange.parse(r.startTime(), r.endTime(), LONGEST);
        DatabaseRow db = databases.require(call.tx(), databases.caller(call, r.regionId()), r.databaseInstanceId());
        ArrayNode data = JSON.createArrayNode();
        for (DatabaseMetrics.Point p : DatabaseMetrics.series(
                db.databaseInstanceId(), db.createdAt(), metric, range.from(), range.to(), call.now())) {
            data.addObject().put("date", Shapes.time(p.at())).put("value", p.value());
        }
        return new DescribeDatabaseInstanceMetricDataResponse(
                metric.dataFormat, data.toString(), metric.name(), metric.unit);
    }

    private static DatabaseMetrics.Metric metric(String name) {
        for (DatabaseMetrics.Metric m : DatabaseMetrics.Metric.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw SwasErrors.invalidParam("MetricName", "it is not a metric of this service.");
    }

    private static Paging paging(Long pageNumber, Long pageSize) {
        if (pageNumber != null && pageNumber < 1) {
            throw SwasErrors.invalidParam("PageNumber", "it must be 1 or more.");
        }
        if (pageSize != null && (pageSize < 1 || pageSize > PAGE_SIZE_MAX)) {
            throw SwasErrors.invalidParam("PageSize", "it must be from 1 to " + PAGE_SIZE_MAX + ".");
        }
        return Paging.of(pageNumber, pageSize, PAGE_SIZE_DEFAULT);
    }
}
