package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Policies attached to users and groups. */
public final class RamAttachmentRepository {
    private static final String COLS =
            "account_id, principal_type, principal_id, policy_type, policy_name, attached_at";

    public void attach(Tx tx, RamAttachmentRecord a) {
        tx.update(
                "INSERT INTO ram_attachments (" + COLS + ", policy_name_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                a.accountId(),
                a.principalType(),
                a.principalId(),
                a.policyType(),
                a.policyName(),
                a.attachedAt(),
                RamNames.key(a.policyName()));
    }

    /** @return false when the policy was not attached */
    public boolean detach(Tx tx, String principalType, String principalId, String policyType, String policyName) {
        return tx.update(
                        "DELETE FROM ram_attachments WHERE principal_type = ? AND principal_id = ? AND policy_type = ? "
                                + "AND policy_name_key = ?",
                        principalType,
                        principalId,
                        policyType,
                        RamNames.key(policyName))
                == 1;
    }

    public boolean isAttached(Tx tx, String principalType, String principalId, String policyType, String policyName) {
        return tx.count(
                        "SELECT COUNT(*) FROM ram_attachments WHERE principal_type = ? AND principal_id = ? "
                                + "AND policy_type = ? AND policy_name_key = ?",
                        principalType,
                        principalId,
                        policyType,
                        RamNames.key(policyName))
                > 0;
    }

    /** What is attached to one user or group, in attachment order. */
    public List<RamAttachmentRecord> ofPrincipal(Tx tx, String principalType, String principalId) {
        return tx.query(
                "SELECT " + COLS + " FROM ram_attachments WHERE principal_type = ? AND principal_id = ? "
                        + "ORDER BY attached_at, policy_type, policy_name_key",
                RamAttachmentRepository::row,
                principalType,
                principalId);
    }

    public long countOfPrincipal(Tx tx, String principalType, String principalId, String policyType) {
        return tx.count(
                "SELECT COUNT(*) FROM ram_attachments WHERE principal_type = ? AND principal_id = ? "
                        + "AND policy_type = ?",
                principalType,
                principalId,
                policyType);
    }

    /** Where one policy of the account is attached, in attachment order. */
    public List<RamAttachmentRecord> ofPolicy(Tx tx, String accountId, String policyType, String policyName) {
        return tx.query(
                "SELECT " + COLS + " FROM ram_attachments WHERE account_id = ? AND policy_type = ? "
                        + "AND policy_name_key = ? ORDER BY attached_at, principal_type, principal_id",
                RamAttachmentRepository::row,
                accountId,
                policyType,
                RamNames.key(policyName));
    }

    /** How many users and groups each policy of the account is attached to, by {@code <type>/<lower-cased name>}. */
    public Map<String, Long> countsByPolicy(Tx tx, String accountId) {
        Map<String, Long> out = new HashMap<>();
        tx.query(
                "SELECT policy_type, policy_name_key, COUNT(*) FROM ram_attachments WHERE account_id = ? "
                        + "GROUP BY policy_type, policy_name_key",
                rs -> out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)),
                accountId);
        return out;
    }

    /** The key of {@link #countsByPolicy}. */
    public static String countKey(String policyType, String policyName) {
        return policyType + "/" + RamNames.key(policyName);
    }

    private static RamAttachmentRecord row(ResultSet rs) throws SQLException {
        return new RamAttachmentRecord(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6));
    }
}
