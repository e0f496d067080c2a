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
            LOG.info("request_id={} action={} principal={} status={} code={} latency_ms={}", requestId,
                    action == null ? "-" : action, principal == null ? "-" : principal, status,
                    code == null ? "-" : code, String.format("%.3f", nanos / 1e6));
        }
    }
}
