package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import dev.swasd.swas.console.ConsoleActions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Firewall templates and console access (spec/swas-breadth.md G6, G7) through the official generic
 * Java client {@code tea-openapi} in ACS3 signing, on a server with a state delay so that servers
 * start and apply tasks run as against the cloud: a user's script that applies a template to a
 * fleet and waits for the task, the console URLs fetched over HTTP from swasd and seen to expire,
 * RAM on the documented ARNs, and every error code of both families.
 */
class TemplatesAndConsoleConformanceTest {
    static final String R = "cn-hangzhou";
    static final Duration DELAY = Duration.ofSeconds(1);
    private static TestServer server;
    private static TeaClient swas;
    private static HttpClient http;
    private static List<String> fleet;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        server = TestServer.start(DELAY, Quotas.defaults());
        swas = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
        http = HttpClient.newHttpClient();
        String linux = ((List<Map<String, Object>>) swas.call("ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .stream()
                        .filter(i -> "Linux".equals(i.get("Platform")))
                        .findFirst()
                        .orElseThrow()
                        .get("ImageId")
                        .toString();
        fleet = (List<String>) swas.call(
                        "CreateInstances",
                        "RegionId",
                        R,
                        "ImageId",
                        linux,
                        "PlanId",
                        "swas.s2.c2m2s40b3t08",
                        "Period",
                        "1",
                        "Amount",
                        "3")
                .get("InstanceIds");
        waitFor(fleet, "Running");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @SuppressWarnings("unchecked")
    static void waitFor(List<String> ids, String status) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> st = (List<Map<String, Object>>) swas.call(
                            "ListInstanceStatus",
                            "RegionId",
                            R,
                            "InstanceIds",
                            "[\"" + String.join("\",\"", ids) + "\"]")
                    .get("InstanceStatuses");
            if (st.stream().allMatch(s -> status.equals(s.get("Status")))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("servers not " + status + ": " + ids);
    }

    static void expect(TeaException e, int status, String code, String message) {
        assertThat(e.getStatusCode()).as("status of %s", e.getCode()).isEqualTo(status);
        assertThat(e.getCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.getMessage()).contains(message);
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(String instanceId) {
        return (List<Map<String, Object>>)
                swas.call("ListFirewallRules", "RegionId", R, "InstanceId", instanceId, "PageSize", "100")
                        .get("FirewallRules");
    }

    /** The user's script: one template for the fleet, applied, and the task watched until it ends. */
    @Test
    @SuppressWarnings("unchecked")
    void aUserAppliesATemplateToAFleetAndWatchesTheTaskFinish() throws Exception {
        String template = (String) swas.call(
                        "CreateFirewallTemplate",
                        "RegionId",
                        R,
                        "Name",
                        "fleet",
                        "Description",
                        "what every web server opens",
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "8080",
                        "FirewallRule.1.Remark",
                        "app",
                        "FirewallRule.2.RuleProtocol",
                        "TCP",
                        "FirewallRule.2.Port",
                        "22",
                        "FirewallRule.2.SourceCidrIp",
                        "0.0.0.0/0",
                        "FirewallRule.2.Remark",
                        "ssh (template)")
                .get("FirewallTemplateId");
        String task = (String) swas.call(
                        "ApplyFirewallTemplate",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        template,
                        "InstanceIds.1",
                        fleet.get(0),
                        "InstanceIds.2",
                        fleet.get(1),
                        "InstanceIds.3",
                        fleet.get(2))
                .get("TaskId");
        List<String> seen = new ArrayList<>();
        Map<String, Object> result;
        do {
            Map<String, Object> page = swas.call(
                    "DescribeFirewallTemplateApplyResults",
                    "RegionId",
                    R,
                    "FirewallTemplateId",
                    template,
                    "TaskId.1",
                    task);
            assertThat(page)
                    .containsEntry("TotalCount", "1")
                    .containsEntry("PageNumber", "1")
                    .containsEntry("PageSize", "20");
            result = ((List<Map<String, Object>>) page.get("data")).getFirst();
            seen.add((String) result.get("Status"));
            if ("Running".equals(result.get("Status"))) {
                Thread.sleep(200);
            }
        } while ("Running".equals(result.get("Status")));
        assertThat(seen.getFirst()).isEqualTo("Running");
        assertThat(seen.getLast()).isEqualTo("Success");
        assertThat(result)
                .containsEntry("TotalCount", "3")
                .containsEntry("FailedCount", "0")
                .containsEntry("FirewallTemplateId", template)
                .containsEntry("TaskId", task);
        assertThat((List<Map<String, Object>>) result.get("InstanceApplyResults"))
                .extracting(r -> r.get("InstanceId") + " " + r.get("Status"))
                .containsExactly(fleet.get(0) + " Success", fleet.get(1) + " Success", fleet.get(2) + " Success");
        for (String id : fleet) {
            assertThat(rules(id))
                    .extracting(r -> r.get("Port") + " " + r.get("Remark") + " " + r.get("Policy"))
                    .containsExactly(
                            "22 ssh (template) accept", "80 HTTP accept", "443 HTTPS accept", "8080 app accept");
            List<Map<String, Object>> perRule = (List<Map<String, Object>>) swas.call(
                            "DescribeFirewallTemplateRulesApplyResult",
                            "RegionId",
                            R,
                            "FirewallTemplateId",
                            template,
                            "TaskId",
                            task,
                            "InstanceId",
                            id)
                    .get("data");
            assertThat(perRule)
                    .extracting(r -> r.get("Port") + " " + r.get("Success"))
                    .containsExactly("8080 true", "22 true");
        }
        // the template changes afterwards; the servers keep what was applied
        swas.call("DeleteFirewallTemplates", "RegionId", R, "FirewallTemplateId.1", template);
        assertThat(rules(fleet.get(0))).hasSize(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void consoleUrlsAreFetchedFromSwasdAndExpire() throws Exception {
        String id = fleet.get(0);
        String encoded = (String) swas.call("DescribeInstanceVncUrl", "RegionId", R, "InstanceId", id)
                .get("VncUrl");
        assertThat(encoded).startsWith("ws%3A%2F%2F127.0.0.1%3A" + server.port() + "%2Fconsole-session%2F");
        String vnc = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        HttpResponse<String> page = get(vnc.replaceFirst("^ws:", "http:"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swasd emulates", "the VNC console of server " + id);

        String login = (String) swas.call(
                        "LoginInstance",
                        "RegionId",
                        R,
                        "InstanceId",
                        id,
                        "Username",
                        "root",
                        "Password",
                        "Passw0rd!",
                        "Port",
                        "22")
                .get("RedirectUrl");
        assertThat(login).startsWith("http://127.0.0.1:" + server.port() + "/console-session/");
        assertThat(get(login).body()).contains("the Workbench login page of server " + id);

        Map<String, Object> terminal = swas.call("StartTerminalSession", "RegionId", R, "InstanceId", id);
        assertThat((String) terminal.get("SessionId"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String ws = (String) terminal.get("WebSocketUrl");
        assertThat(ws)
                .isEqualTo("ws://127.0.0.1:" + server.port() + "/console-session/" + terminal.get("SecurityToken"));
        assertThat(get(ws.replaceFirst("^ws:", "http:")).body()).contains("the terminal session of server " + id);

        assertThat(get("http://" + server.endpoint() + "/console-session/not-a-token")
                        .statusCode())
                .isEqualTo(404);
        String forged = vnc.substring(0, vnc.length() - 3) + (vnc.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(get(forged.replaceFirst("^ws:", "http:")).statusCode()).isEqualTo(404);

        // 15 seconds after it was handed out the session is gone
        Thread.sleep(ConsoleActions.SESSION_LIFETIME.toMillis() + 500);
        HttpResponse<String> expired = get(vnc.replaceFirst("^ws:", "http:"));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
    }

    /** Through the regional endpoint name (swasd reached as through a proxy, so the Host header is that name). */
    @Test
    void urlsTakeTheHostTheClientCalledAndTheGatewayChecksTheRegion() {
        TeaClient hangzhou = new TeaClient(
                "swas.cn-hangzhou.aliyuncs.com",
                "http://" + server.endpoint(),
                TestServer.ROOT_KEY_ID,
                TestServer.ROOT_SECRET,
                "v3",
                "2020-06-01");
        String vnc = URLDecoder.decode(
                (String) hangzhou.call("DescribeInstanceVncUrl", "RegionId", R, "InstanceId", fleet.get(0))
                        .get("VncUrl"),
                StandardCharsets.UTF_8);
        assertThat(vnc).startsWith("ws://swas.cn-hangzhou.aliyuncs.com/console-session/");
        TeaClient shanghai = new TeaClient(
                "swas.cn-shanghai.aliyuncs.com",
                "http://" + server.endpoint(),
                TestServer.ROOT_KEY_ID,
                TestServer.ROOT_SECRET,
                "v3",
                "2020-06-01");
        expect(
                shanghai.error(
                        "ModifyInstanceVncPassword",
                        "RegionId",
                        R,
                        "InstanceId",
                        fleet.get(0),
                        "VncPassword",
                        "abc123"),
                400,
                "RegionIdNotMatchHost",
                "The parameter regionId does not match the endpoint host.");
    }

    @Test
    void passwordsSettingFollowsTheSettersOverTheWire() {
        String id = fleet.get(1);
        swas.call("UpdateInstanceAttribute", "RegionId", R, "InstanceId", id, "Password", "Passw0rd!");
        swas.call("ModifyInstanceVncPassword", "RegionId", R, "InstanceId", id, "VncPassword", "Ab12cd");
        assertThat(swas.call("DescribeInstancePasswordsSetting", "RegionId", R, "InstanceId", id))
                .containsEntry("InstancePasswordSetting", true)
                .containsEntry("VncPasswordSetting", true);
        assertThat(swas.call("DescribeInstancePasswordsSetting", "RegionId", R, "InstanceId", fleet.get(2)))
                .containsEntry("InstancePasswordSetting", false)
                .containsEntry("VncPasswordSetting", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyErrorCodeOfBothFamilies() throws Exception {
        String nobody = "00000000000000000000000000000000";
        String t = (String) swas.call(
                        "CreateFirewallTemplate",
                        "RegionId",
                        R,
                        "Name",
                        "errors",
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "9000")
                .get("FirewallTemplateId");
        // the Terraform provider's spellings are taken on template rules as on server rules
        Map<String, Object> added = ((List<Map<String, Object>>) swas.call(
                                "CreateFirewallTemplateRules",
                                "RegionId",
                                R,
                                "FirewallTemplateId",
                                t,
                                "FirewallRule.1.RuleProtocol",
                                "TcpAndUdp",
                                "FirewallRule.1.Port",
                                "7000/7001")
                        .get("FirewallTemplateRules"))
                .getFirst();
        assertThat(added).containsEntry("RuleProtocol", "TCP+UDP").containsEntry("SourceCidrIp", "0.0.0.0/0");
        expect(
                swas.error(
                        "CreateFirewallTemplate",
                        "RegionId",
                        R,
                        "Name",
                        "x",
                        "FirewallRule.1.RuleProtocol",
                        "SCTP",
                        "FirewallRule.1.Port",
                        "1"),
                400,
                "InvalidProtocol.ValueNotSupported",
                "The specified parameter Protocol is invalid.");
        expect(
                swas.error(
                        "CreateFirewallTemplateRules",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "70000"),
                400,
                "InvalidPort.ValueNotSupported",
                "The specified parameter Port is invalid.");
        expect(
                swas.error(
                        "CreateFirewallTemplateRules",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "1",
                        "FirewallRule.1.SourceCidrIp",
                        "10.0.0.0/33"),
                400,
                "InvalidSourceCidrIp.ValueNotSupported",
                null);
        expect(
                swas.error(
                        "CreateFirewallTemplateRules",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "9000"),
                403,
                "FirewallRuleAlreadyExist",
                "The specified Rule already exist");
        List<Object> many = new ArrayList<>();
        for (int i = 1; i <= 49; i++) {
            many.addAll(List.of(
                    "FirewallRule." + i + ".RuleProtocol",
                    "UDP",
                    "FirewallRule." + i + ".Port",
                    Integer.toString(10000 + i)));
        }
        List<Object> args = new ArrayList<>(List.of("RegionId", R, "FirewallTemplateId", t));
        args.addAll(many);
        expect(swas.error("CreateFirewallTemplateRules", args.toArray()), 403, "FirewallRuleLimitExceed", null);
        expect(
                swas.error(
                        "ModifyFirewallTemplate",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        "ft-nosuchtemplate0000",
                        "Name",
                        "x"),
                404,
                "InvalidFirewallTemplateId.NotFound",
                "The specified FirewallTemplateId does not exist.");
        expect(
                swas.error(
                        "DeleteFirewallTemplateRules",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "FirewallTemplateRuleId.1",
                        nobody),
                404,
                "InvalidFirewallTemplateRuleId.NotFound",
                null);
        List<Object> eleven = new ArrayList<>(List.of("RegionId", R, "FirewallTemplateId", t));
        for (int i = 1; i <= 11; i++) {
            eleven.addAll(List.of("InstanceIds." + i, String.format("%032d", i)));
        }
        expect(swas.error("ApplyFirewallTemplate", eleven.toArray()), 400, "InvalidParameter", "InstanceIds");
        String task = (String)
                swas.call("ApplyFirewallTemplate", "RegionId", R, "FirewallTemplateId", t, "InstanceIds.1", nobody)
                        .get("TaskId");
        expect(
                swas.error(
                        "DescribeFirewallTemplateRulesApplyResult",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "TaskId",
                        "aft-nosuchtask0000000",
                        "InstanceId",
                        nobody),
                404,
                "InvalidTaskId.NotFound",
                null);
        expect(
                swas.error(
                        "DescribeFirewallTemplateRulesApplyResult",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "TaskId",
                        task,
                        "InstanceId",
                        fleet.get(0)),
                404,
                "InvalidInstanceId.NotFound",
                null);
        Thread.sleep(DELAY.toMillis() + 200);
        Map<String, Object> failed = ((List<Map<String, Object>>)
                        swas.call("DescribeFirewallTemplateApplyResults", "RegionId", R, "TaskId.1", task)
                                .get("data"))
                .getFirst();
        assertThat(failed).containsEntry("Status", "Failed").containsEntry("FailedCount", "1");

        expect(
                swas.error(
                        "ModifyInstanceVncPassword",
                        "RegionId",
                        R,
                        "InstanceId",
                        fleet.get(2),
                        "VncPassword",
                        "abc1234"),
                400,
                "InvalidPassword.ValueNotSupported",
                "The specified parameter Password is invalid.");
        expect(
                swas.error("ModifyInstanceVncPassword", "RegionId", R, "InstanceId", nobody, "VncPassword", "abc123"),
                404,
                "InvalidInstanceId.NotFound",
                "The specified InstanceId does not exist.");
        expect(
                swas.error("DescribeInstancePasswordsSetting", "RegionId", R, "InstanceId", nobody),
                404,
                "InvalidInstanceId.NotFound",
                null);
        expect(
                swas.error("LoginInstance", "RegionId", R, "InstanceId", nobody),
                404,
                "InvalidInstanceId.NotFound",
                null);
        String stopped = fleet.get(2);
        swas.call("StopInstance", "RegionId", R, "InstanceId", stopped);
        expect(
                swas.error("DescribeInstanceVncUrl", "RegionId", R, "InstanceId", stopped),
                403,
                "IncorrectInstanceStatus",
                "The state of the current instance does not support this operation.");
        expect(
                swas.error("StartTerminalSession", "RegionId", R, "InstanceId", stopped),
                403,
                "IncorrectInstanceStatus",
                null);
        waitFor(List.of(stopped), "Stopped");
        swas.call("StartInstance", "RegionId", R, "InstanceId", stopped);
        waitFor(List.of(stopped), "Running");
    }

    @Test
    void ramAuthorizesApplyOnTheTemplateAndEveryServer() throws Exception {
        String t = (String) swas.call("CreateFirewallTemplate", "RegionId", R, "Name", "ram")
                .get("FirewallTemplateId");
        Client ram = new Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        ram.createUser(new CreateUserRequest().setUserName("fleet-operator"));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("fleet-operator"))
                .getBody()
                .getAccessKey();
        ram.createPolicy(new CreatePolicyRequest()
                .setPolicyName("ApplyToOne")
                .setPolicyDocument("{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                        + "\"swas-open:ApplyFirewallTemplate\", \"Resource\": [\"acs:swas-open:*:*:firewalltemplate/"
                        + t + "\", \"acs:swas-open:*:*:instance/" + fleet.get(0) + "\"]}, {\"Effect\": \"Allow\", "
                        + "\"Action\": \"swas-open:StartTerminalSession\", \"Resource\": \"*\"}]}"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("ApplyToOne")
                .setUserName("fleet-operator"));
        TeaClient user = TeaClient.swas(server.endpoint(), key.getAccessKeyId(), key.getAccessKeySecret(), "v3");
        assertThat(user.call(
                                "ApplyFirewallTemplate",
                                "RegionId",
                                R,
                                "FirewallTemplateId",
                                t,
                                "InstanceIds.1",
                                fleet.get(0))
                        .get("TaskId"))
                .asString()
                .startsWith("aft-");
        expect(
                user.error(
                        "ApplyFirewallTemplate",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        t,
                        "InstanceIds.1",
                        fleet.get(0),
                        "InstanceIds.2",
                        fleet.get(1)),
                403,
                "Forbidden.RAM",
                "instance/" + fleet.get(1));
        expect(user.error("CreateFirewallTemplate", "RegionId", R, "Name", "not allowed"), 403, "Forbidden.RAM", null);
        assertThat(user.call("StartTerminalSession", "RegionId", R, "InstanceId", fleet.get(1)))
                .containsKey("WebSocketUrl");
    }
}
