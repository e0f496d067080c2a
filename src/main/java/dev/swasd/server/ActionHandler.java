package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ValidatedParams;

/**
 * Binds one action to the domain: reads the validated parameters, calls domain code and shapes
 * its result into the response fields (RequestId is added by the renderer).
 */
@FunctionalInterface
public interface ActionHandler {
    ObjectNode handle(CallContext context, ValidatedParams params);
}
