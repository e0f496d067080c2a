package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.ram20150501.models.AddUserToGroupRequest;
import com.aliyun.ram20150501.models.AttachPolicyToGroupRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateGroupRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.server.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SimulatePrincipalPolicy (swasd's RAM extension, API version 2015-05-01) through the official
 * generic Java client {@code tea-openapi}: allow through a group's policy, an explicit deny of the
 * user's own, an implicit deny, system policies, {@code acs:SourceIp}, unknown users and groups,
 * bad parameters, and RAM on the simulator itself; and the simulated decision is the one the
 * server then gives the user's real calls.
 */
class PolicySimulatorConformanceTest {
    static final String R = "cn-hangzhou";
    static final String A = TestServer.ACCOUNT_ID;
    private static TestServer server;
    private static Client root;
    private static String aliceKey;
    private static String aliceSecret;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        root = client(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
        com.aliyun.ram20150501.Client ram = new com.aliyun.ram20150501.Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        ram.createUser(new CreateUserRequest().setUserName("sim-alice"));
        ram.createUser(new CreateUserRequest().setUserName("sim-bob"));
        ram.createUser(new CreateUserRequest().setUserName("sim-reader"));
        ram.createGroup(new CreateGroupRequest().setGroupName("sim-ops"));
        ram.addUserToGroup(new AddUserToGroupRequest().setUserName("sim-alice").setGroupName("sim-ops"));
        ram.createPolicy(new CreatePolicyRequest()
                .setPolicyName("SimOps")
                .setPolicyDocument("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"swas-open:*\",\"Resource\":\"*\"}]}"));
        ram.attachPolicyToGroup(new AttachPolicyToGroupRequest()
                .setPolicyType("Custom")
                .setPolicyName("SimOps")
                .setGroupName("sim-ops"));
        ram.createPolicy(new CreatePolicyRequest()
                .setPolicyName("SimNoStop")
                .setPolicyDocument("{\"Version\":\"1\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":\"ram:GetUser\",\"Resource\":\"*\","
                        + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"192.0.2.0/24\"}}},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"swas-open:StopInstance\",\"Resource\":\"*\"}]}"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("SimNoStop")
                .setUserName("sim-alice"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("System")
                .setPolicyName("AliyunSWASReadOnlyAccess")
                .setUserName("sim-reader"));
        ram.createPolicy(new CreatePolicyRequest()
                .setPolicyName("SimulateAlice")
                .setPolicyDocument("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ram:SimulatePrincipalPolicy\",\"Resource\":\"acs:ram:*:*:user/sim-alice\"}]}"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("SimulateAlice")
                .setUserName("sim-reader"));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("sim-alice"))
                .getBody()
                .getAccessKey();
        aliceKey = key.getAccessKeyId();
        aliceSecret = key.getAccessKeySecret();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Client client(String keyId, String secret) throws Exception {
        return new Client(new Config()
                .setAccessKeyId(keyId)
                .setAccessKeySecret(secret)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Client c, String version, String action, String... kv) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            query.put(kv[i], kv[i + 1]);
        }
        Params params = new Params()
                .setAction(action)
                .setVersion(version)
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        Map<String, ?> response = c.callApi(params, new OpenApiRequest().setQuery(query), new RuntimeOptions());
        assertThat(response.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) response.get("body");
    }

    static Map<String, Object> simulate(Client c, String... kv) throws Exception {
        return call(c, "2015-05-01", "SimulatePrincipalPolicy", kv);
    }

    static TeaException fails(Client c, String... kv) {
        TeaException e = catchThrowableOfType(TeaException.class, () -> simulate(c, kv));
        assertThat(e).isNotNull();
        return e;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> matched(Map<String, Object> body) {
        return (Map<String, Object>) body.get("MatchedStatement");
    }

    @Test
    void allowsThroughTheGroupsPolicyAndTheRealCallIsAllowedToo() throws Exception {
        Map<String, Object> r = simulate(
                root, "PrincipalType", "User", "PrincipalName", "sim-alice", "ActionName", "swas-open:ListInstances");
        assertThat(r.get("Decision")).isEqualTo("Allow");
        assertThat(r.get("RequestId")).isNotNull();
        assertThat(matched(r)).containsEntry("PolicyName", "SimOps").containsEntry("PolicyType", "Custom");
        assertThat(((Number) matched(r).get("StatementIndex")).intValue()).isZero();
        assertThat((String) r.get("Explanation")).startsWith("Allow").contains("SimOps");
        // what the simulator says is what the server does
        call(client(aliceKey, aliceSecret), "2020-06-01", "ListInstances", "RegionId", R);
    }

    @Test
    void theUsersExplicitDenyWinsAndTheRealCallIsRefused() throws Exception {
        String arn = "acs:swas-open:" + R + ":" + A + ":instance/00000000000000000000000000000000";
        Map<String, Object> r = simulate(
                root,
                "PrincipalType",
                "User",
                "PrincipalName",
                "sim-alice",
                "ActionName",
                "swas-open:StopInstance",
                "ResourceArn",
                arn);
        assertThat(r.get("Decision")).isEqualTo("ExplicitDeny");
        assertThat(matched(r)).containsEntry("PolicyName", "SimNoStop").containsEntry("PolicyType", "Custom");
        assertThat(((Number) matched(r).get("StatementIndex")).intValue()).isEqualTo(1);
        assertThat((String) r.get("Explanation")).startsWith("ExplicitDeny").contains("denies " + arn);
        TeaException real = catchThrowableOfType(
                TeaException.class,
                () -> call(
                        client(aliceKey, aliceSecret),
                        "2020-06-01",
                        "StopInstance",
                        "RegionId",
                        R,
                        "InstanceId",
                        "00000000000000000000000000000000"));
        assertThat(real.getCode()).isEqualTo("Forbidden.RAM");
        // the group alone, without the user's own deny, allows it
        Map<String, Object> group = simulate(
                root, "PrincipalType", "Group", "PrincipalName", "sim-ops", "ActionName", "swas-open:StopInstance");
        assertThat(group.get("Decision")).isEqualTo("Allow");
        assertThat(matched(group)).containsEntry("PolicyName", "SimOps");
    }

    @Test
    void withoutAStatementItIsAnImplicitDenyWithNoMatchedStatement() throws Exception {
        Map<String, Object> r = simulate(
                root, "PrincipalType", "User", "PrincipalName", "sim-bob", "ActionName", "swas-open:ListInstances");
        assertThat(r.get("Decision")).isEqualTo("ImplicitDeny");
        assertThat(r).doesNotContainKey("MatchedStatement");
        assertThat((String) r.get("Explanation")).startsWith("ImplicitDeny").contains("no statement allows *");
        Map<String, Object> system = simulate(
                root, "PrincipalType", "User", "PrincipalName", "sim-reader", "ActionName", "swas-open:ListInstances");
        assertThat(system.get("Decision")).isEqualTo("Allow");
        assertThat(matched(system))
                .containsEntry("PolicyName", "AliyunSWASReadOnlyAccess")
                .containsEntry("PolicyType", "System");
        assertThat(simulate(
                                root,
                                "PrincipalType",
                                "User",
                                "PrincipalName",
                                "sim-reader",
                                "ActionName",
                                "swas-open:StopInstance")
                        .get("Decision"))
                .isEqualTo("ImplicitDeny");
    }

    @Test
    void theSourceIpIsTheRequestsAcsSourceIp() throws Exception {
        String[] base = {"PrincipalType", "User", "PrincipalName", "sim-alice", "ActionName", "ram:GetUser"};
        assertThat(simulate(root, with(base, "SourceIp", "192.0.2.7")).get("Decision"))
                .isEqualTo("Allow");
        assertThat(simulate(root, with(base, "SourceIp", "198.51.100.1")).get("Decision"))
                .isEqualTo("ImplicitDeny");
        assertThat(simulate(root, base).get("Decision")).isEqualTo("ImplicitDeny");
        assertThat(simulate(root, with(base, "SourceIp", "2001:db8::1")).get("Decision"))
                .isEqualTo("ImplicitDeny");
    }

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void unknownEntitiesAndBadParametersAnswerRamsCodes() {
        TeaException user = fails(
                root, "PrincipalType", "User", "PrincipalName", "nobody", "ActionName", "swas-open:ListInstances");
        assertThat(user.getCode()).isEqualTo("EntityNotExist.User");
        assertThat(user.getStatusCode()).isEqualTo(404);
        TeaException group = fails(
                root, "PrincipalType", "Group", "PrincipalName", "nobody", "ActionName", "swas-open:ListInstances");
        assertThat(group.getCode()).isEqualTo("EntityNotExist.Group");
        assertThat(fails(root, "PrincipalType", "Role", "PrincipalName", "x", "ActionName", "swas-open:ListInstances")
                        .getCode())
                .isEqualTo("InvalidParameter.PrincipalType");
        assertThat(fails(root, "PrincipalType", "User", "PrincipalName", "sim-alice", "ActionName", "ListInstances")
                        .getCode())
                .isEqualTo("InvalidParameter.ActionName.Format");
        assertThat(fails(
                                root,
                                "PrincipalType",
                                "User",
                                "PrincipalName",
                                "sim-alice",
                                "ActionName",
                                "swas-open:ListInstances",
                                "SourceIp",
                                "example.com")
                        .getCode())
                .isEqualTo("InvalidParameter.SourceIp.Format");
        assertThat(fails(root, "PrincipalType", "User", "PrincipalName", "sim-alice")
                        .getCode())
                .isEqualTo("MissingActionName");
    }

    @Test
    void theSimulatorIsItselfRamCheckedOnTheSimulatedUser() throws Exception {
        com.aliyun.ram20150501.Client ram = new com.aliyun.ram20150501.Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("sim-reader"))
                .getBody()
                .getAccessKey();
        Client reader = client(key.getAccessKeyId(), key.getAccessKeySecret());
        assertThat(simulate(
                                reader,
                                "PrincipalType",
                                "User",
                                "PrincipalName",
                                "sim-alice",
                                "ActionName",
                                "swas-open:ListInstances")
                        .get("Decision"))
                .isEqualTo("Allow");
        TeaException bob = fails(
                reader, "PrincipalType", "User", "PrincipalName", "sim-bob", "ActionName", "swas-open:ListInstances");
        assertThat(bob.getCode()).isEqualTo("NoPermission");
        assertThat(bob.getStatusCode()).isEqualTo(403);
        TeaException alice = fails(
                client(aliceKey, aliceSecret),
                "PrincipalType",
                "User",
                "PrincipalName",
                "sim-alice",
                "ActionName",
                "swas-open:ListInstances");
        assertThat(alice.getCode()).isEqualTo("NoPermission");
    }
}
