package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.Slow;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import dev.swasd.swas.regions.PublicImages;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans and billing (UpgradeInstance, RenewInstance, ListInstancePlansModification,
 * ListInstancesTrafficPackages) and disk and snapshot maintenance (ResetDisk, UpdateDiskAttribute,
 * UpdateSnapshotAttribute) through the official Java client {@code tea-openapi}, in ACS3-HMAC-SHA256
 * and V1, with every documented error code that can arise; and the Terraform server resource's plan
 * change as its transport sends it. A short state delay makes the transitional states visible.
 */
@Slow
class PlanAndDiskConformanceTest {
    private static final String R = "cn-hangzhou";
    private static final String PLAN = "swas.s2.c2m2s40b3t08";
    private static final String LARGER = "swas.s2.c2m4s60b5t12";
    private static final String UNKNOWN_SERVER = "0123456789abcdef0123456789abcdef";
    private static final long GIB = 1L << 30;
    private static final String LINUX = PublicImages.defaults().all().stream()
            .filter(i -> i.imageType().equals("system") && i.platform().equals("Linux"))
            .findFirst()
            .orElseThrow()
            .imageId();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Duration.ofSeconds(1), Quotas.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static TeaClient client(String signing) {
        return TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<String, Object> body, String field) {
        return (T) body.get(field);
    }

