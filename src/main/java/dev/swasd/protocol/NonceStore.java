package dev.swasd.protocol;

import java.time.Instant;

/**
 * Remembers the SignatureNonce values spent per AccessKeyId so that a replayed request is
 * refused. Shared by every node through the database, so it is an interface here.
 */
public interface NonceStore {
    /**
     * Records the nonce as spent.
     *
     * @return false when the same AccessKeyId already spent this nonce inside the window
     */
    boolean claim(String accessKeyId, String nonce, Instant now);
}
