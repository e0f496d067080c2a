package dev.swasd.protocol;

import java.util.List;
import java.util.Map;

/**
 * A decoded RPC request: everything later stages need, nothing of the HTTP server.
 *
 * @param queryParams query-string parameters alone, form-decoded (V3 signs only these)
 * @param params      query and form-body parameters merged
 * @param headers     header values by lower-case name
 * @param body        raw body bytes after chunked decoding (V3 hashes them)
 * @param xml         whether the client asked for XML ({@code Format=XML})
 */
public record ApiRequest(
        String method,
        String host,
        List<FormCodec.Pair> queryParams,
        Map<String, String> params,
        Map<String, String> headers,
        byte[] body,
        String sourceIp,
        boolean secureTransport,
        boolean xml) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
