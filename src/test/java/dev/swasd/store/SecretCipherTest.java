package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    @TempDir
    Path dir;

    @Test
    void secretsAreEncryptedWithAKeyFileMadeOnce() throws Exception {
        SecretCipher first = SecretCipher.fromEnvironmentOrFile(null, dir);
        String sealed = first.encrypt("my-secret");
        assertThat(sealed).startsWith("v1:").doesNotContain("my-secret");
        assertThat(first.encrypt("my-secret")).isNotEqualTo(sealed); // fresh IV each time
        assertThat(Files.getPosixFilePermissions(dir.resolve("master.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SecretCipher reopened = SecretCipher.fromEnvironmentOrFile(null, dir);
        assertThat(reopened.decrypt(sealed)).isEqualTo("my-secret");
    }

    @Test
    void environmentKeyWinsAndAWrongKeyCannotDecrypt() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipher fromEnv = SecretCipher.fromEnvironmentOrFile(key, dir);
        assertThat(Files.exists(dir.resolve("master.key"))).isFalse();
        String sealed = fromEnv.encrypt("s");
        SecretCipher other = SecretCipher.fromEnvironmentOrFile(null, dir);
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("wrong master key");
    }
}
