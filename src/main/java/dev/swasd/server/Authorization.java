package dev.swasd.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.catalog.OperationDef;
import dev.swasd.errors.ApiError;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.ram.ActionBinding;
import dev.swasd.ram.ActionBindings;
import dev.swasd.ram.AuthorizationRequest;
import dev.swasd.ram.ConditionKeys;
import dev.swasd.ram.Decision;
import dev.swasd.ram.EcsApiBindings;
import dev.swasd.ram.Evaluation;
import dev.swasd.ram.PolicyEvaluator;
import dev.swasd.ram.RamApiBindings;
import dev.swasd.ram.RequestContext;
import dev.swasd.ram.ResourceDecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorize stage (ram.md section 4): the root identity is always allowed; a RAM user is
 * allowed an action only when its policies and its groups' policies allow it on every resource
 * the request names, with the request's condition keys. A denial is 403 {@code Forbidden.RAM}
 * ({@code NoPermission} for the RAM API itself) with an {@code AccessDeniedDetail} object.
 */
final class Authorization {
    static final String DENIED_MESSAGE =
            "User not authorized to operate on the specified resource, or this API doesn't support RAM.";
    static final String RAM_DENIED_MESSAGE = "You are not authorized to do this action.";

    /** What is evaluated for one request: the RAM action and its resources; empty resources = not authorized. */
    record Target(String ramAction, List<String> resources) {
    }

    private final PolicySets policySets;
    private final ResourceTags resourceTags;

    Authorization(PolicySets policySets, ResourceTags resourceTags) {
        this.policySets = policySets;
        this.resourceTags = resourceTags;
    }

    /** Before RAM users existed: the root identity only. */
    static Authorization rootOnly() {
        return new Authorization(null, null);
    }

    /** @throws AccessDenied when the principal may not run the request */
    void authorize(Principal principal, OperationDef op, ValidatedParams params, ApiRequest request, long nowMillis) {
        if (principal.isRoot()) {
            return;
        }
        Target target = target(principal, op, params);
        if (target.resources().isEmpty()) {
            return;
        }
        if (policySets == null) {
            throw denied(principal, op, target, null, Decision.IMPLICIT_DENY, target.resources().getFirst(), "");
        }
        PolicySets.Loaded loaded = policySets.of(principal.accountId(), principal.userName());
        RequestContext.Builder base = context(principal, params, request, nowMillis);
        Evaluation evaluation;
        if (loaded.usesResourceTags()) {
            // each resource is judged with its own tags (acs:ResourceTag/<key>)
            Map<String, Map<String, String>> tags = resourceTags.of(principal.accountId(), target.resources());
            List<ResourceDecision> decisions = new ArrayList<>();
            for (String arn : target.resources()) {
                RequestContext.Builder b = context(principal, params, request, nowMillis);
                tags.getOrDefault(arn, Map.of()).forEach((k, v) -> b.add(ConditionKeys.resourceTag(k), v));
                decisions.add(PolicyEvaluator.evaluate(AuthorizationRequest.ofRamUser(target.ramAction(),
                        List.of(arn), b.build()), loaded.policies()).resources().getFirst());
            }
            evaluation = PolicyEvaluator.combine(decisions);
        } else {
            evaluation = PolicyEvaluator.evaluate(AuthorizationRequest.ofRamUser(target.ramAction(),
                    target.resources(), base.build()), loaded.policies());
        }
        if (!evaluation.decision().allowed()) {
            throw denied(principal, op, target, loaded, evaluation.decision(),
                    evaluation.deniedResource().orElse(target.resources().getFirst()), diagnostic(principal, target,
                            loaded, evaluation, base.build()));
        }
    }

    /** The RAM action and resources of a request, by product. */
    static Target target(Principal principal, OperationDef op, ValidatedParams params) {
        Map<String, Object> p = params.asMap();
        String region = params.has("RegionId") ? params.string("RegionId") : "*";
        return switch (op.product()) {
            case "swas-open" -> {
                ActionBinding b = ActionBindings.swasOpen().require(op.action());
                yield new Target(b.ramAction(), b.requiresAuthorization()
                        ? b.resourceArns(region, principal.accountId(), p) : List.of());
            }
            case EcsApiBindings.PRODUCT -> new Target(EcsApiBindings.ramAction(op.action()),
                    EcsApiBindings.resourceArns(op.action(), region, principal.accountId(), p).orElse(List.of()));
            case RamApiBindings.PRODUCT -> new Target(RamApiBindings.ramAction(op.action()),
                    RamApiBindings.resourceArns(op.action(), principal.accountId(), p, principal.userName()));
            // a product without RAM bindings grants nothing to RAM users
            default -> new Target(op.product() + ":" + op.action(), List.of("*"));
        };
    }

