package dev.swasd.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured line per API request: key=value pairs a log pipeline can split on spaces. */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("swasd.access");

    private AccessLog() {
    }

    static void record(String requestId, String action, String principal, int status, String code, long nanos) {
        if (LOG.isInfoEnabled()) {
            // built here rather than by a {} pattern and String.format: a line per request, and
            // the logger's formatting of six arguments cost more than the rest of this together
            LOG.info(line(requestId, action, principal, status, code, nanos));
        }
    }

    static String line(String requestId, String action, String principal, int status, String code, long nanos) {
        StringBuilder sb = new StringBuilder(160).append("request_id=").append(requestId)
                .append(" action=").append(action == null ? "-" : action)
                .append(" principal=").append(principal == null ? "-" : principal)
                .append(" status=").append(status)
                .append(" code=").append(code == null ? "-" : code)
                .append(" latency_ms=");
        // milliseconds with three decimals, rounded half up as %.3f did
        long micros = (Math.max(0, nanos) + 500) / 1000;
        long fraction = micros % 1000;
        sb.append(micros / 1000).append('.');
        if (fraction < 100) {
            sb.append(fraction < 10 ? "00" : "0");
        }
        return sb.append(fraction).toString();
    }
}
