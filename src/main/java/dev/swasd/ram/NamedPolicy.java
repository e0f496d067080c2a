package dev.swasd.ram;

/**
 * A policy in force for the caller, with the name used to report it: a policy name such as
 * {@code AliyunSWASReadOnlyAccess}, or, in the simulator, the file it came from.
 */
public record NamedPolicy(String name, PolicyDocument document) {
    public NamedPolicy {
        if (name == null || document == null) {
            throw new IllegalArgumentException("a policy needs a name and a document");
        }
    }
}
