package dev.swasd.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.protocol.ResponseTemplate;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Database;
import java.util.Map;

/**
 * Answers reusable reads (ListCustomImages: clients poll it while images are being made) from
 * their last rendered result while the database has not changed, instead of querying and
 * rendering again. Every answer is still the database's as of the request: the cache asks
 * {@link Database#changeVersion} for the number that counts every commit finished before the
 * request arrived, and a result is reused only if it was read under the same number (nothing
 * committed since, by this node or any other) and the clock has not reached the moment the
 * result changes by itself. Authorization
 * has run before, per request, as always; what is kept is per account, action, parameters and
 * format, so two callers share a result only where the service would show them the same.
 *
 * <p>Only where the database tracks changes cheaply (SQLite); elsewhere every read runs.
 */
final class ReadCache {
    /** Rendered bytes kept at most; the least recently used results go first. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private record Key(String accountId, String product, String action, boolean xml, Map<String, Object> params) {}

    private record Kept(long version, long validUntil, ResponseTemplate template) {}

    private final Database db;
    private final Cache<Key, Kept> kept;

    private ReadCache(Database db, Cache<Key, Kept> kept) {
        this.db = db;
        this.kept = kept;
    }

    /** A cache over {@code db}, or null when the database cannot tell a reader that nothing changed. */
    static ReadCache over(Database db) {
        // -Dswasd.readCache=off measures every read running (docs/performance.md); not an operator's setting
        if (!db.tracksChanges() || "off".equals(System.getProperty("swasd.readCache"))) {
            return null;
        }
        return new ReadCache(
                db,
                Caffeine.newBuilder()
                        .maximumWeight(MAX_BYTES)
                        .weigher((Key k, Kept v) -> v.template().size() + 256)
                        .build());
    }

    /** The read's response for this request: reused when still the database's, else read, rendered and kept. */
    ResponseTemplate answer(CallContext ctx, ValidatedParams params, ReusableRead read) {
        Key key = new Key(
                ctx.accountId(),
                ctx.operation().product(),
                ctx.operation().action(),
                ctx.request().xml(),
                params.asMap());
        // every commit finished before the request arrived is in this number; a later one moves it again
        long version = db.changeVersion(ctx.receivedNanos());
        Kept k = kept.getIfPresent(key);
        if (k != null && k.version() == version && ctx.now() < k.validUntil()) {
            return k.template();
        }
        ReusableRead.Result result = db.read(tx -> read.read(ctx, params, tx));
        ResponseTemplate template = ResponseRenderer.template(
                ctx.operation().action(), result.body(), ctx.request().xml());
        // kept under the number taken before the read: if anything committed meanwhile, it is never reused
        kept.put(key, new Kept(version, result.validUntil(), template));
        return template;
    }
}
