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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.TestDatabases;
import dev.swasd.embedded.EmbeddedSwasd;
import dev.swasd.server.TestServer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request log through the official generic Java client {@code tea-openapi}: calls that
 * succeed, fail, are refused by RAM or carry a bad signature are read back at once with
 * ListRequestLogs (swasd's extension action), as root and as RAM users with and without
 * {@code swas-open:ListRequestLogs}; secrets never come back; a call with an unknown key is kept
 * for no one.
 */
class RequestLogConformanceTest {
    static final String R = "cn-hangzhou";
    static final String NO_SERVER = "00000000000000000000000000000000";
    static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
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

    static Client root() throws Exception {
        return client(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Client c, String version, String action, Object... kv) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            query.put((String) kv[i], kv[i + 1].toString());
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

    static Map<String, Object> swas(Client c, String action, Object... kv) throws Exception {
        return call(c, "2020-06-01", action, kv);
    }

    static long num(Object n) {
        assertThat(n).isInstanceOf(Number.class);
        return ((Number) n).longValue();
    }

    static TeaException fails(Client c, String action, Object... kv) {
        TeaException e = catchThrowableOfType(TeaException.class, () -> swas(c, action, kv));
        assertThat(e).as("%s answers an error", action).isNotNull();
        return e;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> logs(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("RequestLogs");
    }

    static Map<String, Object> entry(Client reader, String requestId) throws Exception {
        return logs(swas(reader, "ListRequestLogs", "PageSize", 100)).stream()
                .filter(e -> requestId.equals(e.get("RequestId")))
                .findFirst()
                .orElse(null);
    }

    static String requestId(TeaException e) {
        return (String) e.getData().get("RequestId");
    }

    record RamUser(String name, String keyId, String secret) {}

    static RamUser user(String name, String policyDocument) throws Exception {
        com.aliyun.ram20150501.Client ram = new com.aliyun.ram20150501.Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        ram.createUser(new CreateUserRequest().setUserName(name));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName(name))
                .getBody()
                .getAccessKey();
        if (policyDocument != null) {
            ram.createPolicy(
                    new CreatePolicyRequest().setPolicyName("p-" + name).setPolicyDocument(policyDocument));
            ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                    .setPolicyType("Custom")
                    .setPolicyName("p-" + name)
                    .setUserName(name));
        }
        return new RamUser(name, key.getAccessKeyId(), key.getAccessKeySecret());
    }

    @Test
    void everyCallIsReadBackAtOnceWithSecretsMaskedAndRefusalsIncluded() throws Exception {
        Client root = root();
        Instant before = Instant.now().minusSeconds(1);
        String ok = (String) swas(root, "ListInstances", "RegionId", R).get("RequestId");
        TeaException missing = fails(
                root,
                "UpdateInstanceAttribute",
                "RegionId",
                R,
                "InstanceId",
                NO_SERVER,
                "Password",
                "Sup3rSecret!Pass");
        assertThat(missing.getCode()).isEqualTo("InvalidInstanceId.NotFound");
        String images = (String)
                call(root, "2014-05-26", "DescribeImages", "RegionId", R).get("RequestId");

        RamUser nobody = user("log-nobody", null);
        Client denied = client(nobody.keyId(), nobody.secret());
        TeaException refused = fails(denied, "ListInstances", "RegionId", R);
        assertThat(refused.getCode()).isEqualTo("Forbidden.RAM");
        TeaException cannotRead = fails(denied, "ListRequestLogs");
        assertThat(cannotRead.getCode()).isEqualTo("Forbidden.RAM");
        assertThat(cannotRead.getStatusCode()).isEqualTo(403);

        TeaException badSignature =
                fails(client(TestServer.ROOT_KEY_ID, "not-the-secret-0000000000"), "ListInstances", "RegionId", R);
        assertThat(badSignature.getCode()).isEqualTo("SignatureDoesNotMatch");
        TeaException unknownKey =
                fails(client("LTAIUnknownKey00000001", "whatever-secret-000000"), "ListInstances", "RegionId", R);
        assertThat(unknownKey.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");

        // read back immediately: ListRequestLogs writes this node's queued entries first
        Map<String, Object> listed = entry(root, ok);
        assertThat(listed).isNotNull();
        assertThat(listed.get("Product")).isEqualTo("swas-open");
        assertThat(listed.get("Action")).isEqualTo("ListInstances");
        assertThat(listed.get("Version")).isEqualTo("2020-06-01");
        assertThat(listed.get("Principal")).isEqualTo(TestServer.ACCOUNT_ID);
        assertThat(listed.get("UserName")).isEqualTo("");
        assertThat(listed.get("AccessKeyId")).isEqualTo(TestServer.ROOT_KEY_ID);
        assertThat(listed.get("SourceIp")).isEqualTo("127.0.0.1");
        assertThat(num(listed.get("HttpStatus"))).isEqualTo(200);
        assertThat(listed.get("Code")).isEqualTo("");
        assertThat(listed.get("Message")).isEqualTo("");
        assertThat(listed.get("LatencyMicros")).isInstanceOf(Number.class);
        assertThat(((Number) listed.get("LatencyMicros")).longValue()).isPositive();
        Instant at = Instant.parse((String) listed.get("Time"));
        assertThat(at).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat((String) listed.get("Time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode okParams = JSON.readTree((String) listed.get("Parameters"));
        assertThat(okParams.path("RegionId").asText()).isEqualTo(R);
        for (String common : List.of("AccessKeyId", "Signature", "SignatureNonce", "Timestamp", "Action", "Version")) {
            assertThat(okParams.has(common)).as(common).isFalse();
        }

        Map<String, Object> failed = entry(root, requestId(missing));
        assertThat(num(failed.get("HttpStatus"))).isEqualTo(404);
        assertThat(failed.get("Code")).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(failed.get("Message"))
                .isEqualTo(
                        missing.getMessage().replaceFirst("^code: \\d+, ", "").replaceFirst(" request id: .*$", ""));
        JsonNode failedParams = JSON.readTree((String) failed.get("Parameters"));
        assertThat(failedParams.path("Password").asText()).isEqualTo("******");
        assertThat(failedParams.path("InstanceId").asText()).isEqualTo(NO_SERVER);
        assertThat((String) failed.get("Parameters")).doesNotContain("Sup3rSecret");

        assertThat(entry(root, images).get("Product")).isEqualTo("ecs");
        assertThat(entry(root, images).get("Version")).isEqualTo("2014-05-26");

        Map<String, Object> ram = entry(root, requestId(refused));
        assertThat(ram.get("Principal")).isEqualTo(TestServer.ACCOUNT_ID + "/log-nobody");
        assertThat(ram.get("UserName")).isEqualTo("log-nobody");
        assertThat(ram.get("AccessKeyId")).isEqualTo(nobody.keyId());
        assertThat(ram.get("Code")).isEqualTo("Forbidden.RAM");
        assertThat(num(ram.get("HttpStatus"))).isEqualTo(403);
        assertThat(entry(root, requestId(cannotRead)).get("Action")).isEqualTo("ListRequestLogs");

        Map<String, Object> forged = entry(root, requestId(badSignature));
        assertThat(forged)
                .as("a refused signature with a known key is the key's account's")
                .isNotNull();
        assertThat(forged.get("Code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(forged.get("Principal")).isEqualTo(TestServer.ACCOUNT_ID);
        assertThat(entry(root, requestId(unknownKey)))
                .as("an unknown key's call is no one's")
                .isNull();

        // the RAM API's own calls are in the log too
        Map<String, Object> createUser =
                logs(swas(root, "ListRequestLogs", "ActionName", "CreateUser")).getFirst();
        assertThat(createUser.get("Product")).isEqualTo("ram");
        assertThat(createUser.get("Version")).isEqualTo("2015-05-01");
        assertThat(JSON.readTree((String) createUser.get("Parameters"))
                        .path("UserName")
                        .asText())
                .isEqualTo("log-nobody");
    }

    @Test
    void filtersPagesAndChecksItsParameters() throws Exception {
        Client root = root();
        String tag = "flt" + System.nanoTime();
        String start = Instant.now().minusMillis(5).toString();
        for (int i = 0; i < 3; i++) {
            fails(root, "StopInstance", "RegionId", R, "InstanceId", NO_SERVER, "ClientToken", tag + i);
        }
        swas(root, "ListInstances", "RegionId", R);
        Map<String, Object> page = swas(
                root,
                "ListRequestLogs",
                "ActionName",
                "StopInstance",
                "Code",
                "InvalidInstanceId.NotFound",
                "Principal",
                TestServer.ACCOUNT_ID,
                "StartTime",
                start,
                "PageSize",
                2);
        assertThat(num(page.get("TotalCount"))).isEqualTo(3);
        assertThat(num(page.get("PageNumber"))).isEqualTo(1);
        assertThat(num(page.get("PageSize"))).isEqualTo(2);
        assertThat(logs(page)).hasSize(2);
        // newest first
        assertThat(JSON.readTree((String) logs(page).get(0).get("Parameters"))
                        .path("ClientToken")
                        .asText())
                .isEqualTo(tag + "2");
        Map<String, Object> second = swas(
                root,
                "ListRequestLogs",
                "ActionName",
                "StopInstance",
                "StartTime",
                start,
                "PageSize",
                2,
                "PageNumber",
                2);
        assertThat(logs(second)).hasSize(1);
        assertThat(JSON.readTree((String) logs(second).getFirst().get("Parameters"))
                        .path("ClientToken")
                        .asText())
                .isEqualTo(tag + "0");
        assertThat(logs(swas(root, "ListRequestLogs", "Code", "Success", "StartTime", start)))
                .extracting(e -> e.get("Code"))
                .containsOnly("");
        assertThat(num(swas(
                                root,
                                "ListRequestLogs",
                                "StartTime",
                                "2000-01-01T00:00:00Z",
                                "EndTime",
                                "2000-01-02T00:00:00Z")
                        .get("TotalCount")))
                .isEqualTo(0);

        for (Object[] bad : List.of(
                new Object[] {"PageSize", 0},
                new Object[] {"PageSize", 101},
                new Object[] {"PageNumber", 0},
                new Object[] {"PageSize", "ten"},
                new Object[] {"StartTime", "2026-12-03 12:00:00"},
                new Object[] {"EndTime", "tomorrow"})) {
            TeaException e = fails(root, "ListRequestLogs", bad);
            assertThat(e.getCode()).as("%s=%s", bad[0], bad[1]).isEqualTo("InvalidParameter");
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getMessage()).contains((String) bad[0]);
        }
    }

    @Test
    void zeroDaysTurnsTheLogOffAndABadRetentionIsRefused() throws Exception {
        assertThat(catchThrowableOfType(
                        IllegalArgumentException.class,
                        () -> EmbeddedSwasd.builder().requestLogDays(-1)))
                .hasMessageContaining("requestLogDays");
        try (EmbeddedSwasd off = EmbeddedSwasd.builder()
                .databaseUrl(
                        TestDatabases.fresh(java.nio.file.Files.createTempDirectory("swasd-log-off"), "off"),
                        null,
                        null)
                .requestLogDays(0)
                .start()) {
            Client c = new Client(new Config()
                    .setAccessKeyId(off.accessKeyId())
                    .setAccessKeySecret(off.accessKeySecret())
                    .setEndpoint(off.endpoint())
                    .setProtocol("http"));
            swas(c, "ListInstances", "RegionId", R);
            Map<String, Object> read = swas(c, "ListRequestLogs");
            assertThat(num(read.get("TotalCount"))).isZero();
            assertThat(logs(read)).isEmpty();
        }
    }

    @Test
    void aRamUserReadsTheAccountsLogOnlyWithPermission() throws Exception {
        RamUser reader = user(
                "log-reader",
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                        + "\"swas-open:ListRequestLogs\", \"Resource\": \"*\"}]}");
        Client c = client(reader.keyId(), reader.secret());
        TeaException own = fails(c, "ListInstances", "RegionId", R);
        assertThat(own.getCode()).isEqualTo("Forbidden.RAM");
        String rootCall = (String) swas(root(), "ListInstances", "RegionId", R).get("RequestId");

        Map<String, Object> mine = entry(c, requestId(own));
        assertThat(mine).isNotNull();
        assertThat(mine.get("Principal")).isEqualTo(TestServer.ACCOUNT_ID + "/log-reader");
        assertThat(entry(c, rootCall))
                .as("the whole account's log, root's calls included")
                .isNotNull();
        Map<String, Object> byPrincipal =
                swas(c, "ListRequestLogs", "Principal", TestServer.ACCOUNT_ID + "/log-reader");
        assertThat(logs(byPrincipal))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("UserName")).isEqualTo("log-reader"));
    }
}
