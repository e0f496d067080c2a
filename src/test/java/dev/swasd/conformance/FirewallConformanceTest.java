package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.server.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firewall family through the official generic Java client {@code tea-openapi}, signing V1
 * with every action parameter in an {@code application/x-www-form-urlencoded} body, as the
 * Terraform provider's {@code RpcPost} sends them (spec/swas-breadth.md 1.1, 1.2), and every error
 * code the family answers.
 */
class FirewallConformanceTest {
    static final String R = "cn-hangzhou";
    private static TestServer server;
    private static Client client;
    private static String instance;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        server = TestServer.start();
        client = new Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http")
                .setSignatureAlgorithm("v2"));
        String linux = ((List<Map<String, Object>>)
                        form("ListImages", "RegionId", R, "ImageType", "system").get("Images"))
                .stream()
                        .filter(i -> "Linux".equals(i.get("Platform")))
                        .findFirst()
                        .orElseThrow()
                        .get("ImageId")
                        .toString();
        instance = ((List<String>) form(
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
                                "1",
                                "ChargeType",
                                "PrePaid")
                        .get("InstanceIds"))
                .getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** One call, its parameters in the form body (the query holds only the signature's). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> form(String action, String... kv) throws Exception {
        return form(client, action, kv);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> form(Client caller, String action, String... kv) throws Exception {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            body.put(kv[i], kv[i + 1]);
        }
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
        Map<String, ?> response = caller.callApi(params, new OpenApiRequest().setBody(body), new RuntimeOptions());
        assertThat(response.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) response.get("body");
    }

    static TeaException error(String action, String... kv) {
        return error(client, action, kv);
    }

    static TeaException error(Client caller, String action, String... kv) {
        return catchThrowableOfType(TeaException.class, () -> form(caller, action, kv));
    }

    static void expect(TeaException e, int status, String code, String message) {
        assertThat(e).as("an error answer").isNotNull();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.getMessage()).contains(message);
        }
    }

    static String token(String action) {
        String t = "TF-" + action + "-" + System.currentTimeMillis() / 1000 + "-" + UUID.randomUUID();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }

    /** The provider's read: ListFirewallRules with PageSize=10, page after page until a short one. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> terraformRead(String instanceId) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> body = form(
                    "ListFirewallRules",
                    "RegionId",
                    R,
                    "InstanceId",
                    instanceId,
                    "PageNumber",
                    Integer.toString(page),
                    "PageSize",
                    "10");
            assertThat(((Number) body.get("PageNumber")).intValue()).isEqualTo(page);
            assertThat(((Number) body.get("PageSize")).intValue()).isEqualTo(10);
            assertThat(body.get("TotalCount")).isInstanceOf(Number.class);
            List<Map<String, Object>> rules = (List<Map<String, Object>>) body.get("FirewallRules");
            all.addAll(rules);
            if (rules.size() < 10) {
                return all;
            }
        }
    }

    /** The provider's TCP→Tcp, UDP→Udp, TCP+UDP→TcpAndUdp. */
    static String terraformProtocol(Object service) {
        return switch (service.toString()) {
            case "TCP" -> "Tcp";
            case "UDP" -> "Udp";
            case "TCP+UDP" -> "TcpAndUdp";
            default -> service.toString();
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTerraformResourceCreatesReadsAndDeletesARule() throws Exception {
        String token = token("CreateFirewallRule");
        Map<String, Object> created = form(
                "CreateFirewallRule",
                "RegionId",
                R,
                "InstanceId",
                instance,
                "Port",
                "1024/1055",
                "RuleProtocol",
                "TcpAndUdp",
                "Remark",
                "tf-acc",
                "ClientToken",
                token);
        String firewallId = (String) created.get("FirewallId");
        assertThat(firewallId).matches("[0-9a-f]{32}");
        assertThat(created).containsOnlyKeys("RequestId", "FirewallId");
        // the provider's retry with its token: the same rule, not a second one
        assertThat(form(
                                "CreateFirewallRule",
                                "RegionId",
                                R,
                                "InstanceId",
                                instance,
                                "Port",
                                "1024/1055",
                                "RuleProtocol",
                                "TcpAndUdp",
                                "Remark",
                                "tf-acc",
                                "ClientToken",
                                token)
                        .get("FirewallId"))
                .isEqualTo(firewallId);

        String id = instance + ":" + firewallId;
        List<Map<String, Object>> rules = terraformRead(id.substring(0, id.indexOf(':')));
        assertThat(rules).extracting(r -> r.get("Port")).containsExactly("22", "80", "443", "1024/1055");
        Map<String, Object> rule = rules.stream()
                .filter(r -> firewallId.equals(r.get("RuleId")))
                .findFirst()
                .orElseThrow();
        assertThat(rule)
                .containsEntry("RuleProtocol", "TCP+UDP")
                .containsEntry("Remark", "tf-acc")
                .containsEntry("Policy", "accept")
                .containsEntry("SourceCidrIp", "0.0.0.0/0")
                .containsEntry("Tags", List.of());
        assertThat(terraformProtocol(rule.get("RuleProtocol"))).isEqualTo("TcpAndUdp");
        assertThat(rules.getFirst())
                .containsOnlyKeys("RuleId", "RuleProtocol", "Port", "SourceCidrIp", "Remark", "Policy", "Tags");

        form(
                "DeleteFirewallRule",
                "RuleId",
                firewallId,
                "InstanceId",
                instance,
                "RegionId",
                R,
                "ClientToken",
                token("DeleteFirewallRule"));
        assertThat(terraformRead(instance))
                .extracting(r -> r.get("RuleId"))
                .doesNotContain(firewallId)
                .hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchesToggleAndModifyOverTheWire() throws Exception {
        List<String> ids = (List<String>) form(
                        "CreateFirewallRules",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "FirewallRules",
                        "[{\"RuleProtocol\":\"UDP\",\"Port\":\"53\",\"SourceCidrIp\":\"10.0.0.0/8\","
                                + "\"Remark\":\"dns\"},{\"RuleProtocol\":\"ICMP\",\"Port\":\"-1/-1\"}]",
                        "Tag.1.Key",
                        "env",
                        "Tag.1.Value",
                        "test")
                .get("FirewallRuleIds");
        assertThat(ids).hasSize(2);
        Map<String, Object> tagged = form(
                "ListFirewallRules", "RegionId", R, "InstanceId", instance, "Tag.1.Key", "env", "Tag.1.Value", "test");
        assertThat((List<Map<String, Object>>) tagged.get("FirewallRules"))
                .extracting(r -> r.get("RuleId"))
                .containsExactlyElementsOf(ids);
        assertThat(((List<Map<String, Object>>) tagged.get("FirewallRules"))
                        .getFirst()
                        .get("Tags"))
                .isEqualTo(List.of(Map.of("Key", "env", "Value", "test")));

        form("DisableFirewallRule", "RegionId", R, "InstanceId", instance, "RuleId", ids.get(0));
        form(
                "ModifyFirewallRule",
                "RegionId",
                R,
                "InstanceId",
                instance,
                "RuleId",
                ids.get(1),
                "RuleProtocol",
                "Tcp",
                "Port",
                "8080",
                "SourceCidrIp",
                "47.101.1.2");
        Map<String, Object> one = ((List<Map<String, Object>>)
                        form("ListFirewallRules", "RegionId", R, "InstanceId", instance, "FirewallRuleId", ids.get(0))
                                .get("FirewallRules"))
                .getFirst();
        assertThat(one).containsEntry("Policy", "drop").containsEntry("Port", "53");
        form("EnableFirewallRule", "RegionId", R, "InstanceId", instance, "RuleId", ids.get(0));
        Map<String, Object> two = ((List<Map<String, Object>>)
                        form("ListFirewallRules", "RegionId", R, "InstanceId", instance, "FirewallRuleId", ids.get(1))
                                .get("FirewallRules"))
                .getFirst();
        assertThat(two)
                .containsEntry("RuleProtocol", "TCP")
                .containsEntry("Port", "8080")
                .containsEntry("SourceCidrIp", "47.101.1.2")
                .containsEntry("Policy", "accept");

        form("DeleteFirewallRules", "RegionId", R, "InstanceId", instance, "RuleIds", String.join(",", ids));
        assertThat(terraformRead(instance)).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyErrorCodeOfTheFamily() throws Exception {
        expect(
                error(
                        "CreateFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "Port",
                        "22",
                        "RuleProtocol",
                        "SCTP"),
                400,
                "InvalidProtocol.ValueNotSupported",
                "The specified parameter Protocol is invalid.");
        expect(
                error(
                        "CreateFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "Port",
                        "70000",
                        "RuleProtocol",
                        "TCP"),
                400,
                "InvalidPort.ValueNotSupported",
                "The specified parameter Port is invalid.");
        expect(
                error(
                        "CreateFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "Port",
                        "22",
                        "RuleProtocol",
                        "ICMP"),
                400,
                "InvalidPort.ValueNotSupported",
                null);
        expect(
                error(
                        "ModifyFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "RuleId",
                        "00000000000000000000000000000000",
                        "Port",
                        "22",
                        "RuleProtocol",
                        "TCP",
                        "SourceCidrIp",
                        "1.2.3.4/40"),
                400,
                "InvalidSourceCidrIp.ValueNotSupported",
                null);
        expect(
                error("CreateFirewallRule", "RegionId", R, "InstanceId", instance, "Port", "22", "RuleProtocol", "Tcp"),
                403,
                "FirewallRuleAlreadyExist",
                "The specified Rule already exist");
        expect(
                error(
                        "CreateFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        "00000000000000000000000000000000",
                        "Port",
                        "22",
                        "RuleProtocol",
                        "TCP"),
                404,
                "InvalidInstanceId.NotFound",
                "The specified InstanceId does not exist.");
        expect(
                error("ListFirewallRules", "RegionId", R, "InstanceId", "00000000000000000000000000000000"),
                404,
                "InvalidInstanceId.NotFound",
                null);
        expect(
                error(
                        "DeleteFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "RuleId",
                        "00000000000000000000000000000000"),
                404,
                "InvalidFirewallRuleId.NotFound",
                "The specified FirewallRuleId does not exist.");
        expect(
                error("EnableFirewallRule", "RegionId", R, "InstanceId", instance, "RuleId", "nope"),
                404,
                "InvalidFirewallRuleId.NotFound",
                null);
        expect(error("DeleteFirewallRules", "RegionId", R, "InstanceId", instance), 400, "MissingRuleIds", null);
        expect(error("CreateFirewallRules", "RegionId", R, "InstanceId", instance), 400, "MissingFirewallRules", null);
        expect(
                error("ListFirewallRules", "RegionId", R, "InstanceId", instance, "PageSize", "101"),
                400,
                "InvalidParameter",
                "PageSize");

        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 48; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"RuleProtocol\":\"UDP\",\"Port\":\"")
                    .append(20000 + i)
                    .append("\"}");
        }
        expect(
                error(
                        "CreateFirewallRules",
                        "RegionId",
                        R,
                        "InstanceId",
                        instance,
                        "FirewallRules",
                        json.append("]").toString()),
                403,
                "FirewallRuleLimitExceed",
                "The maximum number of firewall rules in an instance is exceeded.");
        assertThat(terraformRead(instance)).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ramAuthorizesRulesByTheirArn() throws Exception {
        List<Map<String, Object>> rules = terraformRead(instance);
        String http = (String) rules.get(1).get("RuleId");
        String https = (String) rules.get(2).get("RuleId");
        com.aliyun.ram20150501.Client ram = new com.aliyun.ram20150501.Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        ram.createUser(new CreateUserRequest().setUserName("firewall-operator"));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("firewall-operator"))
                .getBody()
                .getAccessKey();
        ram.createPolicy(new CreatePolicyRequest()
                .setPolicyName("ToggleHttp")
                .setPolicyDocument("{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                        + "[\"swas-open:DisableFirewallRule\", \"swas-open:EnableFirewallRule\"], \"Resource\": "
                        + "\"acs:swas-open:*:*:firewallrule/" + http + "\"}]}"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("ToggleHttp")
                .setUserName("firewall-operator"));
        Client user = new Client(new Config()
                .setAccessKeyId(key.getAccessKeyId())
                .setAccessKeySecret(key.getAccessKeySecret())
                .setEndpoint(server.endpoint())
                .setProtocol("http")
                .setSignatureAlgorithm("v2"));
        form(user, "DisableFirewallRule", "RegionId", R, "InstanceId", instance, "RuleId", http);
        form(user, "EnableFirewallRule", "RegionId", R, "InstanceId", instance, "RuleId", http);
        expect(
                error(user, "DisableFirewallRule", "RegionId", R, "InstanceId", instance, "RuleId", https),
                403,
                "Forbidden.RAM",
                "firewallrule/" + https);
        expect(
                error(user, "DeleteFirewallRules", "RegionId", R, "InstanceId", instance, "RuleIds", http),
                403,
                "Forbidden.RAM",
                null);
        assertThat(terraformRead(instance))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r).containsEntry("Policy", "accept"));
    }
}
