package dev.swasd.ram;

import java.util.List;
import java.util.Optional;

/**
 * The answer to an {@link AuthorizationRequest}.
 *
 * @param decision       the request's decision: ExplicitDeny if any resource is explicitly denied,
 *                       else Allow if every resource is allowed, else ImplicitDeny
 * @param rootAccount    true when the caller was the root account, whose requests are allowed without
 *                       consulting any policy
 * @param deniedResource for a denial, the first resource that got the request's decision
 * @param decidedBy      ExplicitDeny: the Deny statement that matched {@code deniedResource};
 *                       Allow: the first Allow statement that matched the first resource;
 *                       ImplicitDeny and root: empty (no statement decided)
 * @param resources      the decision for every resource, in request order
 */
public record Evaluation(
        Decision decision,
        boolean rootAccount,
        Optional<String> deniedResource,
        Optional<StatementRef> decidedBy,
        List<ResourceDecision> resources) {

    public Evaluation {
        resources = List.copyOf(resources);
    }

    /** One line for people, e.g. {@code Allow  (policy 1 p.json, Statement[0])}. */
    public String explain() {
        String why;
        if (rootAccount) {
            why = "root account: policies are not consulted";
        } else if (decision == Decision.IMPLICIT_DENY) {
            why = "no statement allows " + deniedResource.orElse("?") + position();
        } else if (decision == Decision.EXPLICIT_DENY) {
            why = decidedBy.map(StatementRef::describe).orElse("?") + " denies " + deniedResource.orElse("?")
                    + position();
        } else {
            why = decidedBy.map(StatementRef::describe).orElse("?")
                    + (resources.size() > 1 ? "; all " + resources.size() + " resources allowed" : "");
        }
        return decision.wireName() + "  (" + why + ")";
    }

    private String position() {
        if (resources.size() < 2) {
            return "";
        }
        int at = resources.stream().map(ResourceDecision::resource).toList().indexOf(deniedResource.orElse(null));
        return "; resource " + (at + 1) + " of " + resources.size();
    }
}
