package dev.swasd.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An operation's parameters after the validate stage: present ones only, each already of its
 * catalog type, defaults applied. Handlers read typed values and never see wire text.
 */
public final class ValidatedParams {
    private final Map<String, Object> values;

    public ValidatedParams(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    public Long integer(String name) {
        return (Long) values.get(name);
    }

    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Long> integers(String name) {
        return (List<Long>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, String>> objects(String name) {
        return (List<Map<String, String>>) values.get(name);
    }

    /** An object list with each item made typed; null when the parameter is absent. */
    public <T> List<T> objects(String name, Function<Map<String, String>, T> item) {
        List<Map<String, String>> items = objects(name);
        return items == null ? null : items.stream().map(item).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> object(String name) {
        return (Map<String, String>) values.get(name);
    }

    public JsonNode json(String name) {
        return (JsonNode) values.get(name);
    }

    /** Every value, for idempotency fingerprints. */
    public Map<String, Object> asMap() {
        return values;
    }
}
