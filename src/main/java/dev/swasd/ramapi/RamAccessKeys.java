package dev.swasd.ramapi;

import dev.swasd.store.AccessKeyRecord;
import dev.swasd.store.RamUserRecord;
import dev.swasd.store.SecretCipher;
import dev.swasd.store.Tx;
import java.util.List;

/**
 * AccessKeys of RAM users: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey
 * (ram-api.md 2.2). The secret is stored encrypted and handed out once, by {@link #create}.
 */
public final class RamAccessKeys {
    /** A new key with its secret in clear text: the only time anyone sees it. */
    public record CreatedKey(AccessKeyRecord key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key.accessKeyId() + "]"; // never the secret
        }
    }

    private final RamStore store;
    private final RamLimits limits;
    private final SecretCipher cipher;

    public RamAccessKeys(RamStore store, RamLimits limits, SecretCipher cipher) {
        this.store = store;
        this.limits = limits;
        this.cipher = cipher;
    }

    /**
     * The user a key action is about: {@code UserName} when given, else the calling RAM user.
     * The root identity must name the user (swasd mints no root keys through the API).
     *
     * @param callerUserName null for the root identity
     */
    public static String targetUser(String userName, String callerUserName) {
        if (userName != null) {
            return userName;
        }
        if (callerUserName == null) {
            throw RamErrors.missingParameter("UserName");
        }
        return callerUserName;
    }

    public CreatedKey create(Tx tx, String accountId, long now, String userName) {
        RamUserRecord user = user(tx, accountId, userName);
        if (store.keys().ofUser(tx, accountId, user.userName()).size() >= limits.accessKeysPerUser()) {
            throw RamErrors.limitUserAccessKeys();
        }
        String secret = RamIds.accessKeySecret();
        AccessKeyRecord key = new AccessKeyRecord(
                RamIds.accessKeyId(),
                accountId,
                user.userName(),
                cipher.encrypt(secret),
                AccessKeyRecord.ACTIVE,
                null,
                null,
                now);
        store.keys().insert(tx, key);
        return new CreatedKey(key, secret);
    }

    public List<AccessKeyRecord> list(Tx tx, String accountId, String userName) {
        RamUserRecord user = user(tx, accountId, userName);
        return store.keys().ofUser(tx, accountId, user.userName());
    }

    /** Setting the status a key already has succeeds. An Inactive key fails authentication at once. */
    public void update(Tx tx, String accountId, String userName, String accessKeyId, String status) {
        AccessKeyRecord key = keyOf(tx, accountId, userName, accessKeyId);
        store.keys().setStatus(tx, key.accessKeyId(), status);
    }

    public void delete(Tx tx, String accountId, String userName, String accessKeyId) {
        AccessKeyRecord key = keyOf(tx, accountId, userName, accessKeyId);
        store.keys().delete(tx, key.accessKeyId());
    }

    private RamUserRecord user(Tx tx, String accountId, String userName) {
        return store.users().findByName(tx, accountId, userName).orElseThrow(RamErrors::userNotExist);
    }

    /** A key of another user (or a root key) is as unknown as a key that does not exist. */
    private AccessKeyRecord keyOf(Tx tx, String accountId, String userName, String accessKeyId) {
        RamUserRecord user = user(tx, accountId, userName);
        return store.keys()
                .find(tx, accessKeyId)
                .filter(k -> k.accountId().equals(accountId) && user.userName().equals(k.userName()))
                .orElseThrow(RamErrors::userAccessKeyNotExist);
    }
}
