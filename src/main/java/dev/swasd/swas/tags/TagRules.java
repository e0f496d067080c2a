package dev.swasd.swas.tags;

import dev.swasd.swas.SwasErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tag key and value rules of the service (spec/swas-images.md 7.3 and 7.23). */
public final class TagRules {
    public static final int MAX_TAGS_PER_RESOURCE = 20;

    private TagRules() {}

    /** Checks tags to attach: key present, ≤ 64, no reserved prefix, no URL; value ≤ 64, no URL. */
    public static void checkForAttach(List<Map<String, String>> tags) {
        for (int i = 0; i < tags.size(); i++) {
            String key = tags.get(i).get("Key");
            String value = tags.get(i).getOrDefault("Value", "");
            String n = "Tag." + (i + 1);
            if (key == null || key.isEmpty()) {
                throw SwasErrors.invalidParam(n + ".Key", "a tag needs a key.");
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("aliyun") || lower.startsWith("acs:")) {
                throw SwasErrors.invalidParam(n + ".Key", "it must not start with aliyun or acs:.");
            }
            if (hasUrl(key)) {
                throw SwasErrors.invalidParam(n + ".Key", "it must not contain http:// or https://.");
            }
            if (hasUrl(value)) {
                throw SwasErrors.invalidParam(n + ".Value", "it must not contain http:// or https://.");
            }
        }
        long distinct = tags.stream().map(t -> t.get("Key")).distinct().count();
        if (distinct != tags.size()) {
            throw SwasErrors.invalidParam("Tag", "a key may appear only once.");
        }
    }

    private static boolean hasUrl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.contains("http://") || lower.contains("https://");
    }
}
