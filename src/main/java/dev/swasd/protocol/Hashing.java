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
            try {
                return MessageDigest.getInstance("SHA-256").digest(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] hmac(byte[] key, byte[] data) {
            return jdkHmac("HmacSHA256", key, data);
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

    public abstract byte[] digest(byte[] data);

    public abstract byte[] hmac(byte[] key, byte[] data);

    public String hexDigest(byte[] data) {
        return HEX.formatHex(digest(data));
    }

    public String hexHmac(String key, String data) {
        return HEX.formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
    }

    public static String base64HmacSha1(String key, String data) {
        return Base64.getEncoder().encodeToString(
                jdkHmac("HmacSHA1", key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison, so that timing tells an attacker nothing about a signature. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] jdkHmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
