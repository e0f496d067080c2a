package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.server.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Java generic client {@code com.aliyun:tea-openapi} ({@code callApi}) against a
 * real swasd, in ACS3-HMAC-SHA256 (its default) and V1 HMAC-SHA1 ({@code signatureAlgorithm=v2}).
 */
class TeaOpenApiConformanceTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Client client(String mode, String keyId, String secret) throws Exception {
        Config config = new Config()
                .setAccessKeyId(keyId)
                .setAccessKeySecret(secret)
                .setEndpoint(server.endpoint())
                .setProtocol("http")
                .setRegionId("cn-hangzhou");
        if (mode.equals("v1")) {
            config.setSignatureAlgorithm("v2");
        }
        return new Client(config);
    }

    static Map<String, ?> call(Client client, String action, Map<String, Object> query) throws Exception {
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
        OpenApiRequest request = new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query));
        return client.callApi(params, request, new RuntimeOptions());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Map<String, ?> response) {
        assertThat(response.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) response.get("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void listRegions(String mode) throws Exception {
        Client c = client(mode, TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
        Map<String, Object> body = body(call(c, "ListRegions", Map.of("AcceptLanguage", "en-US")));
        assertThat((String) body.get("RequestId"))
                .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        List<Map<String, Object>> regions = (List<Map<String, Object>>) body.get("Regions");
        assertThat(regions).anySatisfy(r -> {
            assertThat(r)
                    .containsEntry("RegionId", "cn-hangzhou")
                    .containsEntry("LocalName", "China (Hangzhou)")
                    .containsEntry("RegionEndpoint", "swas.cn-hangzhou.aliyuncs.com");
        });
        List<Map<String, Object>> zh = (List<Map<String, Object>>)
                body(call(c, "ListRegions", Map.of())).get("Regions");
        assertThat(zh).anySatisfy(r -> assertThat(r).containsEntry("LocalName", "华东1（杭州）"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void listPlans(String mode) throws Exception {
        Client c = client(mode, TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
        List<Map<String, Object>> plans = (List<Map<String, Object>>)
                body(call(c, "ListPlans", Map.of("RegionId", "cn-hangzhou"))).get("Plans");
        assertThat(plans).isNotEmpty().allSatisfy(p -> {
            assertThat((String) p.get("PlanId")).startsWith("swas.");
            assertThat(p.get("Core")).isInstanceOf(Number.class);
            assertThat(p.get("OriginPrice")).isInstanceOf(String.class);
            assertThat((String) p.get("SupportPlatform")).startsWith("[\"Linux\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void listImagesFiltersByTypeAndId(String mode) throws Exception {
        Client c = client(mode, TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
        List<Map<String, Object>> apps = (List<Map<String, Object>>)
                body(call(c, "ListImages", Map.of("RegionId", "cn-hangzhou", "ImageType", "app")))
                        .get("Images");
        assertThat(apps).isNotEmpty().allSatisfy(i -> assertThat(i).containsEntry("ImageType", "app"));
        String id = (String) apps.getFirst().get("ImageId");
        assertThat(id).matches("[0-9a-f]{32}");
        List<Map<String, Object>> one = (List<Map<String, Object>>) body(call(
                        c,
                        "ListImages",
                        Map.of(
                                "RegionId",
                                "cn-hangzhou",
                                "ImageIds",
                                "[\"" + id + "\",\"00000000000000000000000000000000\"]")))
                .get("Images");
        assertThat(one).extracting(i -> i.get("ImageId")).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void wrongSecretIsSignatureDoesNotMatch(String mode) throws Exception {
        Client c = client(mode, TestServer.ROOT_KEY_ID, "not-the-secret");
        TeaException e = catchThrowableOfType(TeaException.class, () -> call(c, "ListRegions", Map.of()));
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo("SignatureDoesNotMatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void unknownKeyIsNotFound(String mode) throws Exception {
        Client c = client(mode, "LTAINoSuchKey", TestServer.ROOT_SECRET);
        TeaException e = catchThrowableOfType(TeaException.class, () -> call(c, "ListRegions", Map.of()));
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void protocolErrorsCarryTheServiceCodes(String mode) throws Exception {
        Client c = client(mode, TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
        TeaException missing = catchThrowableOfType(
                TeaException.class, () -> call(c, "DeleteCustomImages", Map.of("RegionId", "cn-hangzhou")));
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getCode()).isEqualTo("MissingImageIds");

        TeaException unknown = catchThrowableOfType(TeaException.class, () -> call(c, "NoSuchAction", Map.of()));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getCode()).isEqualTo("InvalidAction.NotFound");

        Params future = new Params()
                .setAction("ListRegions")
                .setVersion("2099-01-01")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        TeaException version = catchThrowableOfType(
                TeaException.class, () -> c.callApi(future, new OpenApiRequest(), new RuntimeOptions()));
        assertThat(version.getStatusCode()).isEqualTo(400);
        assertThat(version.getCode()).isEqualTo("InvalidVersion");

        TeaException region = catchThrowableOfType(
                TeaException.class, () -> call(c, "ListPlans", Map.of("RegionId", "mars-north-1")));
        assertThat(region.getStatusCode()).isEqualTo(400);
        assertThat(region.getCode()).isEqualTo("InvalidRegionId");

        TeaException invalid = catchThrowableOfType(
                TeaException.class,
                () -> call(c, "ListImages", Map.of("RegionId", "cn-hangzhou", "ImageType", "bogus")));
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getCode()).isEqualTo("InvalidParameter");
        assertThat(invalid.getMessage()).contains("ImageType");
    }
}
