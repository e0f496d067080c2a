package dev.swasd.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.swas.Region;
import dev.swasd.swas.Regions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a region list given with {@code --regions FILE}: a JSON array of
 * {@code {"RegionId", "LocalName": {"zh-CN", "en-US"}, "RegionEndpoint"?}}.
 */
final class RegionsFile {
    private RegionsFile() {}

    static Regions load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IOException(file + ": expected a non-empty JSON array of regions");
        }
        List<Region> regions = new ArrayList<>();
        for (JsonNode r : root) {
            String id = r.path("RegionId").asText("");
            if (!id.matches("[a-z0-9-]{2,64}")) {
                throw new IOException(file + ": RegionId '" + id + "' must be 2-64 of a-z, 0-9 and -");
            }
            String zh = r.path("LocalName").path("zh-CN").asText(id);
            String en = r.path("LocalName").path("en-US").asText(id);
            String endpoint = r.path("RegionEndpoint").asText("swas." + id + ".aliyuncs.com");
            regions.add(new Region(id, zh, en, endpoint));
        }
        return new Regions(regions);
    }
}
