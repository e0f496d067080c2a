package dev.swasd.swas;

/** Who acts, and where: every domain operation is scoped by account and region. */
public record Caller(String accountId, String regionId) {}
