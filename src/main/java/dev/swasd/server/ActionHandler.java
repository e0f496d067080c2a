package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Tx;

/**
 * Binds one action to the domain: reads the validated parameters, calls domain code inside the
 * transaction it is given and shapes the result into the response fields (RequestId is added by
 * the renderer).
 */
@FunctionalInterface
public interface ActionHandler {
    ObjectNode handle(CallContext context, ValidatedParams params, Tx tx);

    /**
     * Runs before the action's transaction begins, outside it (the request log's ListRequestLogs
     * writes this node's pending entries here, so that it reads them); nothing by default.
     */
    default void beforeTransaction() {}
}
