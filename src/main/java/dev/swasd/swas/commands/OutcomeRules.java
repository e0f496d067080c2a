package dev.swasd.swas.commands;

import dev.swasd.store.Table;
import dev.swasd.store.Tx;
import dev.swasd.swas.commands.OutcomeRule.Match;
import dev.swasd.swas.commands.OutcomeRule.Outcome;
import java.util.List;

/**
 * The scripted outcomes of command runs. Rules given at start ({@code --command-outcomes},
 * {@link #configure}) are this node's configuration and outlive a reset; rules seeded later
 * ({@link #replace}, the control API) are kept in {@code command_outcome_rules} (migration V17), so
 * every node over one database decides alike, and take the place of the start rules until a reset
 * (or an empty seeded set) brings those back. The first rule that matches a run decides it; a run
 * no rule matches succeeds with exit code 0 and no output.
 */
public final class OutcomeRules {
    /** A rule as a row; {@code matchKind} and {@code pattern} are {@link Match#kind()} and {@link Match#pattern()}. */
    public record RuleRow(
            String ruleId,
            int seq,
            String matchKind,
            String pattern,
            RunStatus status,
            Long exitCode,
            String output,
            Long durationSeconds,
            String errorCode,
            String errorInfo) {

        OutcomeRule rule() {
            return new OutcomeRule(
                    Match.of(matchKind, pattern),
                    new Outcome(status, exitCode, output, durationSeconds, errorCode, errorInfo));
        }
    }

    private final Table<RuleRow> rows = new Table<>("command_outcome_rules", RuleRow.class, "ruleId");
    private volatile List<OutcomeRule> configured = List.of();

    /** The rules given at start. */
    public void configure(List<OutcomeRule> rules) {
        configured = List.copyOf(rules);
    }

    /** Replaces every seeded rule with these, in this order; none brings back the rules given at start. */
    public void replace(Tx tx, List<OutcomeRule> rules) {
        rows.list(tx, null, null).forEach(r -> rows.delete(tx, r.ruleId()));
        for (int i = 0; i < rules.size(); i++) {
            OutcomeRule r = rules.get(i);
            Outcome o = r.outcome();
            rows.insert(
                    tx,
                    new RuleRow(
                            "rule-" + i,
                            i,
                            r.match().kind(),
                            r.match().pattern(),
                            o.status(),
                            o.exitCode(),
                            o.output(),
                            o.durationSeconds(),
                            o.errorCode(),
                            o.errorInfo()));
        }
    }

    /** The rules in force: the seeded ones, or when none are, the ones given at start. */
    public List<OutcomeRule> all(Tx tx) {
        List<OutcomeRule> seeded =
                rows.list(tx, null, "seq").stream().map(RuleRow::rule).toList();
        return seeded.isEmpty() ? configured : seeded;
    }

    /** The outcome of a run of this command: the first matching rule's, else the default. */
    public Outcome decide(Tx tx, String name, String content) {
        return all(tx).stream()
                .filter(r -> r.match().matches(name, content))
                .map(OutcomeRule::outcome)
                .findFirst()
                .orElse(Outcome.DEFAULT);
    }
}
