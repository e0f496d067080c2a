package dev.swasd.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.store.AccessKeyRecord;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Makes sure the default account exists and has a root AccessKey: the one given on the command
 * line, else the one it already has, else a new one written once to root-credentials.json.
 */
final class Bootstrap {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What start-up should tell the operator about the root key. */
    record RootKey(String accessKeyId, String secretToPrint, boolean generated) {}

    private Bootstrap() {}

    static RootKey ensureRoot(IdentityRepository identities, SecretCipher cipher, ServerConfig config, long nowMillis)
            throws IOException {
        identities.ensureAccount(config.accountId(), nowMillis);
        if (config.rootKeyId() != null) {
            var existing = identities.findKey(config.rootKeyId());
            boolean same = existing.isPresent()
                    && existing.get().active()
                    && config.accountId().equals(existing.get().accountId())
                    && existing.get().userName() == null
                    && config.rootKeySecret()
                            .equals(cipher.decrypt(existing.get().secretCipher()));
            if (!same) {
                identities.putKey(new AccessKeyRecord(
                        config.rootKeyId(),
                        config.accountId(),
                        null,
                        cipher.encrypt(config.rootKeySecret()),
                        AccessKeyRecord.ACTIVE,
                        null,
                        null,
                        nowMillis));
            }
            return new RootKey(config.rootKeyId(), null, false);
        }
        var keys = identities.rootKeys(config.accountId());
        if (!keys.isEmpty()) {
            return new RootKey(keys.getFirst().accessKeyId(), null, false);
        }
        String id = "LTAI" + random(20);
        String secret = random(30);
        identities.putKey(new AccessKeyRecord(
                id, config.accountId(), null, cipher.encrypt(secret), AccessKeyRecord.ACTIVE, null, null, nowMillis));
        writeCredentialsFile(config.dataDir().resolve("root-credentials.json"), config.accountId(), id, secret);
        return new RootKey(id, secret, true);
    }

    private static void writeCredentialsFile(Path file, String accountId, String id, String secret) throws IOException {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("AccountId", accountId);
        json.put("AccessKeyId", id);
        json.put("AccessKeySecret", secret);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, json.toPrettyString() + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }
}
