package dev.swasd.server;

import dev.swasd.api.Call;
import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;
import dev.swasd.store.Tx;

/**
 * What a handler knows of the call besides its parameters.
 *
 * @param now           the request's clock reading, epoch milliseconds: one instant for the whole request
 * @param receivedNanos System.nanoTime when the pipeline took the request: whatever committed
 *                      before then, the request must see (ReadCache)
 */
public record CallContext(
        String requestId,
        Principal principal,
        OperationDef operation,
        ApiRequest request,
        long now,
        long receivedNanos) {
    public String accountId() {
        return principal.accountId();
    }

    /** What a resource module is told of the call, inside the transaction it runs in. */
    public Call call(Tx tx) {
        return new Call(
                requestId,
                principal.accountId(),
                principal.isRoot() ? null : principal.userName(),
                now,
                tx,
                request == null ? null : (request.secureTransport() ? "https://" : "http://") + request.host());
    }
}
