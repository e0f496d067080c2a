package dev.swasd.swas.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.swas.SwasErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An {@code InstanceIds} parameter the SDK sends as JSON text (Cloud Assistant actions): a JSON array of at
 * most 100 (or fewer, per action) non-empty ids, each at most 64 characters, duplicates dropped; anything else is 400
 * {@code InvalidParameter}.
 */
final class InstanceIdList {
    static final int MAX = 100;
    static final int ID_MAX = 64;

    private InstanceIdList() {}

    /** The ids given, or null when the parameter was not sent. */
    static List<String> of(JsonNode node) {
        return of(node, MAX);
    }

    /** The ids given, at most {@code max}, or null when the parameter was not sent. */
    static List<String> of(JsonNode node, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw SwasErrors.invalidParam("InstanceIds", "it must be a JSON array of server ids.");
        }
        if (node.size() > max) {
            throw SwasErrors.invalidParam("InstanceIds", "it may name at most " + max + " servers.");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > ID_MAX) {
                throw SwasErrors.invalidParam(
                        "InstanceIds", "every item must be a server id of 1 to " + ID_MAX + " characters.");
            }
            ids.add(item.asText());
        }
        return new ArrayList<>(ids);
    }
}
