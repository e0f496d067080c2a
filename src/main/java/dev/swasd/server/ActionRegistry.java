package dev.swasd.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The handlers of the implemented actions, by product code and action name. */
public final class ActionRegistry {
    private final Map<String, ActionHandler> handlers = new HashMap<>();

    public ActionRegistry add(String product, String action, ActionHandler handler) {
        if (handlers.putIfAbsent(product + "/" + action, handler) != null) {
            throw new IllegalStateException("two handlers for " + product + " " + action);
        }
        return this;
    }

    public Optional<ActionHandler> find(String product, String action) {
        return Optional.ofNullable(handlers.get(product + "/" + action));
    }

    public boolean has(String product, String action) {
        return handlers.containsKey(product + "/" + action);
    }
}
