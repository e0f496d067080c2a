package dev.swasd.ramapi;

import dev.swasd.store.Joined;
import dev.swasd.store.RamAttachmentRecord;
import dev.swasd.store.RamGroupRecord;
import dev.swasd.store.RamUserRecord;
import dev.swasd.store.Tx;
import java.util.List;

/**
 * RAM user groups and memberships (ram-api.md 2.3). A user gains every policy attached to the
 * groups it is in, so every membership change bumps the account's RAM epoch.
 */
public final class RamGroups {
    private final RamStore store;
    private final RamLimits limits;

    public RamGroups(RamStore store, RamLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    public RamGroupRecord create(Tx tx, String accountId, long now, String groupName, String comments) {
        if (store.groups().findByName(tx, accountId, groupName).isPresent()) {
            throw RamErrors.groupExists();
        }
        if (store.groups().count(tx, accountId) >= limits.groups()) {
            throw RamErrors.limitGroups();
        }
        RamGroupRecord group = new RamGroupRecord(RamIds.groupId(), accountId, groupName, comments, now, now);
        store.groups().insert(tx, group);
        return group;
    }

    public RamGroupRecord get(Tx tx, String accountId, String groupName) {
        return store.groups().findByName(tx, accountId, groupName).orElseThrow(RamErrors::groupNotExist);
    }

    public Page<RamGroupRecord> list(Tx tx, String accountId, String marker, int maxItems) {
        return Page.of(
                store.groups().list(tx, accountId), g -> Page.timeKey(g.createdAt(), g.groupId()), marker, maxItems);
    }

    /** Only an empty group without policies can go (members checked first). */
    public void delete(Tx tx, String accountId, String groupName) {
        RamGroupRecord group = get(tx, accountId, groupName);
        if (store.groups().countMembers(tx, group.groupId()) > 0) {
            throw RamErrors.deleteConflictGroupUser();
        }
        if (!store.attachments()
                .ofPrincipal(tx, RamAttachmentRecord.GROUP, group.groupId())
                .isEmpty()) {
            throw RamErrors.deleteConflictGroupPolicy();
        }
        store.groups().delete(tx, group.groupId());
        store.epochs().bump(tx, accountId);
    }

    public void addUser(Tx tx, String accountId, long now, String userName, String groupName) {
        RamUserRecord user = user(tx, accountId, userName);
        RamGroupRecord group = get(tx, accountId, groupName);
        if (store.groups().isMember(tx, group.groupId(), user.userId())) {
            throw RamErrors.userGroupExists();
        }
        if (store.groups().countGroupsOf(tx, user.userId()) >= limits.groupsPerUser()) {
            throw RamErrors.limitUserGroups();
        }
        store.groups().addMember(tx, accountId, group.groupId(), user.userId(), now);
        store.epochs().bump(tx, accountId);
    }

    public void removeUser(Tx tx, String accountId, String userName, String groupName) {
        RamUserRecord user = user(tx, accountId, userName);
        RamGroupRecord group = get(tx, accountId, groupName);
        if (!store.groups().removeMember(tx, group.groupId(), user.userId())) {
            throw RamErrors.userGroupNotExist();
        }
        store.epochs().bump(tx, accountId);
    }

    public List<Joined<RamGroupRecord>> groupsForUser(Tx tx, String accountId, String userName) {
        return store.groups().groupsOf(tx, user(tx, accountId, userName).userId());
    }

    public Page<Joined<RamUserRecord>> usersForGroup(
            Tx tx, String accountId, String groupName, String marker, int maxItems) {
        RamGroupRecord group = get(tx, accountId, groupName);
        return Page.of(
                store.groups().membersOf(tx, group.groupId()),
                j -> Page.timeKey(j.joinedAt(), j.entity().userId()),
                marker,
                maxItems);
    }

    private RamUserRecord user(Tx tx, String accountId, String userName) {
        return store.users().findByName(tx, accountId, userName).orElseThrow(RamErrors::userNotExist);
    }
}
