package dev.swasd.embedded;

import java.time.Instant;

/**
 * Temporary credentials as STS issues them (an AccessKey with a SecurityToken), made through the
 * control API: swasd has no STS API, and they are what the official clients send with
 * {@code securityToken}.
 *
 * @param userName null for the account's root identity
 */
public record StsCredentials(
        String accountId,
        String userName,
        String accessKeyId,
        String accessKeySecret,
        String securityToken,
        Instant expiration) {}
