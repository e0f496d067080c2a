package dev.swasd.api;

import dev.swasd.store.Tx;

/**
 * What a module knows of the call besides its typed request: who calls, the request's one clock
 * reading, and the transaction every repository call of the request runs in.
 */
public final class Call {
    private final String requestId;
    private final String accountId;
    private final String userName;
    private final long now;
    private final Tx tx;
    private final String endpoint;
    private long validUntil = Long.MAX_VALUE;

    /**
     * @param userName the calling RAM user's name; null for the account's root identity
     * @param now      epoch milliseconds, one instant for the whole request
     */
    public Call(String requestId, String accountId, String userName, long now, Tx tx) {
        this(requestId, accountId, userName, now, tx, null);
    }

    /**
     * @param endpoint the endpoint as the client reached it, scheme and Host header
     *                 ({@code http://127.0.0.1:8080}); null when the call came by no HTTP request
     */
    public Call(String requestId, String accountId, String userName, long now, Tx tx, String endpoint) {
        this.requestId = requestId;
        this.accountId = accountId;
        this.userName = userName;
        this.now = now;
        this.tx = tx;
        this.endpoint = endpoint;
    }

    public String requestId() {
        return requestId;
    }

    public String accountId() {
        return accountId;
    }

    /** The calling RAM user's name, or null for the root identity. */
    public String userName() {
        return userName;
    }

    public boolean isRoot() {
        return userName == null;
    }

    public long now() {
        return now;
    }

    public Tx tx() {
        return tx;
    }

    /**
     * The endpoint as the client reached it ({@code http://} or {@code https://} and the request's
     * Host header), for URLs that lead back to this server (console sessions); null outside HTTP.
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * A {@link Reusable} read says when its answer changes by itself (a transition coming due), so
     * a kept answer is not served past it.
     */
    public void validUntil(long epochMillis) {
        validUntil = Math.min(validUntil, epochMillis);
    }

    public long validUntil() {
        return validUntil;
    }
}
