package dev.swasd.store;

/**
 * One API call as the request log keeps it: a line of a {@link RequestLogChunk}'s body (table
 * {@code request_log}, V19), written by the server's request-log writer through
 * {@link RequestLogRepository} and decoded by ListRequestLogs with {@link RequestLogLines}.
 *
 * @param apiVersion    the API version the call named, e.g. 2020-06-01
 * @param loggedAt      when the call was received, epoch milliseconds
 * @param principal     the access log's name of the caller: the account id for root, {@code account/user} for a RAM user
 * @param userName      "" for the root identity
 * @param parameters    JSON text of the action's own parameters (name to string value), secrets masked
 * @param code          the error Code; "" for a call that succeeded
 * @param message       the error Message; "" for a call that succeeded
 */
public record RequestLogRecord(
        String requestId,
        String accountId,
        long loggedAt,
        String product,
        String action,
        String apiVersion,
        String principal,
        String userName,
        String accessKeyId,
        String sourceIp,
        String parameters,
        int httpStatus,
        String code,
        String message,
        long latencyMicros) {}
