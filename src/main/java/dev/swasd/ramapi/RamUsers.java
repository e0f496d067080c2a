package dev.swasd.ramapi;

import dev.swasd.store.RamAttachmentRecord;
import dev.swasd.store.RamUserRecord;
import dev.swasd.store.Tx;

/** RAM users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser (ram-api.md 2.1). */
public final class RamUsers {
    /** What CreateUser gives; null fields are left unset. */
    public record NewUser(String userName, String displayName, String mobilePhone, String email, String comments) {}

    /** What UpdateUser gives; null fields stay as they are. */
    public record UserChanges(
            String newUserName, String newDisplayName, String newMobilePhone, String newEmail, String newComments) {}

    private final RamStore store;
    private final RamLimits limits;

    public RamUsers(RamStore store, RamLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    public RamUserRecord create(Tx tx, String accountId, long now, NewUser u) {
        if (store.users().findByName(tx, accountId, u.userName()).isPresent()) {
            throw RamErrors.userExists();
        }
        if (store.users().count(tx, accountId) >= limits.users()) {
            throw RamErrors.limitUsers();
        }
        RamUserRecord user = new RamUserRecord(
                RamIds.userId(),
                accountId,
                u.userName(),
                u.displayName(),
                u.email(),
                u.mobilePhone(),
                u.comments(),
                now,
                now);
        store.users().insert(tx, user);
        return user;
    }

    public RamUserRecord get(Tx tx, String accountId, String userName) {
        return store.users().findByName(tx, accountId, userName).orElseThrow(RamErrors::userNotExist);
    }

    /** Creation order, stable across pages. */
    public Page<RamUserRecord> list(Tx tx, String accountId, String marker, int maxItems) {
        return Page.of(
                store.users().list(tx, accountId), u -> Page.timeKey(u.createdAt(), u.userId()), marker, maxItems);
    }

    /**
     * Changes the given fields; a rename keeps the id, memberships, attachments and keys. Renaming
     * onto another user's name (in any case) is {@code EntityAlreadyExists.User}.
     */
    public RamUserRecord update(Tx tx, String accountId, long now, String userName, UserChanges c) {
        RamUserRecord old = get(tx, accountId, userName);
        String name = old.userName();
        if (c.newUserName() != null && !c.newUserName().equals(old.userName())) {
            var other = store.users().findByName(tx, accountId, c.newUserName());
            if (other.isPresent() && !other.get().userId().equals(old.userId())) {
                throw RamErrors.userExists();
            }
            name = c.newUserName();
        }
        RamUserRecord updated = new RamUserRecord(
                old.userId(),
                accountId,
                name,
                pick(c.newDisplayName(), old.displayName()),
                pick(c.newEmail(), old.email()),
                pick(c.newMobilePhone(), old.mobilePhone()),
                pick(c.newComments(), old.comments()),
                old.createdAt(),
                now);
        store.users().update(tx, updated);
        if (!name.equals(old.userName())) {
            store.keys().renameUser(tx, accountId, old.userName(), name);
            store.epochs().bump(tx, accountId);
        }
        return updated;
    }

    /** Only a user without groups, keys and policies can go (checked in that order). */
    public void delete(Tx tx, String accountId, String userName) {
        RamUserRecord user = get(tx, accountId, userName);
        if (store.groups().countGroupsOf(tx, user.userId()) > 0) {
            throw RamErrors.deleteConflictUserGroup();
        }
        if (!store.keys().ofUser(tx, accountId, user.userName()).isEmpty()) {
            throw RamErrors.deleteConflictUserAccessKey();
        }
        if (!store.attachments()
                .ofPrincipal(tx, RamAttachmentRecord.USER, user.userId())
                .isEmpty()) {
            throw RamErrors.deleteConflictUserPolicy();
        }
        store.users().delete(tx, user.userId());
        store.epochs().bump(tx, accountId);
    }

    private static String pick(String given, String old) {
        return given != null ? given : old;
    }
}
