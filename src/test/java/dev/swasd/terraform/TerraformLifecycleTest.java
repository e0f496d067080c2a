package dev.swasd.terraform;

import static dev.swasd.terraform.TerraformTransport.token;
import static dev.swasd.terraform.TerraformTransport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.Slow;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alibaba Cloud Terraform provider's SWAS resources and data sources, replayed call for call as
 * its transport sends them (spec/swas-breadth.md 1.1 and 1.2): what each resource creates, reads,
 * waits for, updates and destroys, and what each data source reads, with a state delay so that
 * every wait really polls. A value the provider compares exactly is compared exactly here.
 */
@Slow
class TerraformLifecycleTest {
    private static final String R = "cn-hangzhou";
    private static final String PLAN = "swas.s2.c2m2s40b3t08";
    /** Waits give up long before the provider's 5-20 minutes: any wait here ends within a second or two. */
    private static final int WAIT_SECONDS = 20;

    private static TestServer server;
    private static TerraformTransport tf;

    @BeforeAll
    static void start() {
        server = TestServer.start(Duration.ofMillis(300), Quotas.defaults());
        tf = new TerraformTransport(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    private static String image(String platform, String type) {
        // the images data source: ListImages with ImageType only, no RegionId
        return list(tf.post("ListImages", "ImageType", type), "Images").stream()
                .filter(i -> platform.equals(i.get("Platform")))
                .map(i -> (String) i.get("ImageId"))
                .findFirst()
                .orElseThrow();
    }

    /** The instance resource's read: ListInstances by one id, and the entry must be that id. */
    private static Map<String, Object> readInstance(String id) {
        List<Map<String, Object>> found =
                list(tf.post("ListInstances", "RegionId", R, "InstanceIds", "[\"" + id + "\"]"), "Instances");
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().get("InstanceId")).isEqualTo(id);
        return found.getFirst();
    }

    private static Map<String, Object> waitInstance(String id, String status) {
        return waitFor(id + " " + status, () -> readInstance(id), i -> status.equals(i.get("Status")), WAIT_SECONDS);
    }

    /** CreateInstances, wait Running, then the Update that every create runs (name and password). */
    private static String createInstance(String imageId, String name) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) tf.post(
                        "CreateInstances",
                        "Amount",
                        1,
                        "AutoRenew",
                        false,
                        "ImageId",
                        imageId,
                        "ChargeType",
                        "PrePaid",
                        "Period",
                        1,
                        "PlanId",
                        PLAN,
                        "RegionId",
                        R,
                        "ClientToken",
                        token("CreateInstances"))
                .get("InstanceIds");
        String id = ids.getFirst();
        waitInstance(id, "Running");
        tf.post(
                "UpdateInstanceAttribute",
                "InstanceId",
                id,
                "RegionId",
                R,
                "InstanceName",
                name,
                "Password",
                "Tf-Passw0rd!");
        waitInstance(id, "Running");
        return id;
    }

    private static String systemDisk(String instanceId) {
        return list(
                        tf.post("ListDisks", "RegionId", R, "InstanceId", instanceId, "PageSize", 50, "PageNumber", 1),
                        "Disks")
                .stream()
                .filter(d -> "System".equals(d.get("DiskType")))
                .map(d -> (String) d.get("DiskId"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void instanceResourceCreatesUpdatesPowersAndResets() {
        String id = createInstance(image("Linux", "system"), "tf-web");
        Map<String, Object> read = readInstance(id);
        assertThat(read)
                .containsEntry("InstanceName", "tf-web")
                .containsEntry("ChargeType", "PrePaid")
                .containsEntry("PlanId", PLAN)
                .containsEntry("Status", "Running");

        tf.post("StopInstance", "InstanceId", id, "RegionId", R, "ClientToken", token("StopInstance"));
        waitInstance(id, "Stopped");
        tf.post("StartInstance", "InstanceId", id, "RegionId", R, "ClientToken", token("StartInstance"));
        waitInstance(id, "Running");
        // status = "Resetting" in the provider means RebootInstance, then it waits for Running
        tf.post("RebootInstance", "InstanceId", id, "RegionId", R, "ClientToken", token("RebootInstance"));
        waitInstance(id, "Running");

        // plan change: UpgradeInstance without a ClientToken (the provider sets it on the wrong map), wait Running
        tf.post("UpgradeInstance", "InstanceId", id, "PlanId", "swas.s2.c2m4s60b5t12", "RegionId", R);
        assertThat(waitInstance(id, "Running")).containsEntry("PlanId", "swas.s2.c2m4s60b5t12");

        String other = list(tf.post("ListImages", "ImageType", "system"), "Images").stream()
                .filter(i ->
                        "Linux".equals(i.get("Platform")) && !i.get("ImageId").equals(read.get("ImageId")))
                .map(i -> (String) i.get("ImageId"))
                .findFirst()
                .orElseThrow();
        tf.post("ResetSystem", "InstanceId", id, "ImageId", other, "RegionId", R, "ClientToken", token("ResetSystem"));
        assertThat(waitInstance(id, "Running")).containsEntry("ImageId", other);
    }

    @Test
    void firewallRuleResourceCreatesReadsAndDestroys() {
        String id = createInstance(image("Linux", "system"), "tf-fw");
        String ruleId = (String) tf.post(
                        "CreateFirewallRule",
                        "InstanceId",
                        id,
                        "Port",
                        "8443",
                        "RegionId",
                        R,
                        "Remark",
                        "tf rule",
                        "RuleProtocol",
                        "Tcp",
                        "ClientToken",
                        token("CreateFirewallRule"))
                .get("FirewallId");
        assertThat(ruleId).isNotBlank();
        Map<String, Object> rule = readRule(id, ruleId);
        assertThat(rule)
                .containsEntry("Port", "8443")
                .containsEntry("Remark", "tf rule")
                .containsEntry("RuleProtocol", "TCP");

        tf.post(
                "DeleteFirewallRule",
                "RuleId",
                ruleId,
                "InstanceId",
                id,
                "RegionId",
                R,
                "ClientToken",
                token("DeleteFirewallRule"));
        assertThat(readRule(id, ruleId)).as("gone after destroy").isNull();
    }

    /** ListFirewallRules with PageSize 10, paging until a short page; null when the rule is absent. */
    private static Map<String, Object> readRule(String instanceId, String ruleId) {
        for (int page = 1; ; page++) {
            List<Map<String, Object>> rules = list(
                    tf.post(
                            "ListFirewallRules",
                            "RegionId",
                            R,
                            "InstanceId",
                            instanceId,
                            "PageNumber",
                            page,
                            "PageSize",
                            10),
                    "FirewallRules");
            for (Map<String, Object> r : rules) {
                if (ruleId.equals(r.get("RuleId"))) {
                    return r;
                }
            }
            if (rules.size() < 10) {
                return null;
            }
        }
    }

    @Test
    void snapshotAndCustomImageResourcesWithSharing() {
        String id = createInstance(image("Linux", "system"), "tf-img");
        String disk = systemDisk(id);
        String snapshot = (String) tf.post(
                        "CreateSnapshot",
                        "DiskId",
                        disk,
                        "RegionId",
                        R,
                        "SnapshotName",
                        "tf-snap_1",
                        "ClientToken",
                        token("CreateSnapshot"))
                .get("SnapshotId");
        Map<String, Object> snap = waitFor(
                "snapshot accomplished",
                () -> list(
                                tf.post("ListSnapshots", "RegionId", R, "SnapshotIds", "[\"" + snapshot + "\"]"),
                                "Snapshots")
                        .getFirst(),
                s -> "accomplished".equals(s.get("Status")),
                WAIT_SECONDS);
        assertThat(snap).containsEntry("SourceDiskId", disk).containsEntry("SnapshotName", "tf-snap_1");

        String imageId = (String) tf.post(
                        "CreateCustomImage",
                        "ImageName",
                        "tf-image",
                        "Description",
                        "by terraform",
                        "InstanceId",
                        id,
                        "RegionId",
                        R,
                        "SystemSnapshotId",
                        snapshot,
                        "ClientToken",
                        token("CreateCustomImage"))
                .get("ImageId");
        // the resource reads at once, with no wait: the new image must already be listed
        Map<String, Object> listed = list(
                        tf.post(
                                "ListImages",
                                "RegionId",
                                R,
                                "ImageIds",
                                "[\"" + imageId + "\"]",
                                "ImageType",
                                "custom"),
                        "Images")
                .getFirst();
        assertThat(listed).containsEntry("ImageName", "tf-image").containsEntry("Description", "by terraform");

        waitFor(
                "image available",
                () -> list(
                                tf.post("ListCustomImages", "RegionId", R, "ImageIds", "[\"" + imageId + "\"]"),
                                "CustomImages")
                        .getFirst(),
                i -> "1".equals(i.get("Status")),
                WAIT_SECONDS);
        // status = Share: ModifyImageShareStatus without RegionId
        tf.post(
                "ModifyImageShareStatus",
                "ImageId",
                imageId,
                "Operation",
                "Share",
                "ClientToken",
                token("ModifyImageShareStatus"));
        TeaException inShare = tf.postError(
                "DeleteCustomImage", "ImageId", imageId, "RegionId", R, "ClientToken", token("DeleteCustomImage"));
        assertThat(inShare.getCode()).isEqualTo("CustomImageInShare");
        // destroy of a shared image: UnShare first, then delete, no wait
        tf.post(
                "ModifyImageShareStatus",
                "ImageId",
                imageId,
                "Operation",
                "UnShare",
                "ClientToken",
                token("ModifyImageShareStatus"));
        tf.post("DeleteCustomImage", "ImageId", imageId, "RegionId", R, "ClientToken", token("DeleteCustomImage"));
        assertThat(list(
                        tf.post(
                                "ListImages",
                                "RegionId",
                                R,
                                "ImageIds",
                                "[\"" + imageId + "\"]",
                                "ImageType",
                                "custom"),
                        "Images"))
                .as("gone from the provider's read")
                .isEmpty();

        tf.post("DeleteSnapshot", "SnapshotId", snapshot, "RegionId", R, "ClientToken", token("DeleteSnapshot"));
        assertThat(list(tf.post("ListSnapshots", "RegionId", R, "SnapshotIds", "[\"" + snapshot + "\"]"), "Snapshots"))
                .isEmpty();
    }

    @Test
    void diskResourceCreatesReadsByRepeatListAndUpdatesItsRemark() {
        String id = createInstance(image("Linux", "system"), "tf-disk");
        String diskId = (String) tf.post(
                        "CreateDisk",
                        "RegionId",
                        R,
                        "ClientToken",
                        token("CreateDisk"),
                        "DiskSize",
                        40,
                        "InstanceId",
                        id)
                .get("DiskId");
        assertThat(diskId).startsWith("d-");
        // Update runs after Create: the remark
        tf.post(
                "UpdateDiskAttribute",
                "DiskId",
                diskId,
                "RegionId",
                R,
                "ClientToken",
                token("UpdateDiskAttribute"),
                "Remark",
                "tf data disk");
        // the read sends DiskIds as a Go slice (DiskIds.1) and takes Disks[0] with no id check
        List<Map<String, Object>> read = list(tf.post("ListDisks", "DiskIds", List.of(diskId), "RegionId", R), "Disks");
        assertThat(read).hasSize(1);
        assertThat(read.getFirst())
                .containsEntry("DiskId", diskId)
                .containsEntry("InstanceId", id)
                .containsEntry("RegionId", R)
                .containsEntry("Remark", "tf data disk")
                .containsEntry("DiskType", "Data")
                .containsKeys("CreationTime", "DiskName");
        assertThat(((Number) read.getFirst().get("Size")).longValue()).isEqualTo(40);
        waitFor(
                "disk in use",
                () -> list(tf.post("ListDisks", "DiskIds", List.of(diskId), "RegionId", R), "Disks")
                        .getFirst(),
                d -> "In_use".equals(d.get("Status")),
                WAIT_SECONDS);
        TeaException tooSmall = tf.postError("CreateDisk", "RegionId", R, "DiskSize", 10, "InstanceId", id);
        assertThat(tooSmall.getCode()).isEqualTo("InvalidDiskSize.ValueNotSupported");
    }

    @Test
    void dataSourcesReadWhatTheProviderReads() {
        String id = createInstance(image("Linux", "system"), "tf-data");
        for (Map<String, Object> plan : list(tf.post("ListPlans", "RegionId", R), "Plans")) {
            for (String field : List.of("Bandwidth", "Core", "DiskSize", "Flow")) {
                // formatInt panics on anything but an integer
                assertThat(plan.get(field))
                        .as("%s of %s", field, plan.get("PlanId"))
                        .isInstanceOfAny(Integer.class, Long.class);
            }
            assertThat(plan.get("Memory")).isInstanceOf(Number.class);
            assertThat((String) plan.get("SupportPlatform")).contains("Linux");
        }
        Map<String, Object> instances = tf.post("ListInstances", "RegionId", R, "PageSize", 50, "PageNumber", 1);
        Map<String, Object> mine = list(instances, "Instances").stream()
                .filter(i -> id.equals(i.get("InstanceId")))
                .findFirst()
                .orElseThrow();
        for (String field : List.of(
                "BusinessStatus",
                "CreationTime",
                "DdosStatus",
                "ExpiredTime",
                "ImageId",
                "InnerIpAddress",
                "InstanceName",
                "ChargeType",
                "PlanId",
                "PublicIpAddress",
                "Status")) {
            assertThat(mine.get(field)).as(field).isInstanceOf(String.class);
        }
        for (Map<String, Object> d :
                list(tf.post("ListDisks", "RegionId", R, "PageSize", 50, "PageNumber", 1, "InstanceId", id), "Disks")) {
            assertThat(d.get("DiskType")).isIn("System", "Data");
            assertThat(d.get("Status")).isIn("Attaching", "Available", "Creating", "Detaching", "In_use", "ReIniting");
            assertThat(d.get("DiskChargeType")).isInstanceOf(String.class);
            assertThat(d.get("Size")).as("Size, read with formatInt").isInstanceOfAny(Integer.class, Long.class);
            for (String field : List.of("Category", "CreationTime", "Device", "DiskId", "DiskName", "InstanceId")) {
                assertThat(d.get(field)).as(field).isInstanceOf(String.class);
            }
        }
        for (Map<String, Object> r : list(
                tf.post("ListFirewallRules", "InstanceId", id, "RegionId", R, "PageSize", 50, "PageNumber", 1),
                "FirewallRules")) {
            for (String field : List.of("RuleId", "Port", "Remark", "RuleProtocol")) {
                assertThat(r.get(field)).as(field).isInstanceOf(String.class);
            }
        }
        assertThat(list(tf.post("ListFirewallRules", "InstanceId", id, "RegionId", R), "FirewallRules"))
                .extracting(r -> r.get("Port"))
                .contains("22", "80", "443");
        String snapshot = (String) tf.post(
                        "CreateSnapshot",
                        "DiskId",
                        systemDisk(id),
                        "RegionId",
                        R,
                        "SnapshotName",
                        "tf-data-snap",
                        "ClientToken",
                        token("CreateSnapshot"))
                .get("SnapshotId");
        waitFor(
                        "snapshot listed accomplished",
                        () -> list(
                                tf.post(
                                        "ListSnapshots",
                                        "RegionId",
                                        R,
                                        "PageSize",
                                        50,
                                        "PageNumber",
                                        1,
                                        "InstanceId",
                                        id),
                                "Snapshots"),
                        l -> l.stream()
                                .anyMatch(s ->
                                        snapshot.equals(s.get("SnapshotId")) && "accomplished".equals(s.get("Status"))),
                        WAIT_SECONDS)
                .forEach(s -> {
                    for (String field : List.of(
                            "CreationTime",
                            "SourceDiskId",
                            "Progress",
                            "Remark",
                            "SnapshotId",
                            "SnapshotName",
                            "SourceDiskType",
                            "Status")) {
                        assertThat(s.get(field)).as(field).isInstanceOf(String.class);
                    }
                });
        assertThat(list(tf.post("ListImages", "ImageType", "custom", "RegionId", R), "Images"))
                .allSatisfy(i -> assertThat(Set.of("ImageId", "ImageName", "Description", "Platform"))
                        .allSatisfy(f -> assertThat(i).containsKey(f)));
    }
}
