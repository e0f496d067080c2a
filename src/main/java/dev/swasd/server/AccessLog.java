package dev.swasd.server;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per API request: key=value pairs a log pipeline can split on spaces. Every
 * value goes through {@link #value}, so what a client sent (an Action, a principal's name) can add
 * neither a field nor a line: anything but the characters of a plain token is percent-encoded.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("swasd.access");

    private AccessLog() {}

    static void record(String requestId, String action, String principal, int status, String code, long nanos) {
        if (LOG.isInfoEnabled()) {
            // built here rather than by a {} pattern and String.format: a line per request, and
            // the logger's formatting of six arguments cost more than the rest of this together
            LOG.info(line(requestId, action, principal, status, code, nanos));
        }
    }

    static String line(String requestId, String action, String principal, int status, String code, long nanos) {
        StringBuilder sb =
                new StringBuilder(160).append("request_id=").append(requestId).append(" action=");
        value(sb, action);
        sb.append(" principal=");
        value(sb, principal);
        sb.append(" status=").append(status).append(" code=");
        value(sb, code);
        sb.append(" latency_ms=");
        // milliseconds with three decimals, rounded half up as %.3f did
        long micros = (Math.max(0, nanos) + 500) / 1000;
        long fraction = micros % 1000;
        sb.append(micros / 1000).append('.');
        if (fraction < 100) {
            sb.append(fraction < 10 ? "00" : "0");
        }
        return sb.append(fraction).toString();
    }

    /**
     * {@code text} as one field value: {@code -} for none, the text itself when it is a plain
     * token (ASCII letters, digits and {@code . _ : / @ -}), else each UTF-8 byte outside that set
     * as {@code %XX} (so a space, {@code =}, {@code %}, a quote or a line break can never be read
     * as the end of the value, another field or another line). A lone {@code -} is {@code %2D} and an empty text {@code ""}, so neither reads as none.
     */
    static void value(StringBuilder sb, String text) {
        if (text == null) {
            sb.append('-');
            return;
        }
        if (text.isEmpty() || text.equals("-")) {
            sb.append(text.isEmpty() ? "\"\"" : "%2D");
            return;
        }
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            plain = plainByte(text.charAt(i));
        }
        if (plain) {
            sb.append(text);
            return;
        }
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (plainByte(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
    }

    /** {@code text} as {@link #value} writes it, for other log lines that name a client's value. */
    static String field(String text) {
        StringBuilder sb = new StringBuilder();
        value(sb, text);
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean plainByte(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == ':'
                || c == '/'
                || c == '@'
                || c == '-';
    }
}
