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

    /**
     * Starts spending the nonce and returns at once; the outcome is {@link Claim#won}. A store that
     * decides elsewhere (a batch on another thread) lets the request go on meanwhile; this default
     * decides here.
     */
    default Claim start(String accessKeyId, String nonce, Instant now) {
        boolean won = claim(accessKeyId, nonce, now);
        return () -> won;
    }

    /** A claim under way. */
    @FunctionalInterface
    interface Claim {
        /** Waits for the decision: true when this request spent the nonce, false when it was spent already. */
        boolean won();
    }
}
