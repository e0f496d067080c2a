package dev.swasd.swas;

import java.security.SecureRandom;
import java.util.HexFormat;

/** How a resource type's ids look (spec/swas-images.md section 3), and new ones made in that form. */
public sealed interface IdFormat {
    String next();

    /** A prefix and lower-case letters and digits, e.g. {@code m-} and 20 characters. */
    record Prefixed(String prefix, int length) implements IdFormat {
        private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

        @Override
        public String next() {
            StringBuilder sb = new StringBuilder(prefix.length() + length).append(prefix);
            for (int i = 0; i < length; i++) {
                sb.append(LOWER_ALNUM.charAt(Random.SOURCE.nextInt(LOWER_ALNUM.length())));
            }
            return sb.toString();
        }
    }

    /** Lower-case hex of {@code bytes} random bytes, as server ids (32 characters). */
    record Hex(int bytes) implements IdFormat {
        @Override
        public String next() {
            byte[] b = new byte[bytes];
            Random.SOURCE.nextBytes(b);
            return HexFormat.of().formatHex(b);
        }
    }

    /** Ids are guessable only as far as the service's are not: from a strong source. */
    final class Random {
        private static final SecureRandom SOURCE = new SecureRandom();

        private Random() {}
    }
}
