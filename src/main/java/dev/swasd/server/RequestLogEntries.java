package dev.swasd.server;

import dev.swasd.protocol.Principal;
import dev.swasd.store.RequestLogLines;
import dev.swasd.store.RequestLogRecord;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the request log keeps of a call (docs/request-log.md): the action's own parameters, with
 * the common and signature parameters left out and the values of secret ones masked.
 */
final class RequestLogEntries {
    /** What a masked value reads as. */
    static final String MASK = "******";

    /** The RPC common parameters: how a call is signed and addressed, not what it asks. */
    static final Set<String> COMMON = Set.of(
            "AccessKeyId",
            "Action",
            "Format",
            "SecurityToken",
            "Signature",
            "SignatureMethod",
            "SignatureNonce",
            "SignatureType",
            "SignatureVersion",
            "Timestamp",
            "Version");

    /**
     * A call as the pipeline saw it, before it is shaped into a row (which the writer does as it
     * queues it).
     *
     * @param params     every parameter the request carried (query and form)
     * @param nanos      the request's latency
     */
    record Call(
            String requestId,
            long receivedAt,
            String product,
            String action,
            String version,
            Principal principal,
            String sourceIp,
            Map<String, String> params,
            int httpStatus,
            String code,
            String message,
            long nanos) {}

    private RequestLogEntries() {}

    /** Whether a parameter's value is a secret: its name says password, secret, private key, token or signature. */
    static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password")
                || n.contains("secret")
                || n.contains("privatekey")
                || n.contains("signature")
                || n.replace("clienttoken", "").contains("token");
    }

    /**
     * The JSON text of the action's own parameters, in name order, secrets masked. Written by hand
     * rather than through a tree and a mapper: it runs once for every call the node serves.
     */
    static String parameters(Map<String, String> params) {
        String[] names = new String[params.size()];
        int n = 0;
        for (String name : params.keySet()) {
            if (!COMMON.contains(name)) {
                names[n++] = name;
            }
        }
        Arrays.sort(names, 0, n);
        StringBuilder sb = new StringBuilder(32 + n * 32).append('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            RequestLogLines.string(sb, names[i]);
            sb.append(':');
            String value = params.get(names[i]);
            RequestLogLines.string(sb, secret(names[i]) ? MASK : value == null ? "" : value);
        }
        return sb.append('}').toString();
    }

    /** The row for a call made with a known key. */
    static RequestLogRecord row(Call c) {
        Principal p = c.principal();
        return new RequestLogRecord(
                cut(c.requestId(), 64),
                p.accountId(),
                c.receivedAt(),
                cut(c.product(), 16),
                cut(orEmpty(c.action()), 128),
                cut(orEmpty(c.version()), 32),
                cut(p.displayName(), 200),
                p.isRoot() ? "" : cut(p.userName(), 128),
                cut(orEmpty(p.accessKeyId()), 128),
                cut(orEmpty(c.sourceIp()), 64),
                parameters(c.params()),
                c.httpStatus(),
                cut(orEmpty(c.code()), 128),
                orEmpty(c.message()),
                Math.max(0, c.nanos()) / 1000);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** At most {@code max} characters, as the column holds (PostgreSQL refuses more). */
    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
