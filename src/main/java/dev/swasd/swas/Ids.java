package dev.swasd.swas;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Resource ids in the service's formats (spec/swas-images.md section 3). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    public static String instance() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String customImage() {
        return "m-" + alnum(20);
    }

    public static String snapshot() {
        return "s-" + alnum(20);
    }

    public static String disk() {
        return "d-" + alnum(20);
    }

    private static String alnum(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(LOWER_ALNUM.charAt(RANDOM.nextInt(LOWER_ALNUM.length())));
        }
        return sb.toString();
    }
}
