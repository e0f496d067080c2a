package dev.swasd.embedded;

/** An account made through the control API, with its root AccessKey (e.g. the other side of a sharing test). */
public record SeededAccount(String accountId, String accessKeyId, String accessKeySecret) {}
