package dev.swasd.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The authorize stage (ram.md section 4): the root identity is always allowed; a RAM user is
 * allowed an action only when its policies and its groups' policies allow it on every resource
 * the request names, with the request's condition keys. A denial is 403 {@code Forbidden.RAM}
 * ({@code NoPermission} for the RAM API itself) with an {@code AccessDeniedDetail} object
 * ({@link Denials}).
 */
final class Authorization {
    /** What is evaluated for one request: the RAM action and its resources; empty resources = not authorized. */
    record Target(String ramAction, List<String> resources) {}

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
            throw Denials.denied(
                    principal,
                    op,
                    target,
                    null,
                    Decision.IMPLICIT_DENY,
                    target.resources().getFirst(),
                    "");
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
                decisions.add(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser(target.ramAction(), List.of(arn), b.build()),
                                loaded.policies())
                        .resources()
                        .getFirst());
            }
            evaluation = PolicyEvaluator.combine(decisions);
        } else {
            evaluation = PolicyEvaluator.evaluate(
                    AuthorizationRequest.ofRamUser(target.ramAction(), target.resources(), base.build()),
                    loaded.policies());
        }
        if (!evaluation.decision().allowed()) {
            throw Denials.denied(
                    principal,
                    op,
                    target,
                    loaded,
                    evaluation.decision(),
                    evaluation.deniedResource().orElse(target.resources().getFirst()),
                    Denials.diagnostic(principal, target, loaded, evaluation, base.build()));
        }
    }

    /** The RAM action and resources of a request, by product. */
    static Target target(Principal principal, OperationDef op, ValidatedParams params) {
        Map<String, Object> p = params.asMap();
        String region = params.has("RegionId") ? params.string("RegionId") : "*";
        return switch (op.product()) {
            case "swas-open" -> {
                ActionBinding b = ActionBindings.swasOpen().require(op.action());
                yield new Target(
                        b.ramAction(),
                        b.requiresAuthorization() ? b.resourceArns(region, principal.accountId(), p) : List.of());
            }
            case EcsApiBindings.PRODUCT ->
                new Target(
                        EcsApiBindings.ramAction(op.action()),
                        EcsApiBindings.resourceArns(op.action(), region, principal.accountId(), p)
                                .orElse(List.of()));
            case RamApiBindings.PRODUCT ->
                new Target(
                        RamApiBindings.ramAction(op.action()),
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
    static RequestContext.Builder context(
            Principal principal, ValidatedParams params, ApiRequest request, long nowMillis) {
        RequestContext.Builder b = ConditionKeys.standard(
                        Instant.ofEpochMilli(nowMillis),
                        request.secureTransport(),
                        request.sourceIp(),
                        principal.accessKeyId())
                .add(ConditionKeys.MFA_PRESENT, "false");
        String agent = request.header("user-agent");
        if (agent != null && !agent.isEmpty()) {
            b.add(ConditionKeys.USER_AGENT, agent);
        }
        Object tags = params.asMap().get("Tag");
        if (tags instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> tag && tag.get("Key") instanceof String key && !key.isEmpty()) {
                    b.add(
                            ConditionKeys.requestTag(key),
                            tag.get("Value") == null ? "" : tag.get("Value").toString());
                }
            }
        } else if (tags instanceof JsonNode json && json.isArray()) {
            for (JsonNode tag : json) {
                if (tag.path("Key").isTextual() && !tag.path("Key").asText().isEmpty()) {
                    b.add(
                            ConditionKeys.requestTag(tag.path("Key").asText()),
                            tag.path("Value").asText(""));
                }
            }
        }
        return b;
    }
}
