package dev.swasd.server;

import dev.swasd.protocol.Authenticator;
import dev.swasd.protocol.Credential;
import dev.swasd.protocol.CredentialLookup;
import dev.swasd.protocol.NonceStore;
import dev.swasd.protocol.Principal;
import dev.swasd.store.AccessKeyRecord;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.NonceRepository;
import dev.swasd.store.SecretCipher;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Adapts the store's identity and nonce tables to what the authenticate stage asks for. */
final class StoreCredentials implements CredentialLookup, NonceStore {
    private final IdentityRepository identities;
    private final NonceRepository nonces;
    private final SecretCipher cipher;

    StoreCredentials(IdentityRepository identities, NonceRepository nonces, SecretCipher cipher) {
        this.identities = identities;
        this.nonces = nonces;
        this.cipher = cipher;
    }

    /**
     * Credentials are read from the database at most once a second per key: a key's status or
     * secret changed on any node governs every node within that bound (docs/identity.md), and the
     * hot path saves a query and an AES decryption per request.
     */
    static final long CACHE_MILLIS = 1000;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Credential> credential, long loadedAt) {}

    /** Drops every cached credential: a key of this node's account was created, changed or deleted. */
    void forgetAll() {
        cache.clear();
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        long now = System.nanoTime();
        Cached c = cache.get(accessKeyId);
        if (c != null && now - c.loadedAt() < CACHE_MILLIS * 1_000_000) {
            return c.credential();
        }
        Optional<Credential> fresh = identities.findKey(accessKeyId).map(this::credential);
        if (fresh.isPresent() || cache.size() < 10_000) {
            // unknown ids are cached too (bounded), so a flood of bad keys cannot hammer the database
            cache.put(accessKeyId, new Cached(fresh, now));
        }
        return fresh;
    }

    private Credential credential(AccessKeyRecord k) {
        Principal principal = k.userName() == null
                ? new Principal(k.accountId(), Principal.Kind.ROOT, null, k.accessKeyId())
                : new Principal(k.accountId(), Principal.Kind.USER, k.userName(), k.accessKeyId());
        return new Credential(
                k.accessKeyId(),
                cipher.decrypt(k.secretCipher()),
                k.active(),
                principal,
                k.securityToken(),
                k.expiresAtMillis() == null ? null : Instant.ofEpochMilli(k.expiresAtMillis()));
    }

    @Override
    public boolean claim(String accessKeyId, String nonce, Instant now) {
        return start(accessKeyId, nonce, now).won();
    }

    @Override
    public Claim start(String accessKeyId, String nonce, Instant now) {
        long nowMillis = now.toEpochMilli();
        CompletableFuture<Boolean> won =
                nonces.claimAsync(accessKeyId, nonce, nowMillis, nowMillis - Authenticator.SKEW.toMillis());
        return () -> NonceRepository.outcome(won);
    }
}
