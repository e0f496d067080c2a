package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.ListRequestLogsRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.ListRequestLogsResponse;
import dev.swasd.store.RequestLogRecord;
import dev.swasd.store.RequestLogRepository;
import dev.swasd.swas.requestlog.RequestLogActions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ListRequestLogs over a real database: only the caller's account, newest first, every filter,
 * paging and its checks, and the retention purge.
 */
class RequestLogRulesTest {
    static final String OTHER = "6543210987654321";
    static final long T0 = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    DomainFixture f;
    RequestLogActions module;
    final RequestLogRepository repository = new RequestLogRepository();

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
        module = f.module(RequestLogActions.class);
        f.run(tx -> {
            tx.update("INSERT INTO accounts (account_id, created_at) VALUES (?, ?)", DomainFixture.ACCOUNT, 0L);
            tx.update("INSERT INTO accounts (account_id, created_at) VALUES (?, ?)", OTHER, 0L);
        });
    }

    @AfterEach
    void close() {
        f.close();
    }

    static RequestLogRecord entry(String account, String id, long at, String action, String user, String code) {
        return new RequestLogRecord(
                id,
                account,
                at,
                "swas-open",
                action,
                "2020-06-01",
                user.isEmpty() ? account : account + "/" + user,
                user,
                "LTAI" + account,
                "127.0.0.1",
                "{\"RegionId\":\"cn-hangzhou\"}",
                code.isEmpty() ? 200 : 403,
                code,
                code.isEmpty() ? "" : "denied",
                1234);
    }

    void append(RequestLogRecord... entries) {
        f.run(tx -> repository.append(tx, List.of(entries)));
    }

    ListRequestLogsResponse list(String account, ListRequestLogsRequest r) {
        return f.tx(tx -> module.listRequestLogs(new Call("req", account, null, f.now, tx), r));
    }

    ListRequestLogsResponse list(ListRequestLogsRequest.Builder b) {
        return list(DomainFixture.ACCOUNT, b.build());
    }

    static List<String> ids(ListRequestLogsResponse r) {
        return r.requestLogs().stream()
                .map(ListRequestLogsResponse.RequestLog::requestId)
                .toList();
    }

    @Test
    void answersOnlyTheCallersAccountNewestFirstWithEveryField() {
        append(
                entry(DomainFixture.ACCOUNT, "a1", T0, "ListInstances", "", ""),
                entry(OTHER, "o1", T0 + 1, "ListInstances", "", ""),
                entry(DomainFixture.ACCOUNT, "a2", T0 + 2_123, "StopInstance", "alice", "Forbidden.RAM"));

        ListRequestLogsResponse mine = list(ListRequestLogsRequest.builder());
        assertThat(ids(mine)).containsExactly("a2", "a1");
        assertThat(mine.totalCount()).isEqualTo(2L);
        assertThat(mine.pageNumber()).isEqualTo(1);
        assertThat(mine.pageSize()).isEqualTo(20);
        ListRequestLogsResponse.RequestLog newest = mine.requestLogs().getFirst();
        assertThat(newest.time()).isEqualTo("2026-12-03T12:00:02.123Z");
        assertThat(newest.principal()).isEqualTo(DomainFixture.ACCOUNT + "/alice");
        assertThat(newest.userName()).isEqualTo("alice");
        assertThat(newest.code()).isEqualTo("Forbidden.RAM");
        assertThat(newest.message()).isEqualTo("denied");
        assertThat(newest.httpStatus()).isEqualTo(403);
        assertThat(newest.latencyMicros()).isEqualTo(1234L);
        assertThat(newest.product()).isEqualTo("swas-open");
        assertThat(newest.version()).isEqualTo("2020-06-01");
        assertThat(newest.accessKeyId()).isEqualTo("LTAI" + DomainFixture.ACCOUNT);
        assertThat(newest.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(newest.parameters()).isEqualTo("{\"RegionId\":\"cn-hangzhou\"}");
        assertThat(mine.requestLogs().get(1).time()).isEqualTo("2026-12-03T12:00:00.000Z");

        ListRequestLogsResponse theirs =
                list(OTHER, ListRequestLogsRequest.builder().build());
        assertThat(ids(theirs)).containsExactly("o1");
        // another account's entry is not found even by its exact filters
        assertThat(list(ListRequestLogsRequest.builder().principal(OTHER)).totalCount())
                .isEqualTo(0L);
    }

    @Test
    void filtersByActionCodePrincipalAndTimeRange() {
        append(
                entry(DomainFixture.ACCOUNT, "ok", T0, "ListInstances", "", ""),
                entry(DomainFixture.ACCOUNT, "denied", T0 + 1_000, "StopInstance", "bob", "Forbidden.RAM"),
                entry(DomainFixture.ACCOUNT, "missing", T0 + 2_000, "StopInstance", "", "InvalidInstanceId.NotFound"),
                entry(DomainFixture.ACCOUNT, "late", T0 + 60_000, "ListInstances", "bob", ""));

        assertThat(ids(list(ListRequestLogsRequest.builder().actionName("StopInstance"))))
                .containsExactly("missing", "denied");
        assertThat(ids(list(ListRequestLogsRequest.builder().actionName("stopinstance"))))
                .isEmpty();
        assertThat(ids(list(ListRequestLogsRequest.builder().code("Forbidden.RAM"))))
                .containsExactly("denied");
        assertThat(ids(list(ListRequestLogsRequest.builder().code("Success")))).containsExactly("late", "ok");
        assertThat(ids(list(ListRequestLogsRequest.builder().principal(DomainFixture.ACCOUNT + "/bob"))))
                .containsExactly("late", "denied");
        assertThat(ids(list(ListRequestLogsRequest.builder().principal(DomainFixture.ACCOUNT))))
                .containsExactly("missing", "ok");
        // StartTime inclusive, EndTime exclusive
        assertThat(ids(list(ListRequestLogsRequest.builder()
                        .startTime("2026-12-03T12:00:01Z")
                        .endTime("2026-12-03T12:01:00Z"))))
                .containsExactly("missing", "denied");
        assertThat(ids(list(ListRequestLogsRequest.builder().startTime("2026-12-03T12:00:01.001Z"))))
                .containsExactly("late", "missing");
        assertThat(ids(list(ListRequestLogsRequest.builder().endTime("2026-12-03T12:00Z"))))
                .isEmpty();
        assertThat(ids(list(ListRequestLogsRequest.builder()
                        .actionName("StopInstance")
                        .principal(DomainFixture.ACCOUNT)
                        .code("InvalidInstanceId.NotFound"))))
                .containsExactly("missing");
    }

    @Test
    void pagesNewestFirstWithoutRepeatsOrGaps() {
        List<RequestLogRecord> rows = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // several calls in one millisecond: the order stays total
            rows.add(entry(DomainFixture.ACCOUNT, "r%02d".formatted(i), T0 + i / 3, "ListInstances", "", ""));
        }
        append(rows.toArray(RequestLogRecord[]::new));
        List<String> seen = new ArrayList<>();
        for (long page = 1; page <= 3; page++) {
            ListRequestLogsResponse r = list(ListRequestLogsRequest.builder().pageNumber(page));
            assertThat(r.totalCount()).isEqualTo(45L);
            assertThat(r.pageNumber()).isEqualTo((int) page);
            assertThat(r.requestLogs()).hasSize(page < 3 ? 20 : 5);
            seen.addAll(ids(r));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(45);
        assertThat(seen.getFirst()).isEqualTo("r44");
        assertThat(seen.getLast()).isEqualTo("r00");
        assertThat(list(ListRequestLogsRequest.builder().pageNumber(4L)).requestLogs())
                .isEmpty();
        ListRequestLogsResponse big = list(ListRequestLogsRequest.builder().pageSize(100L));
        assertThat(big.requestLogs()).hasSize(45);
        assertThat(big.pageSize()).isEqualTo(100);
    }

    @Test
    void refusesTimesThatAreNotIso8601Utc() {
        for (String bad : List.of(
                "2026-12-03 12:00:00",
                "2026-12-03T12:00:00+08:00",
                "2026-12-03",
                "yesterday",
                "2026-13-03T12:00:00Z",
                "2026-12-03T12:00:00.Z")) {
            code(fails(() -> list(ListRequestLogsRequest.builder().startTime(bad))), 400, "InvalidParameter");
            code(fails(() -> list(ListRequestLogsRequest.builder().endTime(bad))), 400, "InvalidParameter");
        }
        var e = fails(() -> list(ListRequestLogsRequest.builder()
                .startTime("2026-12-03T12:00:00Z")
                .endTime("2026-12-03T12:00:00Z")));
        code(e, 400, "InvalidParameter");
        assertThat(e.getMessage()).contains("EndTime");
    }

    @Test
    void purgeRemovesOnlyWhatIsOlderThanTheCutoffInEveryAccount() {
        List<RequestLogRecord> rows = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            rows.add(entry(i % 2 == 0 ? DomainFixture.ACCOUNT : OTHER, "old" + i, T0 - 1 - i, "ListInstances", "", ""));
        }
        rows.add(entry(DomainFixture.ACCOUNT, "edge", T0, "ListInstances", "", ""));
        rows.add(entry(OTHER, "new", T0 + 5, "ListInstances", "", ""));
        f.run(tx -> repository.append(tx, rows));

        assertThat(repository.purgeBefore(f.db, T0)).isEqualTo(12_000);

        assertThat(ids(list(ListRequestLogsRequest.builder()))).containsExactly("edge");
        assertThat(ids(list(OTHER, ListRequestLogsRequest.builder().build()))).containsExactly("new");
        assertThat(repository.purgeBefore(f.db, T0)).isZero();
    }
}
