package dev.swasd.server;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place that keeps a log record to its own line, whatever wrote it: a record's first line
 * starts with its timestamp and holds the message with every line break and control character
 * escaped ({@code %oneLineMsg}); a stack trace follows on lines that all begin with a tab
 * ({@code %indentedEx}), so no text a client sent (an Action, a header, an exception's message
 * quoting a value) can start a line that reads as a record of its own.
 */
public final class LogLines {
    /** The conversion words, registered on a Logback context by {@link #register}. */
    public static final String MESSAGE_WORD = "oneLineMsg";

    public static final String THROWABLE_WORD = "indentedEx";

    private LogLines() {}

    /** Makes the two conversion words known to patterns of {@code context} (LogSetup's and logback-test.xml's). */
    @SuppressWarnings("unchecked")
    static void register(Context context) {
        Object existing = context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        Map<String, Supplier<DynamicConverter<?>>> rules =
                existing instanceof Map<?, ?> m ? (Map<String, Supplier<DynamicConverter<?>>>) m : new HashMap<>();
        rules.put(MESSAGE_WORD, OneLineMessage::new);
        rules.put(THROWABLE_WORD, IndentedThrowable::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
    }

    /** {@code text} with CR, LF and every other control or line-separating character escaped. */
    public static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !special(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!special(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** Controls but the tab, DEL, the C1 controls (NEL among them) and the Unicode line and paragraph separators. */
    private static boolean special(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /** The message, on one line. */
    public static final class OneLineMessage extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return oneLine(event.getFormattedMessage());
        }
    }

    /** Logback's stack trace with every line indented by a tab (its "at" lines already are; its messages are not). */
    public static final class IndentedThrowable extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy tp) {
            String trace = super.throwableProxyToString(tp);
            StringBuilder sb = new StringBuilder(trace.length() + 64);
            int start = 0;
            while (start < trace.length()) {
                int end = trace.indexOf('\n', start);
                int stop = end < 0 ? trace.length() : end;
                String line = trace.substring(start, stop);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (!line.isEmpty()) {
                    sb.append(line.startsWith("\t") ? "" : "\t")
                            .append(oneLine(line))
                            .append(CoreConstants.LINE_SEPARATOR);
                }
                start = stop + 1;
            }
            return sb.toString();
        }
    }
}
