package dev.swasd.server;

/**
 * Told when a request changed an account's identities (RAM users, keys, policies, attachments),
 * so that this node's caches of credentials and policy sets let the change govern its very next
 * request; other nodes follow within their refresh bounds.
 */
@FunctionalInterface
interface IdentityChanges {
    void changed(String accountId);
}
