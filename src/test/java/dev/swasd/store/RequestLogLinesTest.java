package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk's text gives back exactly the calls written into it, whatever their strings hold. */
class RequestLogLinesTest {
    static RequestLogRecord call(String id, String text) {
        return new RequestLogRecord(
                id,
                "1234567890123456",
                1_800_000_000_123L,
                "swas-open",
                "ListInstances",
                "2020-06-01",
                "1234567890123456/" + text,
                text,
                "LTAI" + id,
                "192.0.2.1",
                "{\"InstanceName\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}",
                400,
                "InvalidParameter",
                "bad: " + text,
                1234L);
    }

    @Test
    void decodingAnEncodedChunkGivesBackEveryCallInOrder() {
        List<RequestLogRecord> calls = List.of(
                call("a", "plain"),
                call("b", "quote \" backslash \\ newline \n return \r tab \t"),
                call("c", "control \u0001 \u001f and line separators \u2028 \u2029"),
                call("d", "中文 and emoji 🚀"),
                call("e", ""));

        String body = RequestLogLines.encode(calls);

        assertThat(body.lines()).hasSize(calls.size());
        assertThat(RequestLogLines.decode(body)).containsExactlyElementsOf(calls);
    }

    @Test
    void anEmptyChunkHasNoCalls() {
        assertThat(RequestLogLines.decode(RequestLogLines.encode(List.of()))).isEmpty();
    }
}
