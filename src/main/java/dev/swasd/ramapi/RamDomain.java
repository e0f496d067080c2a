package dev.swasd.ramapi;

import dev.swasd.ramapi.attachments.AttachmentActions;
import dev.swasd.ramapi.groups.GroupActions;
import dev.swasd.ramapi.keys.AccessKeyActions;
import dev.swasd.ramapi.policies.PolicyActions;
import dev.swasd.ramapi.simulation.SimulationActions;
import dev.swasd.ramapi.users.UserActions;
import dev.swasd.store.SecretCipher;
import java.util.ArrayList;
import java.util.List;

/**
 * The RAM identity domain, wired once: its services (what the admin CLI calls) and the resource
 * modules that implement the RAM API's actions, the one list the server binds.
 */
public record RamDomain(
        RamParameterRules rules,
        RamUsers users,
        RamAccessKeys keys,
        RamGroups groups,
        RamPolicies policies,
        RamAttachments attachments,
        List<Object> modules) {

    /** Without the policy simulator (the admin CLI, tests of the identity domain). */
    public static RamDomain create(
            RamLimits limits, SecretCipher cipher, PolicyDocumentCheck documents, SystemPolicyDirectory system) {
        return create(limits, cipher, documents, system, null);
    }

    /** @param engine the server's RAM engine, for SimulatePrincipalPolicy; null leaves that action out */
    public static RamDomain create(
            RamLimits limits,
            SecretCipher cipher,
            PolicyDocumentCheck documents,
            SystemPolicyDirectory system,
            PolicyEngine engine) {
        RamStore store = RamStore.standard();
        RamUsers users = new RamUsers(store, limits);
        RamAccessKeys keys = new RamAccessKeys(store, limits, cipher);
        RamGroups groups = new RamGroups(store, limits);
        RamPolicies policies = new RamPolicies(store, limits, system);
        RamAttachments attachments = new RamAttachments(store, limits, policies);
        List<Object> modules = new ArrayList<>(List.of(
                new UserActions(users),
                new AccessKeyActions(keys),
                new GroupActions(groups),
                new PolicyActions(policies),
                new AttachmentActions(attachments)));
        if (engine != null) {
            modules.add(new SimulationActions(new RamSimulator(groups, attachments, policies, engine)));
        }
        return new RamDomain(
                new RamParameterRules(documents), users, keys, groups, policies, attachments, List.copyOf(modules));
    }
}
