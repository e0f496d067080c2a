package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Tx;

/**
 * A read action whose result depends on nothing but the database, the caller's account, the
 * parameters and the clock, and says until when the clock leaves it alone: ReadCache may then
 * answer it again without running it, for as long as the database has not changed.
 */
@FunctionalInterface
public interface ReusableRead {
    Result read(CallContext context, ValidatedParams params, Tx tx);

    /**
     * @param body       the response fields, as an ActionHandler returns them
     * @param validUntil epoch milliseconds at which the result may change without a write (a
     *                   transition coming due); Long.MAX_VALUE for never
     */
    record Result(ObjectNode body, long validUntil) {}
}
