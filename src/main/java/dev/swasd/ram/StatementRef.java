package dev.swasd.ram;

import java.util.Optional;

/**
 * Which statement decided: the policy's position in the list given to the evaluator (from 0), its
 * name, and the statement's position in that policy (from 0, as in {@code Statement[0]}).
 */
public record StatementRef(
        int policyIndex, String policyName, int statementIndex, Effect effect, Optional<String> sid) {

    /** {@code policy 1 AliyunSWASFullAccess, Statement[0]}: policies are counted from 1 for people. */
    public String describe() {
        return "policy " + (policyIndex + 1) + " " + policyName + ", Statement[" + statementIndex + "]"
                + sid.map(s -> " (Sid " + s + ")").orElse("");
    }
}
