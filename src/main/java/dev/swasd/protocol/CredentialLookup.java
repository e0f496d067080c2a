package dev.swasd.protocol;

import java.util.Optional;

/** Finds the credential behind an AccessKeyId; implemented over the store by the server. */
@FunctionalInterface
public interface CredentialLookup {
    Optional<Credential> find(String accessKeyId);
}
