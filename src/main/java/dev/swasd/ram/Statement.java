package dev.swasd.ram;

import java.util.List;
import java.util.Optional;

/**
 * One compiled statement of a policy. Patterns are compiled when the policy is parsed, so a
 * request only runs matchers.
 */
public final class Statement {
    private final int index;
    private final String sid;
    private final Effect effect;
    private final boolean notAction;
    private final List<Glob> actions;
    private final List<Glob> resources;
    private final List<ConditionClause> conditions;

    Statement(
            int index,
            String sid,
            Effect effect,
            boolean notAction,
            List<Glob> actions,
            List<Glob> resources,
            List<ConditionClause> conditions) {
        this.index = index;
        this.sid = sid;
        this.effect = effect;
        this.notAction = notAction;
        this.actions = List.copyOf(actions);
        this.resources = List.copyOf(resources);
        this.conditions = List.copyOf(conditions);
    }

    /** Position in the policy's Statement list, from 0. */
    public int index() {
        return index;
    }

    public Optional<String> sid() {
        return Optional.ofNullable(sid);
    }

    public Effect effect() {
        return effect;
    }

    /** True when the statement was written with NotAction: it covers every action except these. */
    public boolean isNotAction() {
        return notAction;
    }

    /** The Action (or NotAction) patterns as written. */
    public List<String> actionPatterns() {
        return actions.stream().map(Glob::pattern).toList();
    }

    /** The Resource patterns as written. */
    public List<String> resourcePatterns() {
        return resources.stream().map(Glob::pattern).toList();
    }

    /** @param foldedAction the request action already in {@link Glob#fold lower case} */
    boolean coversAction(String foldedAction) {
        boolean listed = false;
        for (Glob g : actions) {
            if (g.matches(foldedAction)) {
                listed = true;
                break;
            }
        }
        return listed != notAction;
    }

    boolean coversResource(String arn) {
        for (Glob g : resources) {
            if (g.matches(arn)) {
                return true;
            }
        }
        return false;
    }

    boolean conditionsHold(RequestContext context) {
        for (ConditionClause c : conditions) {
            if (!c.holds(context)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Statement[" + index + "] " + effect.wireName() + (notAction ? " NotAction " : " Action ")
                + actionPatterns() + " Resource " + resourcePatterns()
                + (conditions.isEmpty() ? "" : " with " + conditions.size() + " condition(s)");
    }
}
