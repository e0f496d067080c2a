package dev.swasd.server;

import dev.swasd.ram.AuthorizationRequest;
import dev.swasd.ram.ConditionKeys;
import dev.swasd.ram.Evaluation;
import dev.swasd.ram.MalformedPolicyException;
import dev.swasd.ram.NamedPolicy;
import dev.swasd.ram.PolicyEvaluator;
import dev.swasd.ram.PolicyParser;
import dev.swasd.ram.RequestContext;
import dev.swasd.ram.SystemPolicies;
import dev.swasd.ram.SystemPolicy;
import dev.swasd.ramapi.PolicyDocumentCheck;
import dev.swasd.ramapi.PolicyEngine;
import dev.swasd.ramapi.RamErrors;
import dev.swasd.ramapi.SystemPolicyDirectory;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Plugs the RAM engine (policy parser, system policies) into the RAM identity domain. */
public final class RamAdapters {
    private RamAdapters() {}

    /** RAM's check at CreatePolicy/CreatePolicyVersion: the engine's parser, with its precise message. */
    public static PolicyDocumentCheck documentCheck() {
        return document -> {
            try {
                PolicyParser.parse(document);
            } catch (MalformedPolicyException e) {
                throw e.errorCode().equals(MalformedPolicyException.LENGTH)
                        ? RamErrors.length("PolicyDocument")
                        : RamErrors.malformedPolicyDocument(e.getMessage());
            }
        };
    }

    /**
     * The engine that authorizes every request, for the policy simulator: the policies as a RAM
     * user's, with {@code acs:CurrentTime} and, when given, {@code acs:SourceIp} in the context. A
     * system policy this version of swasd does not have grants nothing, as in PolicySets.
     */
    public static PolicyEngine policyEngine() {
        return (policies, action, resource, sourceIp, nowMillis) -> {
            List<NamedPolicy> named = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (PolicyEngine.Policy p : policies) {
                if (p.document() == null) {
                    SystemPolicies.lookup(p.name()).ifPresent(s -> {
                        named.add(s.asNamedPolicy());
                        types.add(p.type());
                    });
                } else {
                    named.add(new NamedPolicy(p.name(), PolicyParser.parse(p.document())));
                    types.add(p.type());
                }
            }
            RequestContext.Builder context = RequestContext.builder()
                    .add(
                            ConditionKeys.CURRENT_TIME,
                            DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(nowMillis)));
            if (sourceIp != null) {
                context.add(ConditionKeys.SOURCE_IP, sourceIp);
            }
            Evaluation e = PolicyEvaluator.evaluate(
                    AuthorizationRequest.ofRamUser(action, List.of(resource), context.build()), named);
            PolicyEngine.Matched matched = e.decidedBy()
                    .map(ref -> new PolicyEngine.Matched(
                            ref.policyName(), types.get(ref.policyIndex()), ref.statementIndex()))
                    .orElse(null);
            return new PolicyEngine.Verdict(e.decision().wireName(), e.explain(), matched);
        };
    }

    public static SystemPolicyDirectory systemPolicies() {
        return new SystemPolicyDirectory() {
            @Override
            public Optional<SystemPolicyInfo> find(String name) {
                return SystemPolicies.lookup(name).map(RamAdapters::info);
            }

            @Override
            public List<SystemPolicyInfo> all() {
                return SystemPolicies.all().stream()
                        .map(RamAdapters::info)
                        .sorted(Comparator.comparing(SystemPolicyInfo::name))
                        .toList();
            }
        };
    }

    private static SystemPolicyDirectory.SystemPolicyInfo info(SystemPolicy p) {
        return new SystemPolicyDirectory.SystemPolicyInfo(p.name(), p.description(), p.documentText());
    }
}
