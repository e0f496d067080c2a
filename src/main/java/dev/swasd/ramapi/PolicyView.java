package dev.swasd.ramapi;

import java.util.List;

/**
 * A policy as the RAM API shows it, system or custom.
 *
 * @param type           {@code System} or {@code Custom}
 * @param defaultVersion {@code v1}, {@code v2}, …
 */
public record PolicyView(
        String name,
        String type,
        String description,
        String defaultVersion,
        long createdAt,
        long updatedAt,
        long attachmentCount,
        List<Tag> tags) {

    public PolicyView {
        tags = List.copyOf(tags);
    }

    /** A tag of a custom policy ({@code CreatePolicy Tag}). */
    public record Tag(String key, String value) {}
}
