package dev.swasd.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.store.RequestLogRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
     * A call as the pipeline saw it, before it is shaped into a row (which the writer does, off
     * the request's path).
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

    /** The JSON text of the action's own parameters, in name order, secrets masked. */
    static String parameters(Map<String, String> params) {
        Map<String, String> own = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!COMMON.contains(name)) {
                own.put(name, secret(name) ? MASK : value);
            }
        });
        ObjectNode o = ResponseRenderer.json().createObjectNode();
        own.forEach(o::put);
        try {
            return ResponseRenderer.json().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
