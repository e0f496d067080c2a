package dev.swasd.swas.keypairs;

import dev.swasd.swas.SwasErrors;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSH public keys: reading one a user imports (checked for structure, not trusted), making an
 * RSA 2048 pair for CreateKeyPair, and the fingerprint the cloud shows (MD5 of the key blob, as
 * colon-separated lower-case hex: what {@code ssh-keygen -l -E md5} prints after {@code MD5:}).
 */
final class SshKeys {
    /** A checked public key: its type, its blob, and the forms swasd stores and shows. */
    record PublicKey(String type, byte[] blob) {
        /** {@code <type> <base64 blob>}, without the comment a user may have sent. */
        String openSsh() {
            return type + " " + Base64.getEncoder().encodeToString(blob);
        }

        String fingerprint() {
            return md5Fingerprint(blob);
        }
    }

    /** A made pair: the public key to keep, and the private key, PEM PKCS#8, to return once. */
    record Generated(PublicKey publicKey, String privateKeyPem) {}

    /** RSA moduli swasd accepts, in bits (OpenSSH refuses below 1024; 16384 is ssh-keygen's maximum). */
    static final int RSA_MIN_BITS = 1024;

    static final int RSA_MAX_BITS = 16384;
    private static final int RSA_MAX_EXPONENT_BYTES = 64;

    /** {@code type base64 [comment]}: one line, the type one of ours, base64 with its padding. */
    private static final Pattern LINE =
            Pattern.compile("(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521)"
                    + " +([A-Za-z0-9+/]+={0,2})(?: +[^\\r\\n]*)?");
    /** The curve of each ECDSA type: its name inside the blob, the JDK's name, and its field size in bytes. */
    private static final Map<String, String[]> CURVES = Map.of(
            "ecdsa-sha2-nistp256", new String[] {"nistp256", "secp256r1", "32"},
            "ecdsa-sha2-nistp384", new String[] {"nistp384", "secp384r1", "48"},
            "ecdsa-sha2-nistp521", new String[] {"nistp521", "secp521r1", "66"});

    private SshKeys() {}

    /**
     * Reads an OpenSSH public key line. Refuses (400 InvalidPublicKeyBody.Malformed) anything
     * but one {@code ssh-rsa}, {@code ssh-ed25519} or {@code ecdsa-sha2-nistp256/384/521} key whose
     * blob names the same type and holds exactly that type's fields, with sane sizes.
     */
    static PublicKey parse(String text) {
        if (text == null) {
            throw SwasErrors.publicKeyMalformed();
        }
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches()) {
            throw SwasErrors.publicKeyMalformed();
        }
        String type = m.group(1);
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw SwasErrors.publicKeyMalformed();
        }
        Reader in = new Reader(blob);
        if (!type.equals(in.text())) {
            throw SwasErrors.publicKeyMalformed();
        }
        switch (type) {
            case "ssh-rsa" -> {
                byte[] e = in.bytes();
                byte[] n = in.bytes();
                BigInteger exponent = positive(e, RSA_MAX_EXPONENT_BYTES);
                BigInteger modulus = positive(n, RSA_MAX_BITS / 8 + 1);
                if (modulus.bitLength() < RSA_MIN_BITS
                        || !exponent.testBit(0)
                        || exponent.compareTo(BigInteger.ONE) <= 0
                        || exponent.compareTo(modulus) >= 0
                        || !modulus.testBit(0)) {
                    throw SwasErrors.publicKeyMalformed();
                }
            }
            case "ssh-ed25519" -> {
                if (in.bytes().length != 32) {
                    throw SwasErrors.publicKeyMalformed();
                }
            }
            default -> {
                String[] curve = CURVES.get(type);
                if (!curve[0].equals(in.text())) {
                    throw SwasErrors.publicKeyMalformed();
                }
                checkPoint(in.bytes(), curve[1], Integer.parseInt(curve[2]));
            }
        }
        if (!in.done()) {
            throw SwasErrors.publicKeyMalformed();
        }
        return new PublicKey(type, blob);
    }

    /** An RSA 2048 pair from the JDK. */
    static Generated generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            byte[] blob = new Writer()
                    .text("ssh-rsa")
                    .bytes(pub.getPublicExponent().toByteArray())
                    .bytes(pub.getModulus().toByteArray())
                    .done();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new Generated(new PublicKey("ssh-rsa", blob), pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make RSA keys", e);
        }
    }

    /** MD5 of the blob as {@code aa:bb:…} (16 pairs). */
    static String md5Fingerprint(byte[] blob) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(blob);
            return HexFormat.ofDelimiter(":").formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSH mpint that must be positive, minimal (no needless leading zero) and at most {@code max} bytes. */
    private static BigInteger positive(byte[] mpint, int max) {
        if (mpint.length == 0
                || mpint.length > max
                || (mpint[0] & 0x80) != 0
                || (mpint.length > 1 && mpint[0] == 0 && (mpint[1] & 0x80) == 0)) {
            throw SwasErrors.publicKeyMalformed();
        }
        BigInteger v = new BigInteger(mpint);
        if (v.signum() <= 0) {
            throw SwasErrors.publicKeyMalformed();
        }
        return v;
    }

    /** An uncompressed point (0x04, X, Y) of the curve's size that lies on the curve. */
    private static void checkPoint(byte[] q, String jdkCurve, int size) {
        if (q.length != 1 + 2 * size || q[0] != 4) {
            throw SwasErrors.publicKeyMalformed();
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(q, 1 + size, q.length));
        EllipticCurve curve;
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec(jdkCurve));
            curve = p.getParameterSpec(ECParameterSpec.class).getCurve();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know " + jdkCurve, e);
        }
        BigInteger prime = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
            throw SwasErrors.publicKeyMalformed();
        }
        BigInteger left = y.multiply(y).mod(prime);
        BigInteger right =
                x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(prime);
        if (!left.equals(right)) {
            throw SwasErrors.publicKeyMalformed();
        }
    }

    /** The SSH wire format's length-prefixed strings, read with every bound checked. */
    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        byte[] bytes() {
            if (data.length - at < 4) {
                throw SwasErrors.publicKeyMalformed();
            }
            long len = ((data[at] & 0xffL) << 24)
                    | ((data[at + 1] & 0xff) << 16)
                    | ((data[at + 2] & 0xff) << 8)
                    | (data[at + 3] & 0xff);
            at += 4;
            if (len > data.length - at) {
                throw SwasErrors.publicKeyMalformed();
            }
            byte[] out = Arrays.copyOfRange(data, at, at + (int) len);
            at += (int) len;
            return out;
        }

        String text() {
            return new String(bytes(), StandardCharsets.US_ASCII);
        }

        boolean done() {
            return at == data.length;
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer text(String s) {
            return bytes(s.getBytes(StandardCharsets.US_ASCII));
        }

        Writer bytes(byte[] b) {
            out.write(b.length >>> 24);
            out.write(b.length >>> 16);
            out.write(b.length >>> 8);
            out.write(b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] done() {
            return out.toByteArray();
        }
    }
}
