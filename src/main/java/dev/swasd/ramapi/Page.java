package dev.swasd.ramapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a RAM list. The marker is the opaque position after the page's last item (base64url
 * of its sort key), so a page stays right when items before it are deleted meanwhile.
 *
 * @param marker null unless {@code truncated}
 */
public record Page<T>(List<T> items, boolean truncated, String marker) {
    /** A list's page size when the request leaves {@code MaxItems} out. */
    public static final int DEFAULT_MAX_ITEMS = 100;

    public Page {
        items = List.copyOf(items);
    }

    /** The page size a request asks for: its {@code MaxItems}, else {@link #DEFAULT_MAX_ITEMS}. */
    public static int maxItems(Long requested) {
        return requested == null ? DEFAULT_MAX_ITEMS : requested.intValue();
    }

    /**
     * The page of {@code all} (sorted by {@code sortKey}, ascending, keys unique) after
     * {@code marker}, at most {@code maxItems} long.
     */
    static <T> Page<T> of(List<T> all, Function<T, String> sortKey, String marker, int maxItems) {
        String after = marker == null ? null : decode(marker);
        List<T> items = new ArrayList<>();
        boolean truncated = false;
        for (T t : all) {
            if (after != null && sortKey.apply(t).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == maxItems) {
                truncated = true;
                break;
            }
            items.add(t);
        }
        String next = truncated ? encode(sortKey.apply(items.getLast())) : null;
        return new Page<>(items, truncated, next);
    }

    /** A key that sorts by time, then id: {@code 000001700000000000/u-1}. */
    static String timeKey(long millis, String id) {
        return String.format("%018d/%s", millis, id);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RamErrors.invalidParameter("Marker", "it is not a marker returned by this list.");
        }
    }
}
