package dev.swasd.store;

/**
 * One row of {@code request_log} (V19): the calls of one account that one batch wrote.
 *
 * @param firstAt the earliest call's time, epoch milliseconds
 * @param lastAt  the latest call's time, epoch milliseconds
 * @param entries how many calls {@code body} holds
 * @param body    the calls, one JSON object a line ({@link RequestLogLines})
 */
public record RequestLogChunk(String chunkId, String accountId, long firstAt, long lastAt, int entries, String body) {}
