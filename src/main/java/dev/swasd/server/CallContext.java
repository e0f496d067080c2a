package dev.swasd.server;

import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;

/** What a handler knows of the call besides its parameters. */
public record CallContext(String requestId, Principal principal, OperationDef operation, ApiRequest request) {
    public String accountId() {
        return principal.accountId();
    }
}
