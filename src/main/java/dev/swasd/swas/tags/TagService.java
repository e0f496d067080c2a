package dev.swasd.swas.tags;

import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Regions;
import dev.swasd.swas.ResourceTypes;
import dev.swasd.swas.SwasErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TagResources, UntagResources and ListTagResources over every resource type the modules declare. */
public final class TagService {
    public static final int PAGE_SIZE = 50;

    private final Regions regions;
    private final ResourceTypes types;
    private final TagRepository tags;

    public TagService(Regions regions, ResourceTypes types, TagRepository tags) {
        this.regions = regions;
        this.types = types;
        this.tags = tags;
    }

    public void tag(Tx tx, Caller caller, String type, List<String> resourceIds, List<Map<String, String>> tagList) {
        TagRules.checkForAttach(tagList);
        Set<String> ids = new LinkedHashSet<>(resourceIds);
        for (String id : ids) {
            requireResource(tx, caller, type, id);
        }
        for (String id : ids) {
            Set<String> keys = new LinkedHashSet<>();
            tags.tagsOf(tx, type, id).forEach(t -> keys.add(t.key()));
            tagList.forEach(t -> keys.add(t.get("Key")));
            if (keys.size() > TagRules.MAX_TAGS_PER_RESOURCE) {
                throw SwasErrors.quotaExceeded(
                        "Tag",
                        "A resource may carry at most " + TagRules.MAX_TAGS_PER_RESOURCE + " tags; " + id
                                + " would have " + keys.size() + ".");
            }
            for (Map<String, String> t : tagList) {
                tags.put(tx, new TagRecord(caller.accountId(), type, id, t.get("Key"), t.getOrDefault("Value", "")));
            }
        }
    }

    /** Removes the given keys, or every tag when {@code all} and no key is given. */
    public void untag(Tx tx, Caller caller, String type, List<String> resourceIds, List<String> keys, boolean all) {
        Set<String> ids = new LinkedHashSet<>(resourceIds);
        for (String id : ids) {
            requireResource(tx, caller, type, id);
        }
        for (String id : ids) {
            if (keys != null && !keys.isEmpty()) {
                keys.forEach(k -> tags.remove(tx, type, id, k));
            } else if (all) {
                tags.removeAll(tx, type, id);
            }
        }
    }

    public record TagPage(List<TagRecord> tags, String nextToken) {}

    public TagPage list(
            Tx tx,
            Caller caller,
            String type,
            List<String> resourceIds,
            List<Map<String, String>> filter,
            String nextToken) {
        regions.require(caller.regionId());
        int offset = 0;
        if (nextToken != null) {
            try {
                offset = Integer.parseInt(nextToken);
            } catch (NumberFormatException e) {
                throw SwasErrors.invalidParam("NextToken", "use the NextToken of the previous response.");
            }
            if (offset < 0) {
                throw SwasErrors.invalidParam("NextToken", "use the NextToken of the previous response.");
            }
        }
        List<TagRecord> candidates = resourceIds == null || resourceIds.isEmpty()
                ? tags.ofAccount(tx, caller.accountId(), type)
                : tags.tagsOf(tx, type, resourceIds).stream()
                        .filter(t -> t.accountId().equals(caller.accountId()))
                        .toList();
        List<TagRecord> matching = candidates;
        if (filter != null && !filter.isEmpty()) {
            Map<String, List<TagRecord>> byResource = new HashMap<>();
            candidates.forEach(t -> byResource
                    .computeIfAbsent(t.resourceId(), k -> new ArrayList<>())
                    .add(t));
            matching = new ArrayList<>();
            for (TagRecord t : candidates) {
                List<TagRecord> own = byResource.get(t.resourceId());
                boolean all = filter.stream()
                        .allMatch(f -> own.stream()
                                .anyMatch(o -> o.key().equals(f.get("Key"))
                                        && (f.get("Value") == null || o.value().equals(f.get("Value")))));
                if (all) {
                    matching.add(t);
                }
            }
        }
        int end = Math.min(matching.size(), offset + PAGE_SIZE);
        List<TagRecord> page = offset >= matching.size() ? List.of() : matching.subList(offset, end);
        return new TagPage(page, end < matching.size() ? Integer.toString(end) : "");
    }

    private void requireResource(Tx tx, Caller caller, String type, String id) {
        regions.require(caller.regionId());
        boolean exists =
                types.byTagType(type).map(t -> t.exists(tx, caller, id)).orElse(false);
        if (!exists) {
            throw SwasErrors.resourceNotFound(type, id);
        }
    }
}
