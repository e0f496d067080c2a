package dev.swasd.server;

import dev.swasd.ram.MalformedPolicyException;
import dev.swasd.ram.PolicyParser;
import dev.swasd.ram.SystemPolicies;
import dev.swasd.ram.SystemPolicy;
import dev.swasd.ramapi.PolicyDocumentCheck;
import dev.swasd.ramapi.RamErrors;
import dev.swasd.ramapi.SystemPolicyDirectory;
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
