package dev.swasd.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.protocol.ResponseTemplate;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Database;
import dev.swasd.store.IdempotencyRepository;
import dev.swasd.store.TransientConflict;
import dev.swasd.store.Tx;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.SwasErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The idempotency and execute stages: reads run on a plain connection; writes run in one
 * transaction together with their ClientToken record, so a replay returns the first outcome and
 * nothing is ever half-applied. A write that lost a race is retried from the start.
 */
final class ActionExecutor {
    /** How long a ClientToken's outcome is kept per account. */
    static final Duration TOKEN_WINDOW = Duration.ofHours(24);
    /**
     * Writes of one account take turns (Database.write(key, ...)), so what is left to retry are
     * rarer conflicts: between accounts (sharing) and with the state scheduler.
     */
    private static final int ATTEMPTS = 12;
    /** The longest single pause between attempts. */
    private static final int MAX_PAUSE_MILLIS = 200;

    private final Database db;
    private final IdempotencyRepository tokens = new IdempotencyRepository();
    /** Null where the database cannot tell a reader cheaply that nothing changed (PostgreSQL). */
    private final ReadCache reads;

    ActionExecutor(Database db) {
        this.db = db;
        this.reads = ReadCache.over(db);
    }

    /** Whether reusable reads are answered from kept results (see ReadCache). */
    boolean keepsReads() {
        return reads != null;
    }

    /** A reusable read, answered from its kept result while that is still the database's. */
    ResponseTemplate reuse(CallContext ctx, ValidatedParams params, ReusableRead read) {
        return reads.answer(ctx, params, read);
    }

    static boolean isRead(OperationDef op) {
        return op.readOnly();
    }

    ObjectNode execute(CallContext ctx, ValidatedParams params, ActionHandler handler) {
        OperationDef op = ctx.operation();
        handler.beforeTransaction();
        if (isRead(op)) {
            return db.read(tx -> handler.handle(ctx, params, tx));
        }
        String token = params.string("ClientToken");
        for (int attempt = 1; ; attempt++) {
            try {
                // one writer per account at a time (PostgreSQL): see Database.write(key, work)
                return db.write(
                        ctx.accountId(),
                        tx -> token == null
                                ? handler.handle(ctx, params, tx)
                                : idempotent(tx, ctx, params, handler, token));
            } catch (ConcurrentChange | TransientConflict e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * A random pause that doubles with each attempt (about 4, 8, 16 ... ms, at most 200), so racing
     * writers spread out instead of colliding again; all attempts together wait 1.3 s at worst.
     */
    private static void backOff(int attempt) {
        int ceiling = Math.min(MAX_PAUSE_MILLIS, 2 << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode idempotent(Tx tx, CallContext ctx, ValidatedParams params, ActionHandler handler, String token) {
        long notBefore = ctx.now() - TOKEN_WINDOW.toMillis();
        String fingerprint = fingerprint(ctx.operation(), params);
        var previous = tokens.find(tx, ctx.accountId(), token, notBefore);
        if (previous.isPresent()) {
            if (!previous.get().fingerprint().equals(fingerprint)) {
                throw SwasErrors.idempotentMismatch();
            }
            try {
                return (ObjectNode)
                        ResponseRenderer.json().readTree(previous.get().response());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored response is not JSON", e);
            }
        }
        ObjectNode body = handler.handle(ctx, params, tx);
        tokens.save(
                tx,
                ctx.accountId(),
                token,
                new IdempotencyRepository.Outcome(ctx.operation().action(), fingerprint, body.toString()),
                ctx.now(),
                notBefore);
        return body;
    }

    /** Action, region and every parameter but the token itself, in a stable order. */
    static String fingerprint(OperationDef op, ValidatedParams params) {
        Map<String, Object> sorted = new TreeMap<>(params.asMap());
        sorted.remove("ClientToken");
        String text = op.product() + "/" + op.action() + "/" + sorted;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