    private static Map<String, Object> poll(
            String what, Supplier<Map<String, Object>> probe, Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> body = probe.get();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static void error(TeaException e, int status, String code) {
        assertThat(e.getCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getStatusCode()).isEqualTo(status);
    }

    private static String create(TeaClient c) {
        List<String> ids = get(
                c.call("CreateInstances", "RegionId", R, "ImageId", LINUX, "PlanId", PLAN, "Period", 1, "Amount", 1),
                "InstanceIds");
        return ids.getFirst();
    }

    private static Map<String, Object> instance(TeaClient c, String id) {
        List<Map<String, Object>> all =
                get(c.call("ListInstances", "RegionId", R, "InstanceIds", "[\"" + id + "\"]"), "Instances");
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private static Map<String, Object> waitFor(TeaClient c, String id, String status) throws InterruptedException {
        return poll(id + " " + status, () -> instance(c, id), i -> status.equals(i.get("Status")));
    }

    private static Map<String, Object> disk(TeaClient c, String diskId) {
        List<Map<String, Object>> disks =
                get(c.call("ListDisks", "RegionId", R, "DiskIds", "[\"" + diskId + "\"]"), "Disks");
        assertThat(disks).hasSize(1);
        return disks.getFirst();
    }

    private static String systemDisk(TeaClient c, String id) {
        List<Map<String, Object>> disks =
                get(c.call("ListDisks", "RegionId", R, "InstanceId", id, "DiskType", "system"), "Disks");
        return (String) disks.getFirst().get("DiskId");
    }

    private static Map<String, Object> snapshot(TeaClient c, String snapshotId) {
        List<Map<String, Object>> all =
                get(c.call("ListSnapshots", "RegionId", R, "SnapshotIds", "[\"" + snapshotId + "\"]"), "Snapshots");
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private static long number(Map<String, Object> m, String field) {
        assertThat(m.get(field)).as(field).isInstanceOf(Number.class);
        return ((Number) m.get(field)).longValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void upgradeRaisesThePlanThroughUpgrading(String signing) throws Exception {
        TeaClient c = client(signing);
        String id = create(c);
        error(
                c.error("UpgradeInstance", "RegionId", R, "InstanceId", id, "PlanId", LARGER),
                403,
                "IncorrectInstanceStatus");
        waitFor(c, id, "Running");

        List<Map<String, Object>> plans =
                get(c.call("ListInstancePlansModification", "RegionId", R, "InstanceId", id), "Plans");
        assertThat(plans)
                .extracting(p -> p.get("PlanId"))
                .contains(LARGER)
                .doesNotContain(PLAN, "swas.s2.c2m1s40b3t04");
        assertThat(plans).allSatisfy(p -> {
            assertThat(p.get("Core")).isInstanceOf(Number.class);
            assertThat(p.get("OriginPrice")).isInstanceOf(Number.class);
            assertThat(p.get("Currency")).isEqualTo("CNY");
            assertThat((String) p.get("SupportPlatform")).contains("\"Linux\"");
        });

        error(
                c.error("ListInstancePlansModification", "RegionId", R, "InstanceId", UNKNOWN_SERVER),
                404,
                "InvalidInstanceId.NotFound");

        TeaException same = c.error("UpgradeInstance", "RegionId", R, "InstanceId", id, "PlanId", PLAN);
        error(same, 400, "InvalidPlanIdUpgrade.ValueNotSupported");
        assertThat(same.getMessage())
                .contains("The specification of the specified planId is lower than the current server specification.");
        error(
                c.error("UpgradeInstance", "RegionId", R, "InstanceId", id, "PlanId", "swas.s2.c2m1s40b3t04"),
                400,
                "InvalidPlanIdUpgrade.ValueNotSupported");
        TeaException noPlan = c.error("UpgradeInstance", "RegionId", R, "InstanceId", id, "PlanId", "swas.nope");
        error(noPlan, 404, "InvalidPlanId.NotFound");
        assertThat(noPlan.getMessage()).contains("The specified PlanId does not exist.");
        error(
                c.error("UpgradeInstance", "RegionId", R, "InstanceId", UNKNOWN_SERVER, "PlanId", LARGER),
                404,
                "InvalidInstanceId.NotFound");
        error(c.error("UpgradeInstance", "RegionId", R, "InstanceId", id), 400, "MissingPlanId");

        c.call("UpgradeInstance", "RegionId", R, "InstanceId", id, "PlanId", LARGER);
        assertThat(instance(c, id).get("Status")).isIn("Upgrading", "Running");
        Map<String, Object> upgraded = waitFor(c, id, "Running");
        assertThat(upgraded.get("PlanId")).isEqualTo(LARGER);
        Map<String, Object> spec = get(upgraded, "ResourceSpec");
        assertThat(number(spec, "DiskSize")).isEqualTo(60);
        assertThat(number(spec, "Cpu")).isEqualTo(2);
        assertThat(number(spec, "Memory")).isEqualTo(4);
        assertThat(number(spec, "Bandwidth")).isEqualTo(5);
        List<Map<String, Object>> disks = get(upgraded, "Disks");
        assertThat(disks)
                .filteredOn(d -> "System".equalsIgnoreCase((String) d.get("DiskType")))
                .singleElement()
                .satisfies(d -> assertThat(number(d, "Size")).isEqualTo(60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void renewAndTrafficPackages(String signing) throws Exception {
        TeaClient c = client(signing);
        String id = create(c);
        String expires = (String) instance(c, id).get("ExpiredTime");
        c.call("RenewInstance", "RegionId", R, "InstanceId", id, "Period", 12);
        String renewed = (String) instance(c, id).get("ExpiredTime");
        assertThat(ZonedDateTime.parse(renewed))
                .isEqualTo(ZonedDateTime.parse(expires).plusMonths(12));
        TeaException period = c.error("RenewInstance", "RegionId", R, "InstanceId", id, "Period", 2);
        error(period, 400, "InvalidPeriod.ValueNotSupported");
        assertThat(period.getMessage()).contains("The specified parameter Period is invalid.");
        error(
                c.error("RenewInstance", "RegionId", R, "InstanceId", UNKNOWN_SERVER, "Period", 1),
                404,
                "InvalidInstanceId.NotFound");
        error(c.error("RenewInstance", "RegionId", R, "InstanceId", id), 400, "MissingPeriod");
        assertThat(instance(c, id).get("ExpiredTime")).isEqualTo(renewed);

        List<Map<String, Object>> usages = get(
                c.call(
                        "ListInstancesTrafficPackages",
                        "RegionId",
                        R,
                        "InstanceIds",
                        "[\"" + id + "\",\"" + UNKNOWN_SERVER + "\"]"),
                "InstanceTrafficPackageUsages");
        assertThat(usages).singleElement().satisfies(u -> {
            assertThat(u.get("InstanceId")).isEqualTo(id);
            assertThat(number(u, "TrafficPackageTotal")).isEqualTo(800 * GIB);
            assertThat(number(u, "TrafficUsed")).isZero();
            assertThat(number(u, "TrafficPackageRemaining")).isEqualTo(800 * GIB);
            assertThat(number(u, "TrafficOverflow")).isZero();
        });
        error(c.error("ListInstancesTrafficPackages", "RegionId", R), 400, "MissingInstanceIds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void resetDiskRollsBackAStoppedServersDisk(String signing) throws Exception {
        TeaClient c = client(signing);
        String id = create(c);
        waitFor(c, id, "Running");
        String disk = systemDisk(c, id);
        String snap =
                (String) c.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "before-" + signing)
                        .get("SnapshotId");
        poll("snapshot accomplished", () -> snapshot(c, snap), s -> "accomplished".equals(s.get("Status")));

        TeaException running = c.error("ResetDisk", "RegionId", R, "DiskId", disk, "SnapshotId", snap);
        error(running, 403, "IncorrectInstanceStatus.ResetDisk");
        assertThat(running.getMessage())
                .contains("Rolling back the disk requires the instance to operate in a stopped state.");
        c.call("StopInstance", "RegionId", R, "InstanceId", id);
        waitFor(c, id, "Stopped");
        TeaException noDisk =
                c.error("ResetDisk", "RegionId", R, "DiskId", "d-bp1missing000000000", "SnapshotId", snap);
        error(noDisk, 404, "InvalidDiskId.NotFound");
        assertThat(noDisk.getMessage()).contains("The specified DiskId does not exist.");
        TeaException noSnap =
                c.error("ResetDisk", "RegionId", R, "DiskId", disk, "SnapshotId", "s-bp1missing000000000");
        error(noSnap, 404, "InvalidSnapshotId.NotFound");
        assertThat(noSnap.getMessage()).contains("The specified SnapshotId does not exist.");

        c.call("ResetDisk", "RegionId", R, "DiskId", disk, "SnapshotId", snap);
        assertThat(disk(c, disk).get("Status")).isIn("ReIniting", "In_use");
        List<Map<String, Object>> shown = get(instance(c, id), "Disks");
        assertThat(shown)
                .filteredOn(d -> disk.equals(d.get("DiskId")))
                .singleElement()
                .satisfies(d -> assertThat(d.get("Status")).isIn("ReIniting", "In_use"));
        poll("disk in use", () -> disk(c, disk), d -> "In_use".equals(d.get("Status")));
        assertThat(instance(c, id).get("Status")).as("the server stays Stopped").isEqualTo("Stopped");
        c.call("StartInstance", "RegionId", R, "InstanceId", id);
        waitFor(c, id, "Running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void remarksOfDisksAndSnapshots(String signing) throws Exception {
        TeaClient c = client(signing);
        String id = create(c);
        String disk = systemDisk(c, id);
        assertThat(disk(c, disk).get("Remark")).isEqualTo("");
        c.call("UpdateDiskAttribute", "RegionId", R, "DiskId", disk, "Remark", "system disk " + signing);
        assertThat(disk(c, disk).get("Remark")).isEqualTo("system disk " + signing);
        List<Map<String, Object>> shown = get(instance(c, id), "Disks");
        assertThat(shown)
                .filteredOn(d -> disk.equals(d.get("DiskId")))
                .singleElement()
                .satisfies(d -> assertThat(d.get("Remark")).isEqualTo("system disk " + signing));
        error(
                c.error("UpdateDiskAttribute", "RegionId", R, "DiskId", "d-bp1missing000000000", "Remark", "x"),
                404,
                "InvalidDiskId.NotFound");
        error(c.error("UpdateDiskAttribute", "RegionId", R, "DiskId", disk), 400, "MissingRemark");

        String snap =
                (String) c.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "remark-" + signing)
                        .get("SnapshotId");
        c.call("UpdateSnapshotAttribute", "RegionId", R, "SnapshotId", snap, "Remark", "kept " + signing);
        assertThat(snapshot(c, snap).get("Remark")).isEqualTo("kept " + signing);
        TeaException noSnap =
                c.error("UpdateSnapshotAttribute", "RegionId", R, "SnapshotId", "s-bp1missing000000000", "Remark", "x");
        error(noSnap, 404, "InvalidSnapshotId.NotFound");
        assertThat(noSnap.getMessage()).contains("The specified SnapshotId does not exist.");
    }

    /**
     * The Terraform server resource changing {@code plan_id}: tea-rpc's V1 request with every action
     * parameter in the form body ({@code UpgradeInstance(InstanceId, PlanId, RegionId)}, no ClientToken),
     * retried while the answer is IncorrectInstanceStatus, then ListInstances polled until Running.
     */
    @Test
    void terraformUpgradesAServerAsItsTransportSendsIt() throws Exception {
        try (TestServer slow = TestServer.start(Duration.ofSeconds(2), Quotas.defaults())) {
            terraformUpgrade(new Client(new Config()
                    .setAccessKeyId(TestServer.ROOT_KEY_ID)
                    .setAccessKeySecret(TestServer.ROOT_SECRET)
                    .setEndpoint(slow.endpoint())
                    .setProtocol("http")
                    .setSignatureAlgorithm("v2")));
        }
    }

    private static void terraformUpgrade(Client tf) throws Exception {
        Map<String, Object> created = rpcPost(
                tf,
                "CreateInstances",
                Map.of(
                        "Amount",
                        "1",
                        "AutoRenew",
                        "false",
                        "DataDiskSize",
                        "0",
                        "ImageId",
                        LINUX,
                        "ChargeType",
                        "PrePaid",
                        "Period",
                        "1",
                        "PlanId",
                        PLAN,
                        "RegionId",
                        R,
                        "ClientToken",
                        "TF-CreateInstances-1764750000-0f1e2d3c"));
        List<String> ids = get(created, "InstanceIds");
        String id = ids.getFirst();

        // the resource's update: UpgradeInstance, retried on IncorrectInstanceStatus (the server is Pending)
        List<String> answers = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                rpcPost(tf, "UpgradeInstance", Map.of("InstanceId", id, "PlanId", LARGER, "RegionId", R));
                answers.add("OK");
                break;
            } catch (TeaException e) {
                assertThat(e.getCode()).isEqualTo("IncorrectInstanceStatus");
                answers.add(e.getCode());
                assertThat(System.nanoTime()).as("retry deadline").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        assertThat(answers).first().isEqualTo("IncorrectInstanceStatus");
        assertThat(answers).last().isEqualTo("OK");

        // BuildStateConf([], ["Running"]): read $.Instances[0] until its Status is Running
        List<String> seen = new ArrayList<>();
        Map<String, Object> read = poll(
                "Running after UpgradeInstance",
                () -> {
                    Map<String, Object> body = rpcPostUnchecked(
                            tf, "ListInstances", Map.of("RegionId", R, "InstanceIds", "[\"" + id + "\"]"));
                    List<Map<String, Object>> instances = get(body, "Instances");
                    Map<String, Object> first = instances.getFirst();
                    seen.add((String) first.get("Status"));
                    return first;
                },
                i -> "Running".equals(i.get("Status")));
        assertThat(read.get("InstanceId")).isEqualTo(id);
        assertThat(read.get("PlanId")).isEqualTo(LARGER);
        assertThat(read.get("ChargeType")).isEqualTo("PrePaid");
        assertThat(seen).first().as("the upgrade takes the state delay").isEqualTo("Upgrading");
        assertThat(seen).last().isEqualTo("Running");
        assertThat(seen).allSatisfy(s -> assertThat(s).isIn("Upgrading", "Running"));
    }

    /** tea-rpc's {@code DoRequest}: V1 (HMAC-SHA1), Format=json, every action parameter in the form body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rpcPost(Client client, String action, Map<String, String> parameters)
            throws Exception {
        Params params = new Params()
                .setAction(action)
                .setVersion("2020-06-01")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        OpenApiRequest request = new OpenApiRequest().setBody(new HashMap<>(parameters));
        Map<String, ?> response = client.callApi(params, request, new RuntimeOptions());
        assertThat(response.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) response.get("body");
    }

    private static Map<String, Object> rpcPostUnchecked(Client client, String action, Map<String, String> parameters) {
        try {
            return rpcPost(client, action, parameters);
        } catch (Exception e) {
            throw new AssertionError(action + " failed", e);
        }
    }
}
