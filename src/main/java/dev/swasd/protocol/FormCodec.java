package dev.swasd.protocol;

import dev.swasd.errors.GatewayErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query string or form body into name/value pairs with form rules: {@code +} is a
 * space and {@code %XX} a UTF-8 byte. URI rules (where {@code +} stays) would break every
 * request from the Java tea client that carries a space (protocol.md 1.6).
 */
public final class FormCodec {
    private FormCodec() {}

    public record Pair(String name, String value) {}

    public static List<Pair> decode(String raw) {
        List<Pair> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        int start = 0;
        int n = raw.length();
        while (start <= n) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                String part = raw.substring(start, end);
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                out.add(new Pair(decodeComponent(name), decodeComponent(value)));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out;
    }

    private static String decodeComponent(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GatewayErrors.invalidParameter(
                    s.length() > 40 ? s.substring(0, 40) + "..." : s, "it is not valid percent-encoding.");
        }
    }
}
