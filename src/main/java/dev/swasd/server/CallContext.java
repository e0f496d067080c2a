package dev.swasd.server;

import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;
import dev.swasd.swas.Caller;

/**
 * What a handler knows of the call besides its parameters.
 *
 * @param now the request's clock reading, epoch milliseconds: one instant for the whole request
 */
public record CallContext(String requestId, Principal principal, OperationDef operation, ApiRequest request, long now) {
    public String accountId() {
        return principal.accountId();
    }

    public Caller caller(String regionId) {
        return new Caller(principal.accountId(), regionId);
    }
}
