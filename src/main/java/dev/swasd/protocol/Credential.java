package dev.swasd.protocol;

import java.time.Instant;

/**
 * A key the server can verify signatures with.
 *
 * @param securityToken null for a permanent AccessKey; set for STS-style temporary credentials,
 *                      whose requests must carry exactly this token
 * @param expiresAt     null for a permanent AccessKey
 */
public record Credential(
        String accessKeyId,
        String secret,
        boolean active,
        Principal principal,
        String securityToken,
        Instant expiresAt) {

    public Credential {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a credential needs a secret");
        }
    }

    @Override
    public String toString() {
        // never let the secret reach a log line by accident
        return "Credential[" + accessKeyId + ", active=" + active + ", " + principal + "]";
    }
}
