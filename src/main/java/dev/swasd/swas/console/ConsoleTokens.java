package dev.swasd.swas.console;

import dev.swasd.store.Table;
import dev.swasd.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of console sessions (VNC URL, Workbench login, terminal session): what session, whose
 * server, until when, signed with the database's console key ({@code console_keys}, migration V14),
 * so any node over the same database can open a session another issued, and nothing is written
 * when one is issued (DescribeInstanceVncUrl is a read). A token that does not verify names no
 * session. The key is made once per database by {@link #ensureKey}, which every node calls as it
 * starts.
 */
public final class ConsoleTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    /** The key row: one per database. */
    public record ConsoleKey(int keyId, String secret) {}

    /** What a valid token says. */
    public record Session(String kind, String accountId, String regionId, String instanceId, long expiresAt) {
        public boolean expired(long now) {
            return now >= expiresAt;
        }
    }

    private final Table<ConsoleKey> keys = new Table<>("console_keys", ConsoleKey.class, "keyId");
    private volatile byte[] key;

    /** A new signed token for a session of this kind on this server, valid until {@code expiresAt}. */
    public String issue(Tx tx, Session session) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload = String.join(
                "|",
                session.kind(),
                session.accountId(),
                session.regionId(),
                session.instanceId(),
                Long.toString(session.expiresAt()),
                HexFormat.of().formatHex(nonce));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(tx, body));
    }

    /** The session a token names, if it is one this database's key signed (expired or not). */
    public Optional<Session> open(Tx tx, String token) {
        int dot = token.indexOf('.');
        if (dot < 0 || token.length() > 512) {
            return Optional.empty();
        }
        byte[] body;
        byte[] mac;
        try {
            body = B64D.decode(token.substring(0, dot));
            mac = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac, mac(tx, body))) {
            return Optional.empty();
        }
        String[] f = new String(body, StandardCharsets.UTF_8).split("\\|");
        if (f.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Session(f[0], f[1], f[2], f[3], Long.parseLong(f[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(Tx tx, byte[] body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key(tx), "HmacSHA256"));
            return Arrays.copyOf(m.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the database's console key unless it has one: 32 random bytes, written once whichever
     * node comes first (the others' inserts do nothing). Needs a write transaction.
     */
    public void ensureKey(Tx tx) {
        if (keys.find(tx, 1).isEmpty()) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            tx.update(
                    "INSERT INTO console_keys (key_id, secret) VALUES (?, ?) ON CONFLICT (key_id) DO NOTHING",
                    1,
                    HexFormat.of().formatHex(secret));
        }
    }

    private byte[] key(Tx tx) {
        byte[] k = key;
        if (k == null) {
            // a node made the key as it started; a write (as in the domain's tests) may make it here
            if (keys.find(tx, 1).isEmpty()) {
                ensureKey(tx);
            }
            k = keys.find(tx, 1).map(ConsoleKey::secret).orElseThrow().getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }
}
