package dev.swasd.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts AccessKey secrets at rest with AES-256-GCM. The key comes from SWASD_MASTER_KEY
 * (base64, for several nodes that share one database) or from {@code <data>/master.key}, made on
 * first start and readable by its owner only. A stolen database alone reveals no secret.
 */
public final class SecretCipher {
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;
    private final String keyId;

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = idOf(key);
    }

    /**
     * A short public name of the key (16 hex digits of a SHA-256 over it): exports record it so
     * that an import can tell, before loading anything, whether this node can read their secrets.
     * It reveals nothing usable about a random 256-bit key.
     */
    public String keyId() {
        return keyId;
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("swasd master key id\0".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key from SWASD_MASTER_KEY or {@code <data>/master.key} when there is one; unlike
     * {@link #fromEnvironmentOrFile} it never makes a new key (admin commands must not).
     */
    public static Optional<SecretCipher> existing(String base64Key, Path dataDir) throws IOException {
        if (base64Key != null && !base64Key.isBlank()) {
            return Optional.of(new SecretCipher(decodeKey(base64Key, "SWASD_MASTER_KEY")));
        }
        Path file = dataDir.resolve("master.key");
        if (Files.exists(file)) {
            return Optional.of(new SecretCipher(decodeKey(Files.readString(file), file.toString())));
        }
        return Optional.empty();
    }

    private static byte[] decodeKey(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a base64 master key");
        }
    }

    public static SecretCipher fromEnvironmentOrFile(String base64Key, Path dataDir) throws IOException {
        if (base64Key != null && !base64Key.isBlank()) {
            return new SecretCipher(Base64.getDecoder().decode(base64Key.trim()));
        }
        Path file = dataDir.resolve("master.key");
        if (Files.exists(file)) {
            return new SecretCipher(
                    Base64.getDecoder().decode(Files.readString(file).trim()));
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path tmp = dataDir.resolve("master.key.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new SecretCipher(fresh);
    }

    public String encrypt(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown secret encoding");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: wrong master key?", e);
        }
    }
}
