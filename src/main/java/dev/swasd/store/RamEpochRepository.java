package dev.swasd.store;

/**
 * The per-account RAM epoch: a counter bumped in the same transaction as every change that can
 * change what a RAM user is allowed. A node caching compiled policy sets compares it with the
 * epoch it loaded them at.
 */
public final class RamEpochRepository {
    /** Adds one to the account's epoch (creating it at 1); visible to others when the transaction commits. */
    public void bump(Tx tx, String accountId) {
        tx.update(
                "INSERT INTO ram_epochs (account_id, epoch) VALUES (?, 1) "
                        + "ON CONFLICT (account_id) DO UPDATE SET epoch = ram_epochs.epoch + 1",
                accountId);
    }

    /** The account's epoch; 0 before its first change. */
    public long read(Tx tx, String accountId) {
        return tx.one("SELECT epoch FROM ram_epochs WHERE account_id = ?", rs -> rs.getLong(1), accountId)
                .orElse(0L);
    }
}
