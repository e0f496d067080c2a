package dev.swasd.store;

import java.util.Optional;

/** Stored outcomes of requests that carried a ClientToken. */
public final class IdempotencyRepository {
    public record Outcome(String action, String fingerprint, String response) {}

    public Optional<Outcome> find(Tx tx, String accountId, String clientToken, long notBefore) {
        return tx.one(
                "SELECT action, fingerprint, response FROM idempotency WHERE account_id = ? AND client_token = ? "
                        + "AND created_at >= ?",
                rs -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3)),
                accountId,
                clientToken,
                notBefore);
    }

    /** Throws {@link Tx.DuplicateKeyException} when a racing request stored its outcome first. */
    public void save(Tx tx, String accountId, String clientToken, Outcome outcome, long now, long notBefore) {
        tx.update(
                "DELETE FROM idempotency WHERE account_id = ? AND client_token = ? AND created_at < ?",
                accountId,
                clientToken,
                notBefore);
        tx.update(
                "INSERT INTO idempotency (account_id, client_token, action, fingerprint, response, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                accountId,
                clientToken,
                outcome.action(),
                outcome.fingerprint(),
                outcome.response(),
                now);
    }

    public int purgeBefore(Tx tx, long notBefore) {
        return tx.update("DELETE FROM idempotency WHERE created_at < ?", notBefore);
    }
}
