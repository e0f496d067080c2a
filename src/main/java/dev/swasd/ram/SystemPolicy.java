package dev.swasd.ram;

/**
 * A policy Alibaba Cloud defines (PolicyType {@code System}): attachable, never editable.
 *
 * @param documentText the document as published by swasd, for GetPolicy/GetPolicyVersion
 */
public record SystemPolicy(String name, String description, String documentText, PolicyDocument document) {

    public NamedPolicy asNamedPolicy() {
        return new NamedPolicy(name, document);
    }
}
