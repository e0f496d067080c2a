package dev.swasd.server;

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

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return identities.findKey(accessKeyId).map(this::credential);
    }

    private Credential credential(AccessKeyRecord k) {
        Principal principal = k.userName() == null
                ? new Principal(k.accountId(), Principal.Kind.ROOT, null, k.accessKeyId())
                : new Principal(k.accountId(), Principal.Kind.USER, k.userName(), k.accessKeyId());
        return new Credential(k.accessKeyId(), cipher.decrypt(k.secretCipher()), k.active(), principal,
                k.securityToken(), k.expiresAtMillis() == null ? null : Instant.ofEpochMilli(k.expiresAtMillis()));
    }

    @Override
    public boolean claim(String accessKeyId, String nonce, Instant now) {
        long nowMillis = now.toEpochMilli();
        return nonces.claim(accessKeyId, nonce, nowMillis,
                nowMillis - dev.swasd.protocol.Authenticator.SKEW.toMillis());
    }
}
