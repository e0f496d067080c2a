package dev.swasd.swas.tags;

import dev.swasd.store.TagRecord;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A List action's {@code Tag} filter: every filter tag present with its value. */
public final class TagFilters {
    private TagFilters() {}

    /** One filter tag; an absent or empty value matches any value. */
    public record Filter(String key, String value) {}

    /** The request's typed filter tags; null when the request has none. */
    public static <T> List<Filter> of(List<T> tags, Function<T, String> key, Function<T, String> value) {
        return tags == null
                ? null
                : tags.stream()
                        .map(t -> new Filter(key.apply(t), value.apply(t)))
                        .toList();
    }

    public static boolean matches(List<TagRecord> tags, List<Filter> filter) {
        if (filter == null) {
            return true;
        }
        for (Filter f : filter) {
            boolean found = tags.stream()
                    .anyMatch(t -> t.key().equals(f.key())
                            && (f.value() == null || f.value().isEmpty() || Objects.equals(t.value(), f.value())));
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
