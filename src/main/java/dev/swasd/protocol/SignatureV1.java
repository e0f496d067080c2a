package dev.swasd.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RPC signature V1, HMAC-SHA1 over the sorted, re-encoded parameters (protocol.md 4.3). */
public final class SignatureV1 {
    private SignatureV1() {}

    /**
     * @param skipEmpty leave out parameters whose value is empty, as the Java tea client does
     *                  when it signs (it still sends them)
     */
    public static String stringToSign(String method, Map<String, String> params, boolean skipEmpty) {
        List<String> names = new ArrayList<>(params.size());
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("Signature") || (skipEmpty && e.getValue().isEmpty())) {
                continue;
            }
            names.add(e.getKey());
        }
        names.sort(null);
        StringBuilder canonical = new StringBuilder(256);
        for (String name : names) {
            if (!canonical.isEmpty()) {
                canonical.append('&');
            }
            canonical.append(Pct.encode(name)).append('=').append(Pct.encode(params.get(name)));
        }
        return method + "&%2F&" + Pct.encode(canonical.toString());
    }

    public static String sign(String secret, String stringToSign) {
        return Hashing.base64HmacSha1(secret + "&", stringToSign);
    }
}
