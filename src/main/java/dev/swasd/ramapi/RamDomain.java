package dev.swasd.ramapi;

import dev.swasd.store.SecretCipher;

/** The RAM identity domain, wired once: what the server's bindings and the admin CLI call. */
public record RamDomain(RamParameterRules rules, RamUsers users, RamAccessKeys keys, RamGroups groups,
        RamPolicies policies, RamAttachments attachments) {

    public static RamDomain create(RamLimits limits, SecretCipher cipher, PolicyDocumentCheck documents,
            SystemPolicyDirectory system) {
        RamStore store = RamStore.standard();
        RamPolicies policies = new RamPolicies(store, limits, system);
        return new RamDomain(new RamParameterRules(documents), new RamUsers(store, limits),
                new RamAccessKeys(store, limits, cipher), new RamGroups(store, limits), policies,
                new RamAttachments(store, limits, policies));
    }
}
