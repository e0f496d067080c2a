package dev.swasd.store;

import java.util.List;

/**
 * Filters of ListCustomImages, AND-ed; null or empty means "any". Images the caller owns and
 * images other accounts shared with it are both visible.
 *
 * @param tags key/value pairs; a null value matches any value of the key
 */
public record ImageQuery(
        String accountId,
        String regionId,
        List<String> imageIds,
        List<String> imageNames,
        String instanceId,
        String systemSnapshotId,
        String dataSnapshotId,
        Boolean shared,
        String resourceGroupId,
        List<TagFilter> tags,
        int offset,
        int limit) {

    public record TagFilter(String key, String value) {}
}
