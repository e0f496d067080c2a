package dev.swasd.swas;

import dev.swasd.store.TagRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Values as the service writes them in responses: times, and tags as each response's own records. */
public final class Shapes {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHARED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S").withZone(ZoneOffset.UTC);

    private Shapes() {}

    /** ISO-8601 UTC to the second, as every swas-open and RAM time field. */
    public static String time(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    /** ListCustomImageShareAccounts writes its time this way, not in ISO-8601. */
    public static String sharedTime(long millis) {
        return SHARED.format(Instant.ofEpochMilli(millis));
    }

    /** Tags as a response's own tag records ({@code Key}, {@code Value}). */
    public static <T> List<T> tags(List<TagRecord> tags, BiFunction<String, String, T> tag) {
        return tags.stream().map(t -> tag.apply(t.key(), t.value())).toList();
    }

    /**
     * A request's typed tags as the maps the tag rules check ({@code Key}, {@code Value}; an absent
     * value stays absent); an absent list is empty.
     */
    public static <T> List<Map<String, String>> tagMaps(
            List<T> tags, Function<T, String> key, Function<T, String> value) {
        if (tags == null) {
            return List.of();
        }
        List<Map<String, String>> out = new ArrayList<>(tags.size());
        for (T t : tags) {
            Map<String, String> m = new HashMap<>();
            if (key.apply(t) != null) {
                m.put("Key", key.apply(t));
            }
            if (value.apply(t) != null) {
                m.put("Value", value.apply(t));
            }
            out.add(m);
        }
        return out;
    }

    /** Tags by the resource they are on. */
    public static Map<String, List<TagRecord>> byResource(List<TagRecord> tags) {
        Map<String, List<TagRecord>> out = new HashMap<>();
        tags.forEach(
                t -> out.computeIfAbsent(t.resourceId(), k -> new ArrayList<>()).add(t));
        return out;
    }

    /**
     * A disk's type as ListDisks and ListInstances write it: {@code System} or {@code Data}
     * (docs/decisions.md: the Terraform provider's validator and acceptance tests, and the SDK's
     * example; rows keep the lower-case type).
     */
    public static String diskType(String stored) {
        return stored.isEmpty() ? stored : Character.toUpperCase(stored.charAt(0)) + stored.substring(1);
    }

    /**
     * A snapshot's status as ListSnapshots writes it: lower case ({@code progressing},
     * {@code accomplished}), as the Terraform provider's snapshot resource waits for it
     * (docs/decisions.md); rows keep the SDK enum's spelling.
     */
    public static String snapshotStatus(String stored) {
        return stored.toLowerCase(Locale.ROOT);
    }

    /** An absent optional text, written as the service writes it: empty. */
    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
