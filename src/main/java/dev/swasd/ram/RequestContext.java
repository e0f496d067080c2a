package dev.swasd.ram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition keys of one request and their values ({@code acs:SourceIp} → {@code ["192.0.2.1"]}).
 * Keys compare case-insensitively (ram.md section 5); a key given twice in different case keeps
 * both values. A key with no values counts as absent.
 */
public final class RequestContext {
    public static final RequestContext EMPTY = new RequestContext(Map.of());

    private final Map<String, List<String>> valuesByFoldedKey;

    private RequestContext(Map<String, List<String>> valuesByFoldedKey) {
        this.valuesByFoldedKey = valuesByFoldedKey;
    }

    public static RequestContext of(Map<String, ? extends List<String>> values) {
        Builder b = builder();
        values.forEach((k, v) -> v.forEach(item -> b.add(k, item)));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values of {@code key}, in the order given; empty when the key is absent. */
    public List<String> values(String key) {
        return valuesByFoldedKey.getOrDefault(Glob.fold(key), List.of());
    }

    /** Every key (folded to lower case) with its values. */
    public Map<String, List<String>> asMap() {
        return valuesByFoldedKey;
    }

    @Override
    public String toString() {
        return valuesByFoldedKey.toString();
    }

    /** Collects values; {@link #add} with a key already present makes it multi-valued. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        public Builder add(String key, String value) {
            if (key == null || key.isEmpty() || value == null) {
                throw new IllegalArgumentException("a condition key needs a name and a value");
            }
            values.computeIfAbsent(Glob.fold(key), k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder addAll(String key, List<String> items) {
            items.forEach(v -> add(key, v));
            return this;
        }

        public RequestContext build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new RequestContext(Collections.unmodifiableMap(copy));
        }
    }
}
