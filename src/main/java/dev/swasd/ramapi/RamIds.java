package dev.swasd.ramapi;

import java.security.SecureRandom;

/** Ids and secrets in RAM's formats (ram-api.md 1.5 and 2.2). */
final class RamIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String DIGITS = "0123456789";

    private RamIds() {}

    /** A 16-digit numeric string without a leading zero, as RAM's UserId. */
    static String userId() {
        return (1 + RANDOM.nextInt(9)) + pick(DIGITS, 15);
    }

    /** {@code g-} and 16 letters or digits, as RAM's GroupId. */
    static String groupId() {
        return "g-" + pick(BASE62, 16);
    }

    /** Internal only: policies are addressed by name on the wire. */
    static String policyId() {
        return "p-" + pick(BASE62, 20);
    }

    /** {@code LTAI} and 20 letters or digits: 24 characters, as real AccessKey ids. */
    static String accessKeyId() {
        return "LTAI" + pick(BASE62, 20);
    }

    /** 30 letters or digits, as the documentation's example secrets. */
    static String accessKeySecret() {
        return pick(BASE62, 30);
    }

    private static String pick(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
