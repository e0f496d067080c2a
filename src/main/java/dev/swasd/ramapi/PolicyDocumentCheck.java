package dev.swasd.ramapi;

import dev.swasd.errors.ApiException;

/**
 * Checks a policy document as RAM does when a policy or version is created; the server plugs in
 * the RAM engine's parser, so the domain stays free of the policy language.
 */
@FunctionalInterface
public interface PolicyDocumentCheck {
    /**
     * @throws ApiException {@code MalformedPolicyDocument} naming what is wrong, or
     *                      {@code InvalidParameter.PolicyDocument.Length}
     */
    void check(String document);
}
