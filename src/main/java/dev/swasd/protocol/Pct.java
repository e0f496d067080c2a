package dev.swasd.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding both signature schemes use (protocol.md 4.2): UTF-8 bytes, unreserved
 * {@code A-Z a-z 0-9 - _ . ~} kept, every other byte as {@code %XX} with upper-case hex.
 */
public final class Pct {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) UNRESERVED[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) UNRESERVED[c] = true;
        for (char c = '0'; c <= '9'; c++) UNRESERVED[c] = true;
        UNRESERVED['-'] = UNRESERVED['_'] = UNRESERVED['.'] = UNRESERVED['~'] = true;
    }

    private Pct() {}

    public static String encode(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 128 && UNRESERVED[s.charAt(i)]) i++;
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(s, 0, i);
        byte[] bytes = s.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 128 && UNRESERVED[c]) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
