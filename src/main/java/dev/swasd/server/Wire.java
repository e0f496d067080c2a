package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.TagRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small shared pieces of the response shapes: times, tags, pages. */
final class Wire {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHARED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static ObjectNode object() {
        return ResponseRenderer.json().createObjectNode();
    }

    static String time(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    /** ListCustomImageShareAccounts writes its time this way, not in ISO-8601. */
    static String sharedTime(long millis) {
        return SHARED.format(Instant.ofEpochMilli(millis));
    }

    static void tags(ArrayNode target, List<TagRecord> tags) {
        for (TagRecord t : tags) {
            target.addObject().put("Key", t.key()).put("Value", t.value());
        }
    }

    /** PageNumber and PageSize after validation and defaults. */
    record Paging(int number, int size) {
        int offset() {
            long o = (long) (number - 1) * size;
            return o > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) o;
        }

        <T> List<T> slice(List<T> all) {
            int from = Math.min(all.size(), offset());
            return all.subList(from, Math.min(all.size(), from + size));
        }

        static Paging of(ValidatedParams p, int defaultSize) {
            long number = p.integer("PageNumber") == null ? 1 : p.integer("PageNumber");
            long size = p.integer("PageSize") == null ? defaultSize : p.integer("PageSize");
            return new Paging((int) Math.min(number, Integer.MAX_VALUE), (int) Math.min(size, 1000));
        }
    }

    static void page(ObjectNode out, Paging paging, long total) {
        out.put("PageNumber", paging.number()).put("PageSize", paging.size()).put("TotalCount", total);
    }
}
