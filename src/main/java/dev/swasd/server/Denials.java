package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.catalog.OperationDef;
import dev.swasd.errors.ApiError;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.ram.ConditionKeys;
import dev.swasd.ram.Decision;
import dev.swasd.ram.Evaluation;
import dev.swasd.ram.RamApiBindings;
import dev.swasd.ram.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The 403 answer of a denied request and its {@code AccessDeniedDetail} (ram.md section 6). */
final class Denials {
    static final String DENIED_MESSAGE =
            "User not authorized to operate on the specified resource, or this API doesn't support RAM.";
    static final String RAM_DENIED_MESSAGE = "You are not authorized to do this action.";

    private Denials() {}

    static AccessDenied denied(
            Principal principal,
            OperationDef op,
            Authorization.Target target,
            PolicySets.Loaded loaded,
            Decision decision,
            String resource,
            String diagnostic) {
        boolean ramApi = op.product().equals(RamApiBindings.PRODUCT);
        String message = (ramApi ? RAM_DENIED_MESSAGE : DENIED_MESSAGE) + " Action: " + target.ramAction()
                + ", resource: " + resource + ".";
        ObjectNode detail = ResponseRenderer.json()
                .createObjectNode()
                .put("PolicyType", "AccountLevelIdentityBasedPolicy")
                .put("AuthPrincipalOwnerId", principal.accountId())
                .put("EncodedDiagnosticMessage", diagnostic)
                .put("AuthPrincipalType", "SubUser")
                .put(
                        "AuthPrincipalDisplayName",
                        loaded != null && loaded.userId() != null ? loaded.userId() : principal.userName())
                .put("NoPermissionType", decision.wireName())
                .put("AuthAction", target.ramAction());
        return new AccessDenied(new ApiError(403, ramApi ? "NoPermission" : "Forbidden.RAM", message), detail);
    }

    /** The condition keys RAM writes in its own case. */
    private static final List<String> KNOWN = List.of(
            ConditionKeys.CURRENT_TIME,
            ConditionKeys.SECURE_TRANSPORT,
            ConditionKeys.SOURCE_IP,
            ConditionKeys.MFA_PRESENT,
            ConditionKeys.SOURCE_VPC,
            ConditionKeys.ACCESS_ID,
            ConditionKeys.USER_AGENT,
            ConditionKeys.REFERER);

    /**
     * A context key as RAM writes it ({@code acs:SourceIp}); the context keeps keys folded to
     * lower case, so a tag key's own case is not recovered ({@code acs:RequestTag/env}).
     */
    private static String canonical(String folded) {
        for (String k : KNOWN) {
            if (k.equalsIgnoreCase(folded)) {
                return k;
            }
        }
        for (String prefix : List.of("acs:ResourceTag/", "acs:RequestTag/")) {
            if (folded.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return prefix + folded.substring(prefix.length());
            }
        }
        return folded;
    }

    /**
     * Base64 of our own JSON, the fields RAM's DecodeDiagnosticMessage returns: whether the
     * denial was explicit, the action, the resource, the principal, the condition keys the
     * request carried, the policies in force and, for ExplicitDeny, the statement that denied.
     * Never a secret: the AccessKey id is in the context, the secret is nowhere here.
     */
    static String diagnostic(
            Principal principal,
            Authorization.Target target,
            PolicySets.Loaded loaded,
            Evaluation evaluation,
            RequestContext context) {
        ObjectNode d = ResponseRenderer.json().createObjectNode();
        d.put("ExplicitDeny", evaluation.decision() == Decision.EXPLICIT_DENY);
        d.put("NoPermissionType", evaluation.decision().wireName());
        d.put("PolicyType", "AccountLevelIdentityBasedPolicy");
        d.put("AuthAction", target.ramAction());
        d.put("AuthResource", evaluation.deniedResource().orElse(""));
        d.put("AuthPrincipalType", "SubUser");
        d.put("AuthPrincipalOwnerId", principal.accountId());
        d.put("AuthPrincipalDisplayName", loaded.userId() != null ? loaded.userId() : principal.userName());
        d.put("AuthPrincipalName", principal.userName());
        ObjectNode keys = d.putObject("AuthConditions");
        context.asMap().forEach((k, v) -> {
            ArrayNode values = keys.putArray(canonical(k));
            v.forEach(values::add);
        });
        ArrayNode policies = d.putArray("MatchedPolicies");
        for (PolicySets.Source s : loaded.sources()) {
            policies.addObject()
                    .put("PolicyName", s.name())
                    .put("PolicyType", s.type())
                    .put("PolicyVersion", s.version())
                    .put("AttachedEntity", s.attachedTo());
        }
        Optional.ofNullable(
                        evaluation.decision() == Decision.EXPLICIT_DENY
                                ? evaluation.decidedBy().orElse(null)
                                : null)
                .ifPresent(ref -> d.putObject("DeniedBy")
                        .put("PolicyName", ref.policyName())
                        .put(
                                "PolicyType",
                                loaded.sources().get(ref.policyIndex()).type())
                        .put(
                                "PolicyVersion",
                                loaded.sources().get(ref.policyIndex()).version())
                        .put("Statement", ref.statementIndex()));
        return Base64.getEncoder().encodeToString(d.toString().getBytes(StandardCharsets.UTF_8));
    }
}
