package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudAssistantAttributesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudAssistantStatusRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudMonitorAgentStatusesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeSecurityAgentStatusRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.InstallCloudAssistantRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.InstallCloudMonitorAgentRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantAttributesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantStatusResponse;
import dev.swasd.swas.agents.AgentActions;
import dev.swasd.swas.instances.InstanceService;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agents of a server (spec/swas-breadth.md G8, G9): Cloud Assistant and Security Center follow the
 * server's state; the CloudMonitor agent goes not_installed → installing → running and is stopped while its
 * server is.
 */
class AgentRulesTest {
    static final long DELAY = 2_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    DomainFixture f;
    AgentActions agents;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, DELAY, Quotas.defaults());
        agents = f.module(AgentActions.class);
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", DomainFixture.ACCOUNT, null, f.now, tx)));
    }

    void settle() {
        f.now += DELAY;
    }

    void power(String id, InstanceService.Power p) {
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(id), p));
        settle();
    }

    static JsonNode ids(String... ids) {
        return JSON.valueToTree(List.of(ids));
    }

    DescribeCloudAssistantStatusResponse assistant(JsonNode ids, Long pageNumber, Long pageSize) {
        return call(c -> agents.describeCloudAssistantStatus(
                c,
                DescribeCloudAssistantStatusRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceIds(ids)
                        .pageNumber(pageNumber)
                        .pageSize(pageSize)
                        .build()));
    }

    boolean online(String id) {
        return assistant(ids(id), null, null).cloudAssistantStatus().getFirst().status();
    }

    DescribeCloudAssistantAttributesResponse.CloudAssistant attributes(String id) {
        return call(c -> agents.describeCloudAssistantAttributes(
                        c,
                        DescribeCloudAssistantAttributesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceIds(ids(id))
                                .build()))
                .cloudAssistant()
                .getFirst();
    }

    String monitor(String id) {
        return call(c -> agents.describeCloudMonitorAgentStatuses(
                        c,
                        DescribeCloudMonitorAgentStatusesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceIds(List.of(id))
                                .build()))
                .instanceStatusList()
                .getFirst()
                .status();
    }

    void installMonitor(String id, Boolean force) {
        call(c -> agents.installCloudMonitorAgent(
                c,
                InstallCloudMonitorAgentRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(id)
                        .force(force)
                        .build()));
    }

    void installAssistant(JsonNode ids) {
        call(c -> agents.installCloudAssistant(
                c,
                InstallCloudAssistantRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceIds(ids)
                        .build()));
    }

    String security(String id) {
        return call(c -> agents.describeSecurityAgentStatus(
                        c,
                        DescribeSecurityAgentStatusRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(id)
                                .build()))
                .clientStatus();
    }

    @Test
    void cloudAssistantAndSecurityAgentAreOnlineExactlyWhileTheServerRuns() {
        String s = f.server();
        assertThat(online(s)).as("a Pending server's agent").isFalse();
        assertThat(security(s)).isEqualTo("offline");
        settle();
        assertThat(online(s)).isTrue();
        assertThat(security(s)).isEqualTo("online");
        DescribeCloudAssistantAttributesResponse.CloudAssistant a = attributes(s);
        assertThat(a.cloudAssistantStatus()).isEqualTo("true");
        assertThat(a.oSType()).isEqualTo("Linux");
        assertThat(a.cloudAssistantVersion()).isNotBlank();
        assertThat(a.lastHeartbeatTime()).isEqualTo(Shapes.time(f.now / 60_000 * 60_000));
        power(s, InstanceService.Power.STOP);
        assertThat(online(s)).as("a Stopped server's agent").isFalse();
        assertThat(security(s)).isEqualTo("offline");
        assertThat(attributes(s).cloudAssistantStatus()).isEqualTo("false");
        assertThat(attributes(s).lastHeartbeatTime()).isEmpty();
        power(s, InstanceService.Power.START);
        assertThat(online(s)).isTrue();
        code(fails(() -> security("0123456789abcdef0123456789abcdef")), 404, "InvalidInstanceId.NotFound");
    }

    @Test
    void aWindowsServersAssistantSaysWindows() {
        String w = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.WINDOWS, DomainFixture.PLAN, 1, 1, false, null, 0, null)))
                .getFirst();
        assertThat(attributes(w).oSType()).isEqualTo("Windows");
    }

    @Test
    void statusPagesOverTheCallersServersAndLeavesOutOthers() {
        List<String> servers = f.servers(3);
        DescribeCloudAssistantStatusResponse first = assistant(null, 1L, 2L);
        assertThat(first.cloudAssistantStatus()).hasSize(2);
        assertThat(first.totalCount()).isEqualTo(3);
        assertThat(assistant(null, 2L, 2L).cloudAssistantStatus()).hasSize(1);
        assertThat(assistant(ids(servers.get(0), "0123456789abcdef0123456789abcdef"), null, null)
                        .cloudAssistantStatus())
                .extracting(s -> s.instanceId())
                .containsExactly(servers.get(0));
        assertThat(assistant(null, null, null).pageSize()).isEqualTo(10);
        code(fails(() -> assistant(null, 1L, 51L)), 400, "InvalidParameter");
        code(fails(() -> assistant(null, 0L, 10L)), 400, "InvalidParameter");
        code(fails(() -> assistant(JSON.valueToTree(java.util.Map.of("a", 1)), null, null)), 400, "InvalidParameter");
        code(fails(() -> assistant(JSON.valueToTree(List.of(1, 2)), null, null)), 400, "InvalidParameter");
    }

    @Test
    void installingCloudAssistantNeedsRunningServersAndChangesNothing() {
        List<String> servers = f.servers(2);
        code(fails(() -> installAssistant(ids(servers.get(0)))), 403, "IncorrectInstanceStatus");
        settle();
        installAssistant(ids(servers.get(0), servers.get(1)));
        installAssistant(ids(servers.get(0)));
        assertThat(online(servers.get(0))).isTrue();
        code(
                fails(() -> installAssistant(ids(servers.get(0), "0123456789abcdef0123456789abcdef"))),
                404,
                "InvalidInstanceId.NotFound");
        code(fails(() -> installAssistant(ids())), 400, "InvalidParameter");
        code(
                fails(() -> installAssistant(JSON.valueToTree(java.util.Collections.nCopies(21, servers.get(0))))),
                400,
                "InvalidParameter");
        power(servers.get(1), InstanceService.Power.STOP);
        code(fails(() -> installAssistant(ids(servers.get(0), servers.get(1)))), 403, "IncorrectInstanceStatus");
    }

    @Test
    void theMonitorAgentIsInstalledThenRunsAndStopsWithItsServer() {
        String s = f.server();
        assertThat(monitor(s)).isEqualTo("not_installed");
        code(fails(() -> installMonitor(s, null)), 403, "IncorrectInstanceStatus");
        settle();
        installMonitor(s, null);
        assertThat(monitor(s)).isEqualTo("installing");
        settle();
        assertThat(monitor(s)).isEqualTo("running");
        installMonitor(s, false);
        assertThat(monitor(s))
                .as("installed already: nothing to do without Force")
                .isEqualTo("running");
        installMonitor(s, true);
        assertThat(monitor(s)).as("Force installs it again").isEqualTo("installing");
        settle();
        assertThat(monitor(s)).isEqualTo("running");
        power(s, InstanceService.Power.STOP);
        assertThat(monitor(s)).isEqualTo("stopped");
        code(fails(() -> installMonitor(s, true)), 403, "IncorrectInstanceStatus");
        power(s, InstanceService.Power.START);
        assertThat(monitor(s)).isEqualTo("running");
        code(fails(() -> installMonitor("0123456789abcdef0123456789abcdef", null)), 404, "InvalidInstanceId.NotFound");
        assertThat(call(c -> agents.describeCloudMonitorAgentStatuses(
                                c,
                                DescribeCloudMonitorAgentStatusesRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .instanceIds(List.of(s, "0123456789abcdef0123456789abcdef", s))
                                        .build()))
                        .instanceStatusList())
                .singleElement()
                .satisfies(i -> assertThat(i.autoInstall()).isFalse());
    }

    @Test
    void anotherAccountsServerIsNotFound() {
        String s = f.server();
        settle();
        code(
                fails(() -> f.tx(tx -> agents.describeSecurityAgentStatus(
                        new Call("req", "9999999999999999", null, f.now, tx),
                        DescribeSecurityAgentStatusRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(s)
                                .build()))),
                404,
                "InvalidInstanceId.NotFound");
    }
}
