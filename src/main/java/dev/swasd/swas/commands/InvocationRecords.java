package dev.swasd.swas.commands;

import dev.swasd.store.Table;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The execution records of Cloud Assistant commands (tables {@code command_invocations} and
 * {@code command_invocation_servers}, migration V17): kept two weeks and at most 100,000 per
 * account and region [doc], the oldest dropped first when a new invocation is recorded.
 */
final class InvocationRecords {
    /** Records kept per account and region [doc]. */
    static final int RECORDS_PER_REGION = 100_000;
    /** How long records are kept [doc]: two weeks. */
    static final long RECORDS_KEPT_MILLIS = 14L * 24 * 3600 * 1000;

    private static final int PURGE_BATCH = 1000;

    /** One RunCommand or InvokeCommand, with the command as it was run. */
    public record InvocationRow(
            String invokeId,
            String accountId,
            String regionId,
            String commandId,
            String commandName,
            String commandDescription,
            String commandType,
            String commandContent,
            String parameters,
            long timeoutSeconds,
            String workingDir,
            String username,
            long createdAt) {}

    /** A run on one server: Pending until {@code startAt}, Running until {@code finishAt}, then its final status. */
    public record ServerRun(
            String resultId,
            String invokeId,
            String instanceId,
            int seq,
            long startAt,
            long finishAt,
            RunStatus finalStatus,
            Long exitCode,
            String output,
            String errorCode,
            String errorInfo) {

        RunStatus status(long now) {
            return now < startAt ? RunStatus.Pending : now < finishAt ? RunStatus.Running : finalStatus;
        }

        /** When the status changes by itself next, or null when it is final. */
        Long changesAt(long now) {
            return now < startAt ? Long.valueOf(startAt) : now < finishAt ? Long.valueOf(finishAt) : null;
        }
    }

    private final Table<InvocationRow> invocations =
            new Table<>("command_invocations", InvocationRow.class, "invokeId");
    private final Table<ServerRun> runs = new Table<>("command_invocation_servers", ServerRun.class, "resultId");
    private final int recordLimit;

    InvocationRecords(int recordLimit) {
        this.recordLimit = recordLimit;
    }

    void insert(Tx tx, InvocationRow invocation, List<ServerRun> servers) {
        invocations.insert(tx, invocation);
        servers.forEach(r -> runs.insert(tx, r));
    }

    /** The caller's invocation, while it is kept. */
    Optional<InvocationRow> find(Tx tx, Caller caller, String invokeId, long now) {
        return invocations
                .find(tx, invokeId)
                .filter(x -> owned(x, caller) && x.createdAt() >= now - RECORDS_KEPT_MILLIS);
    }

    /** The run of an invocation on one server. */
    Optional<ServerRun> run(Tx tx, String invokeId, String instanceId) {
        return runs.list(tx, "invoke_id = ? AND instance_id = ?", "seq", invokeId, instanceId).stream()
                .findFirst();
    }

    /** The runs on a server of the caller's invocations still kept. */
    List<ServerRun> runsOn(Tx tx, Caller caller, String instanceId, long now) {
        return runs.list(
                tx,
                "instance_id = ? AND invoke_id IN (SELECT invoke_id FROM command_invocations WHERE account_id = ?"
                        + " AND region_id = ? AND created_at >= ?)",
                null,
                instanceId,
                caller.accountId(),
                caller.regionId(),
                now - RECORDS_KEPT_MILLIS);
    }

    /** The latest of the caller's invocations still kept that ran on the server. */
    Optional<InvocationRow> latestOn(Tx tx, Caller caller, String instanceId, long now) {
        return invocations
                .list(
                        tx,
                        "account_id = ? AND region_id = ? AND created_at >= ? AND invoke_id IN "
                                + "(SELECT invoke_id FROM command_invocation_servers WHERE instance_id = ?)",
                        "created_at DESC, invoke_id",
                        caller.accountId(),
                        caller.regionId(),
                        now - RECORDS_KEPT_MILLIS,
                        instanceId)
                .stream()
                .findFirst();
    }

    /** The caller's invocations still kept, newest first. */
    List<InvocationRow> live(Tx tx, Caller caller, long now) {
        return invocations.list(
                tx,
                "account_id = ? AND region_id = ? AND created_at >= ?",
                "created_at DESC, invoke_id",
                caller.accountId(),
                caller.regionId(),
                now - RECORDS_KEPT_MILLIS);
    }

    /** The runs of these invocations by InvokeId, each in server order. */
    Map<String, List<ServerRun>> runsOf(Tx tx, List<InvocationRow> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ServerRun>> byId = new LinkedHashMap<>();
        for (List<InvocationRow> chunk : chunks(of, 500)) {
            String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
            runs.list(
                            tx,
                            "invoke_id IN (" + marks + ")",
                            "invoke_id, seq",
                            chunk.stream().map(InvocationRow::invokeId).toArray())
                    .forEach(s -> byId.computeIfAbsent(s.invokeId(), k -> new ArrayList<>())
                            .add(s));
        }
        return byId;
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    /** Drops records older than two weeks, then the oldest beyond the limit of the caller's region. */
    void purge(Tx tx, Caller caller, long now) {
        invocations
                .list(
                        tx,
                        "account_id = ? AND region_id = ? AND created_at < ?",
                        "created_at, invoke_id LIMIT " + PURGE_BATCH,
                        caller.accountId(),
                        caller.regionId(),
                        now - RECORDS_KEPT_MILLIS)
                .forEach(i -> drop(tx, i));
        long over = invocations.count(tx, "account_id = ? AND region_id = ?", caller.accountId(), caller.regionId())
                - recordLimit;
        if (over > 0) {
            invocations
                    .list(
                            tx,
                            "account_id = ? AND region_id = ?",
                            "created_at, invoke_id LIMIT " + Math.min(over, PURGE_BATCH),
                            caller.accountId(),
                            caller.regionId())
                    .forEach(i -> drop(tx, i));
        }
    }

    private void drop(Tx tx, InvocationRow i) {
        runs.list(tx, "invoke_id = ?", null, i.invokeId()).forEach(s -> runs.delete(tx, s.resultId()));
        invocations.delete(tx, i.invokeId());
    }

    private static boolean owned(InvocationRow i, Caller caller) {
        return i.accountId().equals(caller.accountId()) && i.regionId().equals(caller.regionId());
    }
}
