package dev.swasd.ramapi;

/**
 * Checks a policy document as RAM does when a policy or version is created; the server plugs in
 * the RAM engine's parser, so the domain stays free of the policy language.
 */
@FunctionalInterface
public interface PolicyDocumentCheck {
    /**
     * @throws RamException {@code MalformedPolicyDocument} naming what is wrong, or
     *                      {@code InvalidParameter.PolicyDocument.Length}
     */
    void check(String document);
}
