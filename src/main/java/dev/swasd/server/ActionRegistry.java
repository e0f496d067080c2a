package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Tx;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The handlers of the implemented actions, by product code and action name. */
public final class ActionRegistry {
    private final Map<String, ActionHandler> handlers = new HashMap<>();
    private final Map<String, ReusableRead> reusable = new HashMap<>();
    private final Map<String, ParameterRules> rules = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();

    /**
     * A product's own checks on validated parameters, beyond the catalog's types and limits, with
     * the product's own error codes. They run in the validate stage, before authorization.
     */
    @FunctionalInterface
    public interface ParameterRules {
        void check(OperationDef op, ValidatedParams params);
    }

    public ActionRegistry addRules(String product, ParameterRules productRules) {
        if (rules.putIfAbsent(product, productRules) != null) {
            throw new IllegalStateException("two parameter rules for " + product);
        }
        return this;
    }

    /** Runs the product's rules, if it has any. */
    public void checkParameters(OperationDef op, ValidatedParams params) {
        ParameterRules r = rules.get(op.product());
        if (r != null) {
            r.check(op, params);
        }
    }

    public ActionRegistry add(String product, String action, ActionHandler handler) {
        if (handlers.putIfAbsent(product + "/" + action, handler) != null) {
            throw new IllegalStateException("two handlers for " + product + " " + action);
        }
        return this;
    }

    /**
     * A read whose result may be answered again, while the database has not changed, without
     * running it (ReadCache); it is also an ordinary handler, for where results are not kept.
     */
    public ActionRegistry addReusable(String product, String action, ReusableRead read) {
        add(product, action, (ctx, p, tx) -> read.read(ctx, p, tx).body());
        reusable.put(product + "/" + action, read);
        return this;
    }

    /**
     * Makes {@code before} run ahead of the action's transaction each time the action runs (see
     * {@link ActionHandler#beforeTransaction}); the action must have a handler and not be reusable.
     */
    public ActionRegistry before(String product, String action, Runnable before) {
        String key = product + "/" + action;
        ActionHandler handler = handlers.get(key);
        if (handler == null || reusable.containsKey(key)) {
            throw new IllegalStateException("no plain handler for " + product + " " + action);
        }
        handlers.put(key, new ActionHandler() {
            @Override
            public ObjectNode handle(CallContext context, ValidatedParams params, Tx tx) {
                return handler.handle(context, params, tx);
            }

            @Override
            public void beforeTransaction() {
                handler.beforeTransaction();
                before.run();
            }
        });
        return this;
    }

    /** The action's reusable form, when it has one. */
    public Optional<ReusableRead> reusable(String product, String action) {
        return Optional.ofNullable(reusable.get(product + "/" + action));
    }

    public Optional<ActionHandler> find(String product, String action) {
        return Optional.ofNullable(handlers.get(product + "/" + action));
    }

    /** Notes which module implements an action, for the coverage report. */
    void owner(String product, String action, String module) {
        owners.put(product + "/" + action, module);
    }

    /** The module that implements the action, if one was noted. */
    public Optional<String> owner(String product, String action) {
        return Optional.ofNullable(owners.get(product + "/" + action));
    }

    /** The actions of {@code product} that have a handler, in name order. */
    public SortedSet<String> implemented(String product) {
        SortedSet<String> out = new TreeSet<>();
        String prefix = product + "/";
        handlers.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .forEach(k -> out.add(k.substring(prefix.length())));
        return out;
    }
}
