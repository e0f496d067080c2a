package dev.swasd.store;

/** A user or group together with when it joined the other side of a membership. */
public record Joined<T>(T entity, long joinedAt) {}
