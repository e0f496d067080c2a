package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Custom RAM policies and their versions. Look-ups by name ignore case. */
public final class RamPolicyRepository {
    private static final String COLS =
            "policy_id, account_id, policy_name, description, default_version, next_version, "
                    + "created_at, updated_at";

    public void insert(Tx tx, RamPolicyRecord p) {
        tx.update(
                "INSERT INTO ram_policies (" + COLS + ", policy_name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.policyId(),
                p.accountId(),
                p.policyName(),
                p.description(),
                p.defaultVersion(),
                p.nextVersion(),
                p.createdAt(),
                p.updatedAt(),
                RamNames.key(p.policyName()));
    }

    public Optional<RamPolicyRecord> findByName(Tx tx, String accountId, String policyName) {
        return tx.one(
                "SELECT " + COLS + " FROM ram_policies WHERE account_id = ? AND policy_name_key = ?",
                RamPolicyRepository::row,
                accountId,
                RamNames.key(policyName));
    }

    /** Every custom policy of the account in creation order. */
    public List<RamPolicyRecord> list(Tx tx, String accountId) {
        return tx.query(
                "SELECT " + COLS + " FROM ram_policies WHERE account_id = ? ORDER BY created_at, policy_id",
                RamPolicyRepository::row,
                accountId);
    }

    public long count(Tx tx, String accountId) {
        return tx.count("SELECT COUNT(*) FROM ram_policies WHERE account_id = ?", accountId);
    }

    /** Writes the default and next version numbers and the update time. */
    public void updateVersions(Tx tx, RamPolicyRecord p) {
        tx.update(
                "UPDATE ram_policies SET default_version = ?, next_version = ?, updated_at = ? WHERE policy_id = ?",
                p.defaultVersion(),
                p.nextVersion(),
                p.updatedAt(),
                p.policyId());
    }

    /** Deletes the policy and every version it has. */
    public void delete(Tx tx, String policyId) {
        tx.update("DELETE FROM ram_policy_versions WHERE policy_id = ?", policyId);
        tx.update("DELETE FROM ram_policies WHERE policy_id = ?", policyId);
    }

    public void insertVersion(Tx tx, RamPolicyVersionRecord v) {
        tx.update(
                "INSERT INTO ram_policy_versions (policy_id, version_number, document, created_at) VALUES (?, ?, ?, ?)",
                v.policyId(),
                v.versionNumber(),
                v.document(),
                v.createdAt());
    }

    /** The versions of a policy, oldest first. */
    public List<RamPolicyVersionRecord> versions(Tx tx, String policyId) {
        return tx.query(
                "SELECT policy_id, version_number, document, created_at FROM ram_policy_versions "
                        + "WHERE policy_id = ? ORDER BY version_number",
                rs -> new RamPolicyVersionRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)),
                policyId);
    }

    public void deleteVersion(Tx tx, String policyId, int versionNumber) {
        tx.update(
                "DELETE FROM ram_policy_versions WHERE policy_id = ? AND version_number = ?", policyId, versionNumber);
    }

    private static RamPolicyRecord row(ResultSet rs) throws SQLException {
        return new RamPolicyRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getLong(7),
                rs.getLong(8));
    }
}
