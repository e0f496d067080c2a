package dev.swasd.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What authorization reads of a RAM user, in one query: the user's id and every policy in force
 * for it — attached to the user, then attached to its groups — with the default version's document
 * of each custom policy.
 */
public final class PolicySetRepository {
    /**
     * One policy in force.
     *
     * @param document      the default version's text; null for system policies (the server has them)
     * @param versionNumber the default version's number; 0 for system policies
     * @param attachedTo    {@code User} or {@code Group:<group name>}: how the user got it
     */
    public record PolicyRow(
            String policyType, String policyName, int versionNumber, String document, String attachedTo) {}

    /** The user and its policies; empty when the account has no such user. */
    public record PolicySet(String userId, List<PolicyRow> policies) {
        public PolicySet {
            policies = List.copyOf(policies);
        }
    }

    private static final String QUERY = "SELECT u.user_id, a.policy_type, a.policy_name, v.version_number, v.document, "
            + "a.principal_type, g.group_name "
            + "FROM ram_users u "
            + "LEFT JOIN ram_attachments a ON a.account_id = u.account_id AND ("
            + "  (a.principal_type = 'User' AND a.principal_id = u.user_id) OR (a.principal_type = 'Group' AND "
            + "  a.principal_id IN (SELECT m.group_id FROM ram_group_members m WHERE m.user_id = u.user_id))) "
            + "LEFT JOIN ram_groups g ON a.principal_type = 'Group' AND g.group_id = a.principal_id "
            + "LEFT JOIN ram_policies p ON a.policy_type = 'Custom' AND p.account_id = a.account_id "
            + "  AND p.policy_name_key = a.policy_name_key "
            + "LEFT JOIN ram_policy_versions v ON v.policy_id = p.policy_id AND v.version_number = p.default_version "
            + "WHERE u.account_id = ? AND u.user_name_key = ? "
            + "ORDER BY CASE WHEN a.principal_type = 'User' THEN 0 ELSE 1 END, a.attached_at, a.policy_name_key";

    private record Row(String userId, PolicyRow policy) {}

    public Optional<PolicySet> load(Tx tx, String accountId, String userName) {
        List<Row> rows = tx.query(
                QUERY,
                rs -> {
                    String type = rs.getString(2);
                    if (type == null) {
                        return new Row(rs.getString(1), null);
                    }
                    String attachedTo = "Group".equals(rs.getString(6)) ? "Group:" + rs.getString(7) : "User";
                    return new Row(
                            rs.getString(1),
                            new PolicyRow(type, rs.getString(3), rs.getInt(4), rs.getString(5), attachedTo));
                },
                accountId,
                RamNames.key(userName));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<PolicyRow> policies = new ArrayList<>();
        for (Row r : rows) {
            // a custom policy without a default version cannot exist; skip rather than fail the request
            if (r.policy() != null
                    && (r.policy().policyType().equals(RamAttachmentRecord.SYSTEM)
                            || r.policy().document() != null)) {
                policies.add(r.policy());
            }
        }
        return Optional.of(new PolicySet(rows.getFirst().userId(), policies));
    }
}