    /**
     * acs:CurrentTime, acs:SecureTransport, acs:SourceIp, acs:AccessId, acs:MFAPresent (always
     * false: AccessKey calls carry no MFA), acs:UserAgent when sent, and acs:RequestTag/&lt;key&gt;
     * for every {@code Tag.N.Key}/{@code Tag.N.Value} (or JSON {@code Tag}) of the request.
     */
    static RequestContext.Builder context(Principal principal, ValidatedParams params, ApiRequest request,
            long nowMillis) {
        RequestContext.Builder b = ConditionKeys.standard(Instant.ofEpochMilli(nowMillis), request.secureTransport(),
                request.sourceIp(), principal.accessKeyId()).add(ConditionKeys.MFA_PRESENT, "false");
        String agent = request.header("user-agent");
        if (agent != null && !agent.isEmpty()) {
            b.add(ConditionKeys.USER_AGENT, agent);
        }
        Object tags = params.asMap().get("Tag");
        if (tags instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> tag && tag.get("Key") instanceof String key && !key.isEmpty()) {
                    b.add(ConditionKeys.requestTag(key), tag.get("Value") == null ? "" : tag.get("Value").toString());
                }
            }
        } else if (tags instanceof JsonNode json && json.isArray()) {
            for (JsonNode tag : json) {
                if (tag.path("Key").isTextual() && !tag.path("Key").asText().isEmpty()) {
                    b.add(ConditionKeys.requestTag(tag.path("Key").asText()), tag.path("Value").asText(""));
                }
            }
        }
        return b;
    }

    private static AccessDenied denied(Principal principal, OperationDef op, Target target, PolicySets.Loaded loaded,
            Decision decision, String resource, String diagnostic) {
        boolean ramApi = op.product().equals(RamApiBindings.PRODUCT);
        String message = (ramApi ? RAM_DENIED_MESSAGE : DENIED_MESSAGE) + " Action: " + target.ramAction()
                + ", resource: " + resource + ".";
        ObjectNode detail = ResponseRenderer.json().createObjectNode()
                .put("PolicyType", "AccountLevelIdentityBasedPolicy")
                .put("AuthPrincipalOwnerId", principal.accountId())
                .put("EncodedDiagnosticMessage", diagnostic)
                .put("AuthPrincipalType", "SubUser")
                .put("AuthPrincipalDisplayName", loaded != null && loaded.userId() != null ? loaded.userId()
                        : principal.userName())
                .put("NoPermissionType", decision.wireName())
                .put("AuthAction", target.ramAction());
        return new AccessDenied(new ApiError(403, ramApi ? "NoPermission" : "Forbidden.RAM", message), detail);
    }

    /**
     * Base64 of our own JSON, the fields RAM's DecodeDiagnosticMessage returns: whether the
     * denial was explicit, the action, the resource, the principal, the condition keys the
     * request carried, the policies in force and, for ExplicitDeny, the statement that denied.
     * Never a secret: the AccessKey id is in the context, the secret is nowhere here.
     */
    private static String diagnostic(Principal principal, Target target, PolicySets.Loaded loaded,
            Evaluation evaluation, RequestContext context) {
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
            ArrayNode values = keys.putArray(k);
            v.forEach(values::add);
        });
        ArrayNode policies = d.putArray("MatchedPolicies");
        for (PolicySets.Source s : loaded.sources()) {
            policies.addObject().put("PolicyName", s.name()).put("PolicyType", s.type())
                    .put("PolicyVersion", s.version()).put("AttachedEntity", s.attachedTo());
        }
        Optional.ofNullable(evaluation.decision() == Decision.EXPLICIT_DENY ? evaluation.decidedBy().orElse(null) : null)
                .ifPresent(ref -> d.putObject("DeniedBy").put("PolicyName", ref.policyName())
                        .put("PolicyType", loaded.sources().get(ref.policyIndex()).type())
                        .put("PolicyVersion", loaded.sources().get(ref.policyIndex()).version())
                        .put("Statement", ref.statementIndex()));
        return Base64.getEncoder().encodeToString(d.toString().getBytes(StandardCharsets.UTF_8));
    }
}
