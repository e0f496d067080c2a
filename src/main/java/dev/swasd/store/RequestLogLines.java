package dev.swasd.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a request-log chunk: one JSON object a call, a line each, with the fields of
 * {@link RequestLogRecord} by their names. Written by hand, since it runs for every call a node
 * serves; read with Jackson, since reads are rare.
 */
public final class RequestLogLines {
    private static final ObjectReader READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readerFor(RequestLogRecord.class);

    private RequestLogLines() {}

    public static String encode(List<RequestLogRecord> calls) {
        StringBuilder sb = new StringBuilder(calls.size() * 400);
        for (RequestLogRecord r : calls) {
            sb.append("{\"requestId\":");
            string(sb, r.requestId());
            sb.append(",\"accountId\":");
            string(sb, r.accountId());
            sb.append(",\"loggedAt\":").append(r.loggedAt());
            sb.append(",\"product\":");
            string(sb, r.product());
            sb.append(",\"action\":");
            string(sb, r.action());
            sb.append(",\"apiVersion\":");
            string(sb, r.apiVersion());
            sb.append(",\"principal\":");
            string(sb, r.principal());
            sb.append(",\"userName\":");
            string(sb, r.userName());
            sb.append(",\"accessKeyId\":");
            string(sb, r.accessKeyId());
            sb.append(",\"sourceIp\":");
            string(sb, r.sourceIp());
            sb.append(",\"parameters\":");
            string(sb, r.parameters());
            sb.append(",\"httpStatus\":").append(r.httpStatus());
            sb.append(",\"code\":");
            string(sb, r.code());
            sb.append(",\"message\":");
            string(sb, r.message());
            sb.append(",\"latencyMicros\":").append(r.latencyMicros());
            sb.append("}\n");
        }
        return sb.toString();
    }

    public static List<RequestLogRecord> decode(String body) {
        List<RequestLogRecord> calls = new ArrayList<>();
        int from = 0;
        while (from < body.length()) {
            int end = body.indexOf('\n', from);
            if (end < 0) {
                end = body.length();
            }
            if (end > from) {
                try {
                    calls.add(READER.readValue(body.substring(from, end)));
                } catch (IOException e) {
                    throw new UncheckedIOException("a request-log line is not JSON", e);
                }
            }
            from = end + 1;
        }
        return calls;
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped; null as "". */
    public static void string(StringBuilder sb, String text) {
        sb.append('"');
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        sb.append('"');
    }
}
