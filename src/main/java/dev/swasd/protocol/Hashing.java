package dev.swasd.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The digests and MACs of the signature schemes. SM3 comes from Bouncy Castle; the JDK lacks it. */
public enum Hashing {
    SHA256 {
        @Override
        public byte[] digest(byte[] data) {
            return copyOf(Prototypes.SHA256).digest(data);
        }

        @Override
        public byte[] hmac(byte[] key, byte[] data) {
            return jdkHmac(Prototypes.HMAC_SHA256, key, data);
        }
    },
    SM3 {
        @Override
        public byte[] digest(byte[] data) {
            SM3Digest d = new SM3Digest();
            d.update(data, 0, data.length);
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return out;
        }

        @Override
        public byte[] hmac(byte[] key, byte[] data) {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(key));
            mac.update(data, 0, data.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }
    };

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The JDK's digest and MAC objects, looked up once: getInstance searches the providers on every
     * call (a microsecond or two, per request, twice), while a copy of a prototype is a few fields.
     */
    private static final class Prototypes {
        static final MessageDigest SHA256 = lookUp(() -> MessageDigest.getInstance("SHA-256"));
        static final Mac HMAC_SHA256 = lookUp(() -> withProvider(Mac.getInstance("HmacSHA256")));
        static final Mac HMAC_SHA1 = lookUp(() -> withProvider(Mac.getInstance("HmacSHA1")));

        /** Choosing the provider now, once, so that copies made at the same time never race to choose it. */
        private static Mac withProvider(Mac mac) {
            mac.getProvider();
            return mac;
        }

        private interface Lookup<T> {
            T get() throws GeneralSecurityException;
        }

        private static <T> T lookUp(Lookup<T> lookup) {
            try {
                return lookup.get();
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private static MessageDigest copyOf(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public abstract byte[] digest(byte[] data);

    public abstract byte[] hmac(byte[] key, byte[] data);

    public String hexDigest(byte[] data) {
        if (data.length == 0) {
            // most requests have no body: its digest is a constant
            return emptyDigest();
        }
        return HEX.formatHex(digest(data));
    }

    private String emptyDigest() {
        return this == SHA256 ? EmptyDigests.SHA256 : EmptyDigests.SM3;
    }

    private static final class EmptyDigests {
        static final String SHA256 = HEX.formatHex(Hashing.SHA256.digest(new byte[0]));
        static final String SM3 = HEX.formatHex(Hashing.SM3.digest(new byte[0]));
    }

    public String hexHmac(String key, String data) {
        return HEX.formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
    }

    public static String base64HmacSha1(String key, String data) {
        return Base64.getEncoder()
                .encodeToString(jdkHmac(
                        Prototypes.HMAC_SHA1,
                        key.getBytes(StandardCharsets.UTF_8),
                        data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison, so that timing tells an attacker nothing about a signature. */
    public static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] jdkHmac(Mac prototype, byte[] key, byte[] data) {
        try {
            Mac mac = copyOf(prototype);
            mac.init(new SecretKeySpec(key, prototype.getAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
