package dev.swasd.server;

import dev.swasd.store.Database;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags of the resources a request names, for {@code acs:ResourceTag/<key>}: looked up in the
 * {@code tags} table by the ARN's {@code <type>/<id>} (customimage, instance, snapshot, disk).
 * An ARN with a wildcard id, {@code *}, a type without tags, or a resource of another account has
 * no tags. One query per resource type named, and only for users whose policies read such a key.
 */
final class ResourceTags {
    private final Database db;
    private final TagRepository tags = new TagRepository();

    ResourceTags(Database db) {
        this.db = db;
    }

    /** Tag key → value of each ARN that has tags. */
    Map<String, Map<String, String>> of(String accountId, List<String> arns) {
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        Map<String, String> arnOf = new HashMap<>();
        for (String arn : arns) {
            String[] parts = arn.split(":", 5);
            if (parts.length < 5) {
                continue;
            }
            String relative = parts[4];
            int slash = relative.indexOf('/');
            if (slash <= 0 || relative.indexOf('*') >= 0 || relative.indexOf('?') >= 0) {
                continue;
            }
            String type = relative.substring(0, slash);
            String id = relative.substring(slash + 1);
            idsByType.computeIfAbsent(type, t -> new ArrayList<>()).add(id);
            arnOf.put(type + "/" + id, arn);
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        if (idsByType.isEmpty()) {
            return out;
        }
        db.read(tx -> {
            idsByType.forEach((type, ids) -> {
                for (TagRecord t : tags.tagsOf(tx, type, ids)) {
                    if (t.accountId().equals(accountId)) {
                        out.computeIfAbsent(arnOf.get(type + "/" + t.resourceId()), a -> new LinkedHashMap<>())
                                .put(t.key(), t.value());
                    }
                }
            });
            return null;
        });
        return out;
    }
}
