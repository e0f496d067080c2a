package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.Slow;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The custom-image story of issue 4 end to end through the official Java client, in both signing
 * modes, with real state delays so that the client polls as it would against the cloud.
 */
@Slow
class CustomImageStoryTest {
    private static final String R = "cn-hangzhou";
    private static final String OTHER_ACCOUNT = "2000000000000002";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Duration.ofMillis(300), Quotas.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @SuppressWarnings("unchecked")
    static <T> T get(Map<String, Object> body, String field) {
        return (T) body.get(field);
    }

    static Map<String, Object> poll(
            TeaClient c, String what, Supplier<Map<String, Object>> probe, Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> body = probe.get();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return get(body, field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void theWholeStory(String signing) throws Exception {
        TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);
        String linux = (String) list(c.call("ListImages", "RegionId", R, "ImageType", "system"), "Images").stream()
                .filter(i -> "Linux".equals(i.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("ImageId");

        // a server, which starts Pending and becomes Running
        List<String> created = get(
                c.call(
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
                        2,
                        "ClientToken",
                        "story-" + signing),
                "InstanceIds");
        assertThat(created).hasSize(2).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
        String server1 = created.get(0);
        String server2 = created.get(1);
        List<String> again = get(
                c.call(
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
                        2,
                        "ClientToken",
                        "story-" + signing),
                "InstanceIds");
        assertThat(again).as("same ClientToken, same outcome").isEqualTo(created);
        TeaException mismatch = c.error(
                "CreateInstances",
                "RegionId",
                R,
                "ImageId",
                linux,
                "PlanId",
                "swas.s2.c2m2s40b3t08",
                "Period",
                3,
                "Amount",
                2,
                "ClientToken",
                "story-" + signing);
        assertThat(mismatch.getCode()).isEqualTo("IdempotentParameterMismatch");
        poll(
                c,
                "servers running",
                () -> c.call(
                        "ListInstanceStatus",
                        "RegionId",
                        R,
                        "InstanceIds",
                        "[\"" + server1 + "\",\"" + server2 + "\"]"),
                b -> list(b, "InstanceStatuses").stream().allMatch(s -> "Running".equals(s.get("Status"))));

        // snapshot of the system disk
        String systemDisk =
                (String) list(c.call("ListDisks", "RegionId", R, "InstanceId", server1, "DiskType", "system"), "Disks")
                        .getFirst()
                        .get("DiskId");
        String snapshot = get(
                c.call("CreateSnapshot", "RegionId", R, "DiskId", systemDisk, "SnapshotName", "story-snap"),
                "SnapshotId");
        assertThat(snapshot).startsWith("s-");
        TeaException early = c.error(
                "CreateCustomImage",
                "RegionId",
                R,
                "InstanceId",
                server1,
                "ImageName",
                "img-early",
                "SystemSnapshotId",
                snapshot);
        assertThat(early.getCode()).isEqualTo("IncorrectSnapshotStatus");
        poll(
                c,
                "snapshot accomplished",
                () -> c.call("ListSnapshots", "RegionId", R, "SnapshotIds", "[\"" + snapshot + "\"]"),
                b -> "accomplished".equals(list(b, "Snapshots").getFirst().get("Status")));

        // three custom images: one for ECS, one for another account, one to keep
        String toEcs = image(c, server1, snapshot, "img-ecs");
        String toAccount = image(c, server1, snapshot, "img-acct");
        String plain = image(c, server1, snapshot, "img-plain");
        Map<String, Object> listed = c.call(
                "ListCustomImages",
                "RegionId",
                R,
                "ImageIds",
                "[\"" + toEcs + "\",\"" + toAccount + "\",\"" + plain + "\"]");
        assertThat((Object) get(listed, "TotalCount")).isEqualTo("3");
        assertThat((Object) get(listed, "PageNumber")).isEqualTo("1");
        assertThat(list(listed, "CustomImages"))
                .allSatisfy(i -> assertThat(i.get("Status")).isIn("4", "1"));
        poll(
                c,
                "images available",
                () -> c.call("ListCustomImages", "RegionId", R, "InstanceId", server1),
                b -> list(b, "CustomImages").size() == 3
                        && list(b, "CustomImages").stream().allMatch(i -> "1".equals(i.get("Status"))));

        c.call("ModifyImageShareStatus", "RegionId", R, "ImageId", toEcs, "Operation", "Share");
        assertThat(c.error("ModifyImageShareStatus", "RegionId", R, "ImageId", toEcs, "Operation", "Publish")
                        .getCode())
                .isEqualTo("InvalidParam.OperationIllegal");
        c.call("AddCustomImageShareAccount", "RegionId", R, "ImageId", toAccount, "Account.1", OTHER_ACCOUNT);
        Map<String, Object> shares = c.call("ListCustomImageShareAccounts", "RegionId", R, "ImageId", toAccount);
        assertThat(list(shares, "ImageShareUsers")).singleElement().satisfies(u -> {
            assertThat(((Number) u.get("UserId")).longValue()).isEqualTo(Long.parseLong(OTHER_ACCOUNT));
            assertThat((String) u.get("SharedTime")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d");
        });
        Map<String, Object> flags =
                c.call("ListCustomImages", "RegionId", R, "ImageIds", "[\"" + toEcs + "\",\"" + toAccount + "\"]");
        for (Map<String, Object> i : list(flags, "CustomImages")) {
            boolean ecs = i.get("ImageId").equals(toEcs);
            assertThat(i.get("InShare")).isEqualTo(ecs);
            assertThat(i.get("InShareUser")).isEqualTo(!ecs);
        }

        // ECS sees the image shared to it, and only that one
        TeaClient ecs =
                new TeaClient(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing, "2014-05-26");
        Map<String, Object> ecsImages = ecs.call("DescribeImages", "RegionId", R, "ImageOwnerAlias", "others");
        Map<String, Object> wrapper = get(ecsImages, "Images");
        assertThat(list(wrapper, "Image")).extracting(i -> i.get("ImageId")).containsExactly(toEcs);

        // shared images cannot be deleted, and the batch changes nothing
        TeaException inShare =
                c.error("DeleteCustomImages", "RegionId", R, "ImageIds", "[\"" + plain + "\",\"" + toEcs + "\"]");
        assertThat(inShare.getStatusCode()).isEqualTo(400);
        assertThat(inShare.getCode()).isEqualTo("CustomImageInShare");
        assertThat(inShare.getMessage()).contains("The custom image is in sharing,please unshare first then to retry.");
        assertThat(c.error("DeleteCustomImages", "RegionId", R, "ImageIds", toAccount)
                        .getCode())
                .isEqualTo("CustomImageInShare");
        assertThat(list(c.call("ListCustomImages", "RegionId", R, "ImageIds", "[\"" + plain + "\"]"), "CustomImages"))
                .hasSize(1);
        TeaException unknown =
                c.error("DeleteCustomImages", "RegionId", R, "ImageIds", "[\"" + plain + "\",\"m-nope\"]");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getCode()).isEqualTo("InvalidImageId.NotFound");
        assertThat(c.error("DeleteCustomImages", "RegionId", R, "ImageIds", "[]")
                        .getCode())
                .isEqualTo("InvalidParameter");

        // unshare, then delete in one batch, retried with the same token
        c.call("ModifyImageShareStatus", "RegionId", R, "ImageId", toEcs, "Operation", "UnShare");
        c.call("RemoveCustomImageShareAccount", "RegionId", R, "ImageId", toAccount, "Account.1", OTHER_ACCOUNT);
        assertThat(list(get(ecs.call("DescribeImages", "RegionId", R), "Images"), "Image"))
                .isEmpty();
        String token = "delete-" + signing;
        c.call(
                "DeleteCustomImages",
                "RegionId",
                R,
                "ImageIds",
                "[\"" + toEcs + "\",\"" + toAccount + "\"]",
                "ClientToken",
                token);
        c.call(
                "DeleteCustomImages",
                "RegionId",
                R,
                "ImageIds",
                "[\"" + toEcs + "\",\"" + toAccount + "\"]",
                "ClientToken",
                token);
        assertThat(c.error("DeleteCustomImages", "RegionId", R, "ImageIds", "[\"" + toEcs + "\"]")
                        .getCode())
                .isEqualTo("InvalidImageId.NotFound");
        assertThat(list(c.call("ListCustomImages", "RegionId", R, "InstanceId", server1), "CustomImages"))
                .extracting(i -> i.get("ImageId"))
                .containsExactly(plain);

        // a deleted image cannot reset a server; a live one can, and the server takes its OS
        TeaException deleted = c.error("ResetSystem", "RegionId", R, "InstanceId", server2, "ImageId", toEcs);
        assertThat(deleted.getCode()).isEqualTo("InvalidImageId.NotFound");
        c.call("ResetSystem", "RegionId", R, "InstanceId", server2, "ImageId", plain);
        Map<String, Object> after = list(
                        c.call("ListInstances", "RegionId", R, "InstanceIds", "[\"" + server2 + "\"]"), "Instances")
                .getFirst();
        assertThat(after.get("ImageId")).isEqualTo(plain);
        assertThat(after.get("Status")).isEqualTo("Resetting");
        assertThat(((Map<String, Object>) get(after, "Image")).get("ImageType")).isEqualTo("custom");
        assertThat(c.error("StopInstance", "RegionId", R, "InstanceId", server2).getCode())
                .isEqualTo("IncorrectInstanceStatus");
        poll(
                c,
                "reset done",
                () -> c.call("ListInstanceStatus", "RegionId", R, "InstanceIds", "[\"" + server2 + "\"]"),
                b -> "Running".equals(list(b, "InstanceStatuses").getFirst().get("Status")));
        assertThat(list(c.call("ListCustomImages", "RegionId", R, "ImageIds", "[\"" + plain + "\"]"), "CustomImages")
                        .getFirst()
                        .get("CreateInstances"))
                .isEqualTo(List.of(server2));
    }

    private static String image(TeaClient c, String instance, String snapshot, String name) {
        String id = get(
                c.call(
                        "CreateCustomImage",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "ImageName",
                        name,
                        "SystemSnapshotId",
                        snapshot,
                        "Description",
                        "made by the story test"),
                "ImageId");
        assertThat(id).matches("m-[a-z0-9]{20}");
        return id;
    }
}
