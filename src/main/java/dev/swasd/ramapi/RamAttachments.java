package dev.swasd.ramapi;

import dev.swasd.errors.ApiException;
import dev.swasd.store.RamAttachmentRecord;
import dev.swasd.store.RamGroupRecord;
import dev.swasd.store.RamUserRecord;
import dev.swasd.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Policy attachments to users and groups (ram-api.md 2.5). Existence is checked user or group
 * first, then the policy; then duplicates; then limits. Every change bumps the account's RAM epoch.
 */
public final class RamAttachments {
    /** A policy attached to a user or group (ListPoliciesForUser / ListPoliciesForGroup). */
    public record AttachedPolicy(PolicyView policy, long attachedAt) {}

    /** Where a policy is attached (ListEntitiesForPolicy). */
    public record Entities(List<AttachedUser> users, List<AttachedGroup> groups) {}

    public record AttachedUser(RamUserRecord user, long attachedAt) {}

    public record AttachedGroup(RamGroupRecord group, long attachedAt) {}

    private final RamStore store;
    private final RamLimits limits;
    private final RamPolicies policies;

    public RamAttachments(RamStore store, RamLimits limits, RamPolicies policies) {
        this.store = store;
        this.limits = limits;
        this.policies = policies;
    }

    public void attachToUser(Tx tx, String accountId, long now, String userName, String policyType, String policyName) {
        RamUserRecord user = user(tx, accountId, userName);
        int limit =
                policyType.equals(RamPolicies.SYSTEM) ? limits.systemPoliciesPerUser() : limits.customPoliciesPerUser();
        attach(
                tx,
                accountId,
                now,
                RamAttachmentRecord.USER,
                user.userId(),
                policyType,
                policyName,
                limit,
                RamErrors::userPolicyExists,
                RamErrors::limitUserPolicies);
    }

    public void detachFromUser(Tx tx, String accountId, String userName, String policyType, String policyName) {
        RamUserRecord user = user(tx, accountId, userName);
        detach(
                tx,
                accountId,
                RamAttachmentRecord.USER,
                user.userId(),
                policyType,
                policyName,
                RamErrors::userPolicyNotExist);
    }

    public void attachToGroup(
            Tx tx, String accountId, long now, String groupName, String policyType, String policyName) {
        RamGroupRecord group = group(tx, accountId, groupName);
        int limit = policyType.equals(RamPolicies.SYSTEM)
                ? limits.systemPoliciesPerGroup()
                : limits.customPoliciesPerGroup();
        attach(
                tx,
                accountId,
                now,
                RamAttachmentRecord.GROUP,
                group.groupId(),
                policyType,
                policyName,
                limit,
                RamErrors::groupPolicyExists,
                RamErrors::limitGroupPolicies);
    }

    public void detachFromGroup(Tx tx, String accountId, String groupName, String policyType, String policyName) {
        RamGroupRecord group = group(tx, accountId, groupName);
        detach(
                tx,
                accountId,
                RamAttachmentRecord.GROUP,
                group.groupId(),
                policyType,
                policyName,
                RamErrors::groupPolicyNotExist);
    }

    /** Users and groups attach alike; only their limits and error codes differ. */
    private void attach(
            Tx tx,
            String accountId,
            long now,
            String principalType,
            String principalId,
            String policyType,
            String policyName,
            int limit,
            Supplier<RuntimeException> alreadyAttached,
            Supplier<RuntimeException> overLimit) {
        PolicyView policy = policies.resolve(tx, accountId, policyType, policyName);
        if (store.attachments().isAttached(tx, principalType, principalId, policyType, policy.name())) {
            throw alreadyAttached.get();
        }
        if (store.attachments().countOfPrincipal(tx, principalType, principalId, policyType) >= limit) {
            throw overLimit.get();
        }
        store.attachments()
                .attach(
                        tx,
                        new RamAttachmentRecord(accountId, principalType, principalId, policyType, policy.name(), now));
        store.epochs().bump(tx, accountId);
    }

    private void detach(
            Tx tx,
            String accountId,
            String principalType,
            String principalId,
            String policyType,
            String policyName,
            Supplier<RuntimeException> notAttached) {
        PolicyView policy = policies.resolve(tx, accountId, policyType, policyName);
        if (!store.attachments().detach(tx, principalType, principalId, policyType, policy.name())) {
            throw notAttached.get();
        }
        store.epochs().bump(tx, accountId);
    }

    /** The user's own attachments, not those it has through groups. */
    public List<AttachedPolicy> policiesForUser(Tx tx, String accountId, String userName) {
        return attached(
                tx,
                accountId,
                RamAttachmentRecord.USER,
                user(tx, accountId, userName).userId());
    }

    public List<AttachedPolicy> policiesForGroup(Tx tx, String accountId, String groupName) {
        return attached(
                tx,
                accountId,
                RamAttachmentRecord.GROUP,
                group(tx, accountId, groupName).groupId());
    }

    public Entities entitiesForPolicy(Tx tx, String accountId, String policyType, String policyName) {
        PolicyView policy = policies.resolve(tx, accountId, policyType, policyName);
        List<AttachedUser> users = new ArrayList<>();
        List<AttachedGroup> groups = new ArrayList<>();
        var allUsers = store.users().list(tx, accountId);
        var allGroups = store.groups().list(tx, accountId);
        for (RamAttachmentRecord a : store.attachments().ofPolicy(tx, accountId, policyType, policy.name())) {
            if (a.principalType().equals(RamAttachmentRecord.USER)) {
                allUsers.stream()
                        .filter(u -> u.userId().equals(a.principalId()))
                        .findFirst()
                        .ifPresent(u -> users.add(new AttachedUser(u, a.attachedAt())));
            } else {
                allGroups.stream()
                        .filter(g -> g.groupId().equals(a.principalId()))
                        .findFirst()
                        .ifPresent(g -> groups.add(new AttachedGroup(g, a.attachedAt())));
            }
        }
        return new Entities(users, groups);
    }

    private List<AttachedPolicy> attached(Tx tx, String accountId, String principalType, String principalId) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (RamAttachmentRecord a : store.attachments().ofPrincipal(tx, principalType, principalId)) {
            // a policy removed behind the API's back (the store forbids it) is skipped, not an error
            try {
                out.add(new AttachedPolicy(
                        policies.resolve(tx, accountId, a.policyType(), a.policyName()), a.attachedAt()));
            } catch (ApiException gone) {
                continue;
            }
        }
        return out;
    }

    private RamUserRecord user(Tx tx, String accountId, String userName) {
        return store.users().findByName(tx, accountId, userName).orElseThrow(RamErrors::userNotExist);
    }

    private RamGroupRecord group(Tx tx, String accountId, String groupName) {
        return store.groups().findByName(tx, accountId, groupName).orElseThrow(RamErrors::groupNotExist);
    }
}
