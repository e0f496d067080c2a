package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.conformance.TeaClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Makes custom images through the official client as root, for tests that need some (state delay 0). */
final class SwasImages {
    static final String R = "cn-hangzhou";

    private SwasImages() {}

    /** A fresh server with a system snapshot, and {@code n} images made from it (n at most 3). */
    @SuppressWarnings("unchecked")
    static List<String> make(TeaClient root, int n, String prefix) {
        String linux =
                (String) ((List<Map<String, Object>>) root.call("ListImages", "RegionId", R, "ImageType", "system")
                                .get("Images"))
                        .stream()
                                .filter(i -> "Linux".equals(i.get("Platform")))
                                .findFirst()
                                .orElseThrow()
                                .get("ImageId");
        String server = ((List<String>) root.call(
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                linux,
                                "PlanId",
                                "swas.s2.c2m2s40b3t08",
                                "Period",
                                1,
                                "Amount",
                                1)
                        .get("InstanceIds"))
                .getFirst();
        String disk = (String) ((List<Map<String, Object>>)
                        root.call("ListDisks", "RegionId", R, "InstanceId", server, "DiskType", "system")
                                .get("Disks"))
                .getFirst()
                .get("DiskId");
        String snapshot =
                (String) root.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", prefix + "-snap")
                        .get("SnapshotId");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = (String) root.call(
                            "CreateCustomImage",
                            "RegionId",
                            R,
                            "InstanceId",
                            server,
                            "ImageName",
                            prefix + "-img" + i,
                            "SystemSnapshotId",
                            snapshot)
                    .get("ImageId");
            assertThat(id).startsWith("m-");
            ids.add(id);
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    static List<String> existing(TeaClient root, List<String> ids) {
        Map<String, Object> body = root.call("ListCustomImages", "RegionId", R, "ImageIds", json(ids));
        return ((List<Map<String, Object>>) body.get("CustomImages"))
                .stream().map(i -> (String) i.get("ImageId")).toList();
    }

    static String json(List<String> ids) {
        return "[" + String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList()) + "]";
    }
}
