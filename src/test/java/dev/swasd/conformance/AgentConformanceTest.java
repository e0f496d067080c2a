package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.TestDatabases;
import dev.swasd.embedded.EmbeddedSwasd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agents of a server through the official generic Java client {@code tea-openapi}, in ACS3 and V1
 * signing, against an embedded server whose clock the test moves past the state delay: Cloud Assistant and
 * the Security Center agent are online exactly while the server runs, the CloudMonitor agent goes
 * not_installed → installing → running and is stopped with its server; every refusal of the family.
 */
class AgentConformanceTest {
    static final String R = "cn-hangzhou";
    static final String NO_SERVER = "0123456789abcdef0123456789abcdef";
    static final Duration DELAY = Duration.ofMinutes(1);
    static EmbeddedSwasd swasd;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("swasd-agents");
        swasd = EmbeddedSwasd.builder()
                .stateDelay(DELAY)
                .databaseUrl(TestDatabases.fresh(dir, "swasd"), null, null)
                .start();
    }

    @AfterAll
    static void stop() {
        swasd.close();
    }

    @BeforeEach
    void reset() {
        swasd.reset();
    }

    static void settle() {
        swasd.advanceClock(DELAY.plusSeconds(1));
    }

    @SuppressWarnings("unchecked")
    static String server(TeaClient c) {
        List<Map<String, Object>> images = (List<Map<String, Object>>)
                c.call("ListImages", "RegionId", R, "ImageType", "system").get("Images");
        String linux = (String) images.stream()
                .filter(i -> "Linux".equals(i.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("ImageId");
        return ((List<String>) c.call(
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
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> assistant(TeaClient c, String id) {
        Map<String, Object> body =
                c.call("DescribeCloudAssistantStatus", "RegionId", R, "InstanceIds", "[\"" + id + "\"]");
        assertThat(((Number) body.get("TotalCount")).intValue()).isEqualTo(1);
        return ((List<Map<String, Object>>) body.get("CloudAssistantStatus")).getFirst();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(TeaClient c, String id) {
        return ((List<Map<String, Object>>)
                        c.call("DescribeCloudAssistantAttributes", "RegionId", R, "InstanceIds", "[\"" + id + "\"]")
                                .get("CloudAssistant"))
                .getFirst();
    }

    @SuppressWarnings("unchecked")
    static String monitor(TeaClient c, String id) {
        List<Map<String, Object>> list = (List<Map<String, Object>>)
                c.call("DescribeCloudMonitorAgentStatuses", "RegionId", R, "InstanceIds", "[\"" + id + "\"]")
                        .get("InstanceStatusList");
        assertThat(list).singleElement().satisfies(i -> assertThat(i).containsEntry("AutoInstall", false));
        return (String) list.getFirst().get("Status");
    }

    static String security(TeaClient c, String id) {
        return (String) c.call("DescribeSecurityAgentStatus", "RegionId", R, "InstanceId", id)
                .get("ClientStatus");
    }

    static void refused(TeaClient c, int status, String code, String action, Object... kv) {
        TeaException e = c.error(action, kv);
        assertThat(e.getStatusCode()).as(action + ": " + e.getMessage()).isEqualTo(status);
        assertThat(e.getCode()).as(action + ": " + e.getMessage()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void agentsFollowTheServerAndTheMonitorAgentInstalls(String signing) {
        TeaClient c = TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), signing);
        String s = server(c);
        assertThat(assistant(c, s)).containsEntry("InstanceId", s).containsEntry("Status", false);
        assertThat(monitor(c, s)).isEqualTo("not_installed");
        refused(c, 403, "IncorrectInstanceStatus", "InstallCloudMonitorAgent", "RegionId", R, "InstanceId", s);
        refused(
                c,
                403,
                "IncorrectInstanceStatus",
                "InstallCloudAssistant",
                "RegionId",
                R,
                "InstanceIds",
                "[\"" + s + "\"]");
        settle();

        assertThat(assistant(c, s)).containsEntry("Status", true);
        assertThat(attributes(c, s))
                .containsEntry("InstanceId", s)
                .containsEntry("CloudAssistantStatus", "true")
                .containsEntry("OSType", "Linux")
                .containsEntry("SupportSessionManager", true)
                .containsKey("CloudAssistantVersion")
                .containsKey("LastHeartbeatTime");
        assertThat(security(c, s)).isEqualTo("online");
        c.call("InstallCloudAssistant", "RegionId", R, "InstanceIds", "[\"" + s + "\"]");
        assertThat(assistant(c, s)).containsEntry("Status", true);

        c.call("InstallCloudMonitorAgent", "RegionId", R, "InstanceId", s);
        assertThat(monitor(c, s)).isEqualTo("installing");
        settle();
        assertThat(monitor(c, s)).isEqualTo("running");
        c.call("InstallCloudMonitorAgent", "RegionId", R, "InstanceId", s, "Force", "true");
        assertThat(monitor(c, s)).isEqualTo("installing");
        settle();

        c.call("StopInstance", "RegionId", R, "InstanceId", s);
        settle();
        assertThat(assistant(c, s)).as("a Stopped server's agents are offline").containsEntry("Status", false);
        assertThat(attributes(c, s)).containsEntry("CloudAssistantStatus", "false");
        assertThat(security(c, s)).isEqualTo("offline");
        assertThat(monitor(c, s)).isEqualTo("stopped");

        c.call("StartInstance", "RegionId", R, "InstanceId", s);
        settle();
        assertThat(assistant(c, s)).containsEntry("Status", true);
        assertThat(monitor(c, s)).isEqualTo("running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void refusals(String signing) {
        TeaClient c = TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), signing);
        String s = server(c);
        settle();
        refused(c, 400, "InvalidParameter", "DescribeCloudAssistantStatus", "RegionId", R, "PageSize", "51");
        refused(c, 400, "InvalidParameter", "DescribeCloudAssistantAttributes", "RegionId", R, "InstanceIds", "{}");
        refused(
                c,
                400,
                "InvalidParameter",
                "DescribeCloudAssistantAttributes",
                "RegionId",
                R,
                "InstanceIds",
                "[\"" + s + "\"]",
                "PageSize",
                "0");
        refused(c, 400, "InvalidParameter", "InstallCloudAssistant", "RegionId", R, "InstanceIds", "[]");
        refused(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "InstallCloudAssistant",
                "RegionId",
                R,
                "InstanceIds",
                "[\"" + NO_SERVER + "\"]");
        refused(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "InstallCloudMonitorAgent",
                "RegionId",
                R,
                "InstanceId",
                NO_SERVER);
        refused(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "DescribeSecurityAgentStatus",
                "RegionId",
                R,
                "InstanceId",
                NO_SERVER);
        refused(c, 400, "MissingInstanceIds", "DescribeCloudMonitorAgentStatuses", "RegionId", R);
        refused(c, 400, "MissingInstanceIds", "DescribeCloudAssistantAttributes", "RegionId", R);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> none = (List<Map<String, Object>>)
                c.call("DescribeCloudMonitorAgentStatuses", "RegionId", R, "InstanceIds", "[\"" + NO_SERVER + "\"]")
                        .get("InstanceStatusList");
        assertThat(none)
                .as("another account's or an unknown server is left out")
                .isNullOrEmpty();
    }
}
