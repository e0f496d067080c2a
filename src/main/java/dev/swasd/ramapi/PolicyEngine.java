package dev.swasd.ramapi;

import java.util.List;

/**
 * The RAM policy engine as the policy simulator uses it. The server plugs in its own (the one
 * that authorizes every request), as it does {@link PolicyDocumentCheck}: the identity domain
 * knows policies as text and names, not how they are evaluated.
 */
@FunctionalInterface
public interface PolicyEngine {
    /**
     * A policy in force, in the order the engine should consult it.
     *
     * @param type     {@code System} or {@code Custom}
     * @param document the default version's text; null for a System policy (the engine has it)
     */
    record Policy(String name, String type, String document) {}

    /** The statement that decided: its policy and its position in that policy (from 0). */
    record Matched(String policyName, String policyType, int statementIndex) {}

    /**
     * @param decision    {@code Allow}, {@code ImplicitDeny} or {@code ExplicitDeny}
     * @param explanation one line for people, as {@code swasd ram simulate} prints it
     * @param matched     null when no statement decided (an implicit deny)
     */
    record Verdict(String decision, String explanation, Matched matched) {}

    /**
     * Decides whether a RAM user with these policies may run {@code action} on {@code resource}.
     *
     * @param sourceIp  the caller's address ({@code acs:SourceIp}); null for none
     * @param nowMillis the request's time ({@code acs:CurrentTime})
     */
    Verdict evaluate(List<Policy> policies, String action, String resource, String sourceIp, long nowMillis);
}
