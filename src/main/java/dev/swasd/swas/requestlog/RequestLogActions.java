package dev.swasd.swas.requestlog;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.ListRequestLogsRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.ListRequestLogsResponse;
import dev.swasd.store.RequestLogChunk;
import dev.swasd.store.RequestLogLines;
import dev.swasd.store.RequestLogRecord;
import dev.swasd.store.RequestLogRepository;
import dev.swasd.store.Table;
import dev.swasd.swas.Paging;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ListRequestLogs, swasd's own extension action (docs/request-log.md): the caller's account's
 * entries of the request log, newest first, filtered and paged. The server writes the log; this
 * module only reads it, and only the caller's account's rows.
 */
public final class RequestLogActions implements SwasOpenApi {
    static final int DEFAULT_PAGE_SIZE = 20;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Newest first; calls of the same millisecond by RequestId, descending, so pages are stable. */
    static final Comparator<RequestLogRecord> NEWEST_FIRST = Comparator.comparingLong(RequestLogRecord::loggedAt)
            .thenComparing(RequestLogRecord::requestId)
            .reversed();

    private final Table<RequestLogChunk> log = RequestLogRepository.table();

    @Override
    public ListRequestLogsResponse listRequestLogs(Call call, ListRequestLogsRequest r) {
        RequestLogQuery query = RequestLogQuery.of(
                call.accountId(), r.actionName(), r.code(), r.principal(), r.startTime(), r.endTime());
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), DEFAULT_PAGE_SIZE);
        long skip = (long) (paging.number() - 1) * paging.size();
        // the newest skip + size matches, in a heap whose head is the oldest of them
        long keep = skip + paging.size();
        PriorityQueue<RequestLogRecord> newest = new PriorityQueue<>(NEWEST_FIRST.reversed());
        long total = 0;
        for (RequestLogChunk chunk : log.list(call.tx(), query.chunkWhere(), "last_at DESC", query.chunkArgs())) {
            for (RequestLogRecord e : RequestLogLines.decode(chunk.body())) {
                if (!query.matches(e)) {
                    continue;
                }
                total++;
                if (newest.size() < keep) {
                    newest.add(e);
                } else if (NEWEST_FIRST.compare(e, newest.peek()) < 0) {
                    newest.poll();
                    newest.add(e);
                }
            }
        }
        List<RequestLogRecord> rows =
                newest.stream().sorted(NEWEST_FIRST).skip(skip).toList();
        return new ListRequestLogsResponse(
                paging.number(),
                paging.size(),
                rows.stream().map(RequestLogActions::shape).toList(),
                total);
    }

    static ListRequestLogsResponse.RequestLog shape(RequestLogRecord e) {
        return ListRequestLogsResponse.RequestLog.builder()
                .time(time(e.loggedAt()))
                .requestId(e.requestId())
                .product(e.product())
                .action(e.action())
                .version(e.apiVersion())
                .principal(e.principal())
                .userName(e.userName())
                .accessKeyId(e.accessKeyId())
                .sourceIp(e.sourceIp())
                .parameters(e.parameters())
                .httpStatus(e.httpStatus())
                .code(e.code())
                .message(e.message())
                .latencyMicros(e.latencyMicros())
                .build();
    }

    /** {@code 2026-12-03T12:00:00.123Z}. */
    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
