package dev.swasd.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.ControlApi;
import dev.swasd.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control API over HTTP and through EmbeddedSwasd's methods, against a server started the
 * way users start it, driven by the official client. Timing of a reset is measured
 * (docs/performance.md), not asserted.
 */
class ControlApiTest {
    private static final String R = "cn-hangzhou";
    private static final String PLAN = "swas.s2.c2m2s40b3t08";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path dir;
    private static EmbeddedSwasd swasd;
    private static TeaClient root;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("swasd-control");
        // a state delay long enough that only the clock can end a transition within a test
        swasd = EmbeddedSwasd.builder()
                .stateDelay(Duration.ofMinutes(10))
                .databaseUrl(TestDatabases.fresh(dir, "swasd"), null, null)
                .start();
        root = TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), "v3");
    }

    @AfterAll
    static void stop() {
        swasd.close();
    }

    @BeforeEach
    void reset() {
        swasd.reset();
    }

    private static HttpResponse<String> control(String method, String path, String body, String user, String secret)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(swasd.controlEndpoint() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> control(String method, String path, String body) throws Exception {
        return control(method, path, body, swasd.accessKeyId(), swasd.accessKeySecret());
    }

    private static String linuxImage() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>)
                root.call("ListImages", "RegionId", R, "ImageType", "system").get("Images");
        return (String) images.stream()
                .filter(i -> "Linux".equals(i.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("ImageId");
    }

    @SuppressWarnings("unchecked")
    private static String createInstance(TeaClient c) {
        return ((List<String>) c.call(
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                linuxImage(),
                                "PlanId",
                                PLAN,
                                "Period",
                                1,
                                "Amount",
                                1)
                        .get("InstanceIds"))
                .getFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> instances(TeaClient c) {
        return (List<Map<String, Object>>)
                c.call("ListInstances", "RegionId", R).get("Instances");
    }

    @Test
    void withoutTheRootKeyEveryControlRequestIs401() throws Exception {
        HttpResponse<String> none = control("POST", "reset", null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"swasd\"");
        assertThat(control("POST", "reset", null, swasd.accessKeyId(), "wrong-secret")
                        .statusCode())
                .isEqualTo(401);
        assertThat(control("GET", "faults", null, "LTAINoSuchKey0001", swasd.accessKeySecret())
                        .statusCode())
                .isEqualTo(401);
        // the root key of another account is not the control API's
        SeededAccount other = swasd.seedAccount();
        assertThat(control("GET", "faults", null, other.accessKeyId(), other.accessKeySecret())
                        .statusCode())
                .isEqualTo(401);
        // nor are temporary credentials of the root identity
        StsCredentials sts = swasd.seedStsCredentials(null, null, Duration.ofMinutes(5));
        assertThat(control("GET", "faults", null, sts.accessKeyId(), sts.accessKeySecret())
                        .statusCode())
                .isEqualTo(401);

        createInstance(root);
        assertThat(control("POST", "reset", null, swasd.accessKeyId(), "wrong-secret")
                        .statusCode())
                .isEqualTo(401);
        assertThat(instances(root)).as("a refused reset resets nothing").hasSize(1);
        assertThat(control("GET", "faults", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theControlApiIsNotReachableThroughTheSignedApi() throws Exception {
        createInstance(root);
        // a signed request for the control path carries no Basic credentials: refused
        Client client = new Client(new Config()
                .setAccessKeyId(swasd.accessKeyId())
                .setAccessKeySecret(swasd.accessKeySecret())
                .setEndpoint(swasd.endpoint())
                .setProtocol("http"));
        for (String path : List.of("/_swasd/reset", "/_swasd/clock/advance")) {
            Params params = new Params()
                    .setAction("Reset")
                    .setVersion("2020-06-01")
                    .setProtocol("HTTP")
                    .setPathname(path)
                    .setMethod("POST")
                    .setAuthType("AK")
                    .setStyle("RPC")
                    .setReqBodyType("formData")
                    .setBodyType("json");
            TeaException refused = Assertions.assertThrows(
                    TeaException.class, () -> client.callApi(params, new OpenApiRequest(), new RuntimeOptions()));
            assertThat(refused.getCode()).as(path).isEqualTo("Unauthorized");
        }
        // no action of the signed API reaches it either
        for (String action : List.of("Reset", "reset", "_swasd/reset", "AdvanceClock")) {
            assertThat(root.error(action, "RegionId", R).getCode()).isEqualTo("InvalidAction.NotFound");
        }
        assertThat(instances(root)).hasSize(1);
        assertThat(control("GET", "clock", null).body()).contains("\"offsetMs\":0");
    }

    @Test
    void withTheControlApiOffItsPathsAreUnknown() throws Exception {
        try (TestServer plain = TestServer.start()) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://" + plain.endpoint() + "/_swasd/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (TestServer.ROOT_KEY_ID + ":" + TestServer.ROOT_SECRET)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("InvalidAction.NotFound");
        }
    }

    @Test
    void resetRemovesEveryAccountsResourcesAndKeepsIdentities() throws Exception {
        // a RAM user with a key and a policy, and a second account, all made before the reset
        TeaClient ram =
                new TeaClient(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), "v3", "2015-05-01");
        ram.call("CreateUser", "UserName", "reader");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>)
                ram.call("CreateAccessKey", "UserName", "reader").get("AccessKey");
        ram.call(
                "AttachPolicyToUser",
                "PolicyType",
                "System",
                "PolicyName",
                "AliyunSWASReadOnlyAccess",
                "UserName",
                "reader");
        SeededAccount other = swasd.seedAccount();
        TeaClient otherRoot = TeaClient.swas(swasd.endpoint(), other.accessKeyId(), other.accessKeySecret(), "v3");
        String mine = createInstance(root);
        createInstance(otherRoot);
        root.call(
                "TagResources",
                "RegionId",
                R,
                "ResourceType",
                "instance",
                "ResourceId.1",
                mine,
                "Tag.1.Key",
                "env",
                "Tag.1.Value",
                "test");
        root.call(
                "CreateInstances",
                "RegionId",
                R,
                "ImageId",
                linuxImage(),
                "PlanId",
                PLAN,
                "Period",
                1,
                "Amount",
                1,
                "ClientToken",
                "same-token");
        swasd.addFault(Fault.delay("ListRegions", Duration.ofMillis(1)));
        swasd.advanceClock(Duration.ofMinutes(1));

        HttpResponse<String> reset = control("POST", "reset", null);
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reset.body()).get("deletedRows").asLong()).isPositive();

        assertThat(instances(root)).isEmpty();
        assertThat(instances(otherRoot)).as("every account's").isEmpty();
        assertThat(root.call("ListTagResources", "RegionId", R, "ResourceType", "instance")
                        .get("TagResources"))
                .asString()
                .doesNotContain(mine);
        assertThat(swasd.faults()).as("faults cleared").isEmpty();
        assertThat(swasd.clockOffset()).as("clock back").isZero();
        // the token's first outcome is gone with the resources: the same token makes a new server
        root.call(
                "CreateInstances",
                "RegionId",
                R,
                "ImageId",
                linuxImage(),
                "PlanId",
                PLAN,
                "Period",
                1,
                "Amount",
                1,
                "ClientToken",
                "same-token");
        assertThat(instances(root)).hasSize(1);
        // identities and their keys and policies stay
        TeaClient reader = TeaClient.swas(
                swasd.endpoint(), (String) key.get("AccessKeyId"), (String) key.get("AccessKeySecret"), "v3");
        assertThat(instances(reader)).hasSize(1);
        assertThat(ram.call("ListUsers").toString()).contains("reader");
        assertThat(instances(otherRoot)).isEmpty();
    }

    @Test
    void aFaultWithTimesAnswersThatErrorThatOftenThenIsGone() throws Exception {
        HttpResponse<String> added = control(
                "POST",
                "faults",
                "{\"action\": \"ListInstances\", \"code\": "
                        + "\"Throttling.User\", \"status\": 400, \"message\": \"Request was denied due to user flow control.\", "
                        + "\"times\": 2}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("id").asText()).startsWith("f-");

        for (int i = 0; i < 2; i++) {
            TeaException e = root.error("ListInstances", "RegionId", R);
            assertThat(e.getCode()).isEqualTo("Throttling.User");
            assertThat(e.getMessage()).contains("Request was denied due to user flow control.");
            assertThat(e.getData()).containsKey("RequestId").containsKey("HostId");
            assertThat(e.getData().get("statusCode")).isEqualTo(400);
            if (i == 0) {
                JsonNode listed =
                        JSON.readTree(control("GET", "faults", null).body()).get("faults");
                assertThat(listed).hasSize(1);
                assertThat(listed.get(0).get("times").asInt()).as("times left").isEqualTo(1);
            }
        }
        assertThat(instances(root)).as("the third call is served").isEmpty();
        assertThat(JSON.readTree(control("GET", "faults", null).body()).get("faults"))
                .isEmpty();
        // other actions were never touched
        swasd.addFault(Fault.error("DeleteCustomImages", "Throttling.User"));
        assertThat(root.call("ListRegions")).containsKey("Regions");
    }

    @Test
    void aFaultAnswersInTheEnvelopeOfTheActionsProduct() throws Exception {
        swasd.addFault(Fault.error("ListUsers", "Throttling.User").status(429).times(1));
        TeaClient ram =
                new TeaClient(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), "v1", "2015-05-01");
        TeaException e = ram.error("ListUsers");
        assertThat(e.getCode()).isEqualTo("Throttling.User");
        assertThat(e.getData().get("statusCode")).isEqualTo(429);
        assertThat(ram.call("ListUsers")).containsKey("Users");
    }

    @Test
    void aFaultWithAProbabilityAppliesToAboutThatShareOfCalls() throws Exception {
        assertThat(control(
                                "POST",
                                "faults",
                                "{\"action\": \"ListRegions\", \"code\": \"ServiceUnavailable\", "
                                        + "\"status\": 503, \"probability\": 0.5}")
                        .statusCode())
                .isEqualTo(201);
        int failed = 0;
        for (int i = 0; i < 120; i++) {
            try {
                root.send("ListRegions");
            } catch (TeaException e) {
                assertThat(e.getCode()).isEqualTo("ServiceUnavailable");
                failed++;
            }
        }
        // binomial(120, 0.5): outside 30-90 once in ~10^8 runs
        assertThat(failed).isBetween(30, 90);
        assertThat(control("DELETE", "faults", null).body()).contains("\"cleared\":1");
        assertThat(root.call("ListRegions")).containsKey("Regions");
    }

    @Test
    void aDelayFaultMakesTheCallLateAndThenServesIt() throws Exception {
        assertThat(control("POST", "faults", "{\"action\": \"ListRegions\", \"delayMs\": 400, \"times\": 1}")
                        .statusCode())
                .isEqualTo(201);
        long started = System.nanoTime();
        assertThat(root.call("ListRegions")).containsKey("Regions");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(swasd.faults()).isEmpty();
    }

    @Test
    void badFaultsAreRefusedWithTheReason() throws Exception {
        for (String body : List.of(
                "{\"action\": \"ListRegions\"}",
                "{\"code\": \"X\", \"status\": 200}",
                "{\"code\": \"X\", \"times\": 0}",
                "{\"code\": \"X\", \"probability\": 1.5}",
                "{\"code\": \"X\", " + "\"colour\": 1}",
                "[1]",
                "{")) {
            HttpResponse<String> r = control("POST", "faults", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("\"code\":\"InvalidRequest\"");
        }
        assertThat(control("PUT", "faults", "{}").statusCode()).isEqualTo(405);
        assertThat(control("POST", "nothing", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void advancingTheClockLandsTheTransitionsDueWithinIt() throws Exception {
        String id = createInstance(root);
        assertThat(instances(root).getFirst().get("Status")).isEqualTo("Pending");
        Instant created = Instant.parse((String) instances(root).getFirst().get("CreationTime"));

        HttpResponse<String> moved = control("POST", "clock/advance", "{\"by\": \"9m\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(instances(root).getFirst().get("Status")).as("not due yet").isEqualTo("Pending");
        assertThat(control("POST", "clock/advance", "{\"by\": \"1m\"}").statusCode())
                .isEqualTo(200);
        assertThat(instances(root).getFirst().get("Status")).isEqualTo("Running");
        JsonNode clock = JSON.readTree(control("GET", "clock", null).body());
        assertThat(clock.get("offsetMs").asLong())
                .isEqualTo(Duration.ofMinutes(10).toMillis());

        // what is made now is made at the moved time, and its transitions run from it
        root.call("StopInstance", "RegionId", R, "InstanceId", id);
        assertThat(instances(root).getFirst().get("Status")).isEqualTo("Stopping");
        swasd.advanceClock(Duration.ofMinutes(10));
        assertThat(instances(root).getFirst().get("Status")).isEqualTo("Stopped");
        String later = createInstance(root);
        Map<String, Object> second = instances(root).stream()
                .filter(i -> later.equals(i.get("InstanceId")))
                .findFirst()
                .orElseThrow();
        assertThat(Instant.parse((String) second.get("CreationTime")))
                .isAfterOrEqualTo(created.plus(Duration.ofMinutes(20)));
        // the expiry of a one-month server follows the clock too
        assertThat(Instant.parse((String) second.get("ExpiredTime")))
                .isAfter(Instant.now().plus(Duration.ofDays(28)).plus(Duration.ofMinutes(19)));

        for (String bad : List.of("{}", "{\"by\": \"-1h\"}", "{\"by\": \"2 hours\"}", "{\"by\": 7200}")) {
            assertThat(control("POST", "clock/advance", bad).statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
        assertThat(ControlApi.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ControlApi.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(ControlApi.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(ControlApi.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aSeededAccountHasAWorkingRootKey() throws Exception {
        HttpResponse<String> kinds = control("GET", "seed", null);
        assertThat(JSON.readTree(kinds.body()).get("kinds").toString()).contains("account", "sts-credentials");

        HttpResponse<String> made = control(
                "POST",
                "seed/account",
                "{\"accountId\": \"1999999999999999\", "
                        + "\"accessKeyId\": \"LTAISecondAccount01\", \"accessKeySecret\": \"SecondAccountSecret01\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(made.body()).get("accountId").asText()).isEqualTo("1999999999999999");
        TeaClient other = TeaClient.swas(swasd.endpoint(), "LTAISecondAccount01", "SecondAccountSecret01", "v1");
        assertThat(instances(other)).isEmpty();
        // seeding again is idempotent
        assertThat(control(
                                "POST",
                                "seed/account",
                                "{\"accountId\": \"1999999999999999\", "
                                        + "\"accessKeyId\": \"LTAISecondAccount01\", \"accessKeySecret\": \"SecondAccountSecret01\"}")
                        .statusCode())
                .isEqualTo(201);
        // a key of one identity is not handed to another
        assertThat(control("POST", "seed/account", "{\"accessKeyId\": \"" + swasd.accessKeyId() + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "seed/account", "{\"accountId\": \"42\"}").statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "seed/no-such-kind", "{}").statusCode()).isEqualTo(404);

        SeededAccount generated = swasd.seedAccount();
        assertThat(generated.accountId()).matches("[1-9][0-9]{15}");
        assertThat(instances(
                        TeaClient.swas(swasd.endpoint(), generated.accessKeyId(), generated.accessKeySecret(), "v3")))
                .isEmpty();
    }

    @Test
    void seededStsCredentialsSignWithTheirSecurityToken() throws Exception {
        HttpResponse<String> made = control("POST", "seed/sts-credentials", "{\"durationSeconds\": 900}");
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode sts = JSON.readTree(made.body());
        assertThat(sts.get("accessKeyId").asText()).startsWith("STS.");
        Client client = new Client(new Config()
                .setAccessKeyId(sts.get("accessKeyId").asText())
                .setAccessKeySecret(sts.get("accessKeySecret").asText())
                .setSecurityToken(sts.get("securityToken").asText())
                .setEndpoint(swasd.endpoint())
                .setProtocol("http"));
        Params params = new Params()
                .setAction("ListRegions")
                .setVersion("2020-06-01")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        Map<String, ?> answer = client.callApi(params, new OpenApiRequest(), new RuntimeOptions());
        assertThat(answer.get("statusCode")).isEqualTo(200);
        assertThat(Instant.parse(sts.get("expiration").asText()))
                .isAfter(Instant.now().plusSeconds(800));
    }

    @Test
    @SuppressWarnings("unchecked")
    void seededTrafficIsWhatTheTrafficPackagesReport() throws Exception {
        String server = createInstance(root);
        HttpResponse<String> seeded =
                control("POST", "seed/traffic", "{\"instanceId\": \"" + server + "\", \"bytes\": 1073741824}");
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(201);
        Map<String, Object> usage = ((List<Map<String, Object>>)
                        root.call("ListInstancesTrafficPackages", "RegionId", R, "InstanceIds", "[\"" + server + "\"]")
                                .get("InstanceTrafficPackageUsages"))
                .getFirst();
        assertThat(((Number) usage.get("TrafficUsed")).longValue()).isEqualTo(1073741824L);
        assertThat(((Number) usage.get("TrafficPackageTotal")).longValue())
                .isEqualTo(((Number) usage.get("TrafficUsed")).longValue()
                        + ((Number) usage.get("TrafficPackageRemaining")).longValue());

        assertThat(control("POST", "seed/traffic", "{\"instanceId\": \"nope\", \"bytes\": 1}")
                        .statusCode())
                .as("an unknown server")
                .isEqualTo(400);
        assertThat(control("POST", "seed/traffic", "{\"instanceId\": \"" + server + "\", \"bytes\": -1}")
                        .statusCode())
                .as("negative bytes")
                .isEqualTo(400);
        assertThat(control("POST", "seed/traffic", "{}").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(control("GET", "seed", null).body()).toString())
                .contains("traffic");
    }

    @Test
    @SuppressWarnings("unchecked")
    void seededDatabasesAreDescribedAndAResetEmptiesThem() throws Exception {
        HttpResponse<String> seeded = control("POST", "seed/database", "{\"name\": \"orders\", \"version\": \"5.7\"}");
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(201);
        String id = JSON.readTree(seeded.body()).path("databaseInstanceId").asText();
        assertThat(id).matches("db-[a-z0-9]{32}");
        Map<String, Object> d = ((List<Map<String, Object>>)
                        root.call("DescribeDatabaseInstances", "RegionId", R).get("DatabaseInstances"))
                .getFirst();
        assertThat(d.get("DatabaseInstanceId")).isEqualTo(id);
        assertThat(d.get("DatabaseInstanceName")).isEqualTo("orders");
        assertThat(d.get("DatabaseVersion")).isEqualTo("5.7");
        assertThat(d.get("DatabaseInstanceStatus")).isEqualTo("Running");

        assertThat(control("POST", "seed/database", "{\"version\": \"5.6\"}").statusCode())
                .as("an unknown version")
                .isEqualTo(400);
        assertThat(control("POST", "seed/database", "{\"regionId\": \"xx-nowhere\"}")
                        .statusCode())
                .as("an unknown region")
                .isEqualTo(400);
        assertThat(control("POST", "reset", "{}").statusCode()).isEqualTo(200);
        assertThat((List<Object>)
                        root.call("DescribeDatabaseInstances", "RegionId", R).get("DatabaseInstances"))
                .isEmpty();
    }
}
