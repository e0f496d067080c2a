package dev.swasd.server;

import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;
import dev.swasd.swas.Caller;

/**
 * What a handler knows of the call besides its parameters.
 *
 * @param now           the request's clock reading, epoch milliseconds: one instant for the whole request
 * @param receivedNanos System.nanoTime when the pipeline took the request: whatever committed
 *                      before then, the request must see (ReadCache)
 */
public record CallContext(String requestId, Principal principal, OperationDef operation, ApiRequest request, long now,
        long receivedNanos) {
    public String accountId() {
        return principal.accountId();
    }

    public Caller caller(String regionId) {
        return new Caller(principal.accountId(), regionId);
    }
}
