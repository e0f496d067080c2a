package dev.swasd.ram;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a request against the policies in force for its caller (ram.md section 4):
 * <ol>
 * <li>the root account is always allowed;</li>
 * <li>for each resource: ExplicitDeny if an applicable statement denies, else Allow if one allows,
 * else ImplicitDeny — policy and statement order never change a decision;</li>
 * <li>for the request: ExplicitDeny if any resource got it, else Allow only if every resource got
 * Allow, else ImplicitDeny.</li>
 * </ol>
 * A statement applies when its Action (or NotAction) covers the action, one of its Resource
 * patterns matches the resource, and every condition holds. Stateless and thread-safe.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    public static Evaluation evaluate(AuthorizationRequest request, List<NamedPolicy> policies) {
        List<String> resources = request.resources();
        if (request.principalType() == PrincipalType.ROOT_ACCOUNT) {
            List<ResourceDecision> all = resources.stream()
                    .map(r -> new ResourceDecision(r, Decision.ALLOW, Optional.empty()))
                    .toList();
            return new Evaluation(Decision.ALLOW, true, Optional.empty(), Optional.empty(), all);
        }
        if (resources.isEmpty()) {
            // An empty list would be vacuously "all allowed"; actions without authorization
            // (ActionBinding.requiresAuthorization() false) must skip evaluation instead.
            throw new IllegalArgumentException("an authorization request names at least one resource (\"*\" for "
                    + "actions without resource-level authorization)");
        }
        // The action is the same for every resource, so which statements cover it is decided once
        // rather than per resource; the order of policies and statements is kept.
        String foldedAction = Glob.fold(request.action());
        List<Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            NamedPolicy policy = policies.get(p);
            for (Statement s : policy.document().statements()) {
                if (s.coversAction(foldedAction)) {
                    candidates.add(new Candidate(p, policy, s));
                }
            }
        }
        Map<Statement, Boolean> conditionResults = new IdentityHashMap<>();
        List<ResourceDecision> decisions = new ArrayList<>(resources.size());
        for (String resource : resources) {
            decisions.add(decide(resource, request.context(), candidates, conditionResults));
        }
        return combineDecisions(decisions);
    }

    /** A statement that covers the request's action, with the policy it is in and that policy's place. */
    private record Candidate(int policyIndex, NamedPolicy policy, Statement statement) {}

    private static ResourceDecision decide(
            String resource,
            RequestContext context,
            List<Candidate> candidates,
            Map<Statement, Boolean> conditionResults) {
        StatementRef firstAllow = null;
        for (Candidate c : candidates) {
            Statement s = c.statement();
            if (!s.coversResource(resource)) {
                continue;
            }
            // Conditions read only the request context, so each statement's are evaluated once per request.
            if (!conditionResults.computeIfAbsent(s, st -> st.conditionsHold(context))) {
                continue;
            }
            StatementRef ref = new StatementRef(c.policyIndex(), c.policy().name(), s.index(), s.effect(), s.sid());
            if (s.effect() == Effect.DENY) {
                return new ResourceDecision(resource, Decision.EXPLICIT_DENY, Optional.of(ref));
            }
            if (firstAllow == null) {
                firstAllow = ref;
            }
        }
        return firstAllow != null
                ? new ResourceDecision(resource, Decision.ALLOW, Optional.of(firstAllow))
                : new ResourceDecision(resource, Decision.IMPLICIT_DENY, Optional.empty());
    }

    /**
     * The request's decision from per-resource decisions made separately (a caller that evaluates
     * each resource with its own context, e.g. its own {@code acs:ResourceTag/} keys).
     */
    public static Evaluation combine(List<ResourceDecision> decisions) {
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("no resource decisions to combine");
        }
        return combineDecisions(decisions);
    }

    private static Evaluation combineDecisions(List<ResourceDecision> decisions) {
        for (ResourceDecision d : decisions) {
            if (d.decision() == Decision.EXPLICIT_DENY) {
                return new Evaluation(
                        Decision.EXPLICIT_DENY, false, Optional.of(d.resource()), d.decidedBy(), decisions);
            }
        }
        for (ResourceDecision d : decisions) {
            if (d.decision() == Decision.IMPLICIT_DENY) {
                return new Evaluation(
                        Decision.IMPLICIT_DENY, false, Optional.of(d.resource()), Optional.empty(), decisions);
            }
        }
        return new Evaluation(
                Decision.ALLOW, false, Optional.empty(), decisions.get(0).decidedBy(), decisions);
    }
}
