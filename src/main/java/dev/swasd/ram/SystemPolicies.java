package dev.swasd.ram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system policies swasd knows, read from {@code /ram/system-policies/<name>.json}. Alibaba's
 * own SWAS documents were not retrieved; they are seeded as ram.md section 8 says (inferred):
 * FullAccess = every swas-open action, ReadOnly = {@code swas-open:List*} and {@code Describe*}.
 */
public final class SystemPolicies {
    public static final String ADMINISTRATOR_ACCESS = "AdministratorAccess";
    public static final String SWAS_FULL_ACCESS = "AliyunSWASFullAccess";
    public static final String SWAS_READ_ONLY_ACCESS = "AliyunSWASReadOnlyAccess";

    private static final Map<String, SystemPolicy> BY_NAME = load(Map.of(
            ADMINISTRATOR_ACCESS, "Full access to every Alibaba Cloud service and resource.",
            SWAS_FULL_ACCESS, "Full access to Simple Application Server (swas-open).",
            SWAS_READ_ONLY_ACCESS,
                    "Read-only access to Simple Application Server (swas-open): List* and Describe* actions."));

    private SystemPolicies() {}

    /** The system policy called {@code name} (exact name, as RAM's policy names are). */
    public static Optional<SystemPolicy> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<SystemPolicy> all() {
        return List.copyOf(BY_NAME.values());
    }

    private static Map<String, SystemPolicy> load(Map<String, String> descriptions) {
        Map<String, SystemPolicy> out = new LinkedHashMap<>();
        for (String name : List.of(ADMINISTRATOR_ACCESS, SWAS_FULL_ACCESS, SWAS_READ_ONLY_ACCESS)) {
            String resource = "/ram/system-policies/" + name + ".json";
            try (InputStream in = SystemPolicies.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("system policy resource missing: " + resource);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.put(name, new SystemPolicy(name, descriptions.get(name), text, PolicyParser.parse(text)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
