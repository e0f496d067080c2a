package dev.swasd.ramapi;

import java.util.List;
import java.util.Optional;

/** The system policies the server knows (read-only, the same in every account). */
public interface SystemPolicyDirectory {
    /** A system policy and its one version {@code v1}. */
    record SystemPolicyInfo(String name, String description, String document) {}

    /** By exact name: system policy names are case-sensitive. */
    Optional<SystemPolicyInfo> find(String name);

    /** All of them, in a stable order. */
    List<SystemPolicyInfo> all();
}
