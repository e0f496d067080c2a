package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.server.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Java client {@code com.aliyun:aliyun-java-sdk-core} ({@code CommonRequest})
 * against a real swasd, in V1 HMAC-SHA1 (its default) and ACS3-HMAC-SHA256.
 */
class SdkCoreConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static CommonResponse call(
            String mode, String keyId, String secret, String action, Map<String, String> query, MethodType method)
            throws ClientException {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", keyId, secret));
        CommonRequest request = new CommonRequest();
        request.setSysDomain(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2020-06-01");
        request.setSysAction(action);
        request.setSysMethod(method);
        if (mode.equals("v3")) {
            request.setSysSignatureVersion(SignatureVersion.V3);
        }
        query.forEach(request::putQueryParameter);
        try {
            return client.getCommonResponse(request);
        } finally {
            client.shutdown();
        }
    }

    static JsonNode ok(CommonResponse response) throws Exception {
        assertThat(response.getHttpStatus()).isEqualTo(200);
        return JSON.readTree(response.getData());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void listRegionsPlansAndImages(String mode) throws Exception {
        JsonNode regions = ok(call(
                mode,
                TestServer.ROOT_KEY_ID,
                TestServer.ROOT_SECRET,
                "ListRegions",
                Map.of("AcceptLanguage", "en-US"),
                MethodType.POST));
        assertThat(regions.path("Regions").findValuesAsText("RegionId")).contains("cn-hangzhou", "cn-shanghai");
        assertThat(regions.path("Regions").findValuesAsText("LocalName")).contains("China (Hangzhou)");

        JsonNode plans = ok(call(
                mode,
                TestServer.ROOT_KEY_ID,
                TestServer.ROOT_SECRET,
                "ListPlans",
                Map.of("RegionId", "cn-hangzhou"),
                MethodType.POST));
        assertThat(plans.path("Plans").size()).isGreaterThan(3);
        assertThat(plans.path("Plans").get(0).path("Core").isInt()).isTrue();
        assertThat(plans.path("Plans").get(0).path("OriginPrice").isTextual()).isTrue();

        JsonNode images = ok(call(
                mode,
                TestServer.ROOT_KEY_ID,
                TestServer.ROOT_SECRET,
                "ListImages",
                Map.of("RegionId", "cn-hangzhou", "ImageType", "system"),
                MethodType.GET));
        assertThat(images.path("Images").findValuesAsText("ImageType"))
                .isNotEmpty()
                .containsOnly("system");
        assertThat(images.path("Images").findValuesAsText("Platform")).contains("Linux", "Windows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void wrongSecretIsSignatureDoesNotMatch(String mode) {
        ClientException e = catchThrowableOfType(
                ClientException.class,
                () -> call(mode, TestServer.ROOT_KEY_ID, "not-the-secret", "ListRegions", Map.of(), MethodType.POST));
        assertThat(e.getErrCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e).isNotInstanceOf(ServerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void unknownKeyIsNotFound(String mode) {
        ClientException e = catchThrowableOfType(
                ClientException.class,
                () -> call(mode, "LTAINoSuchKey", TestServer.ROOT_SECRET, "ListRegions", Map.of(), MethodType.POST));
        assertThat(e.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @Test
    void xmlFormatIsHonoured() throws Exception {
        DefaultAcsClient client = new DefaultAcsClient(
                DefaultProfile.getProfile("cn-hangzhou", TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET));
        CommonRequest request = new CommonRequest();
        request.setSysDomain(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2020-06-01");
        request.setSysAction("ListRegions");
        request.setSysAccept(FormatType.XML);
        CommonResponse response = client.getCommonResponse(request);
        assertThat(response.getHttpStatus()).isEqualTo(200);
        assertThat(response.getData())
                .startsWith("<?xml")
                .contains("<ListRegionsResponse><RequestId>")
                .contains("<RegionId>cn-hangzhou</RegionId>");

        request.setSysAction("ListPlans");
        request.putQueryParameter("RegionId", "mars-north-1");
        ClientException e = catchThrowableOfType(ClientException.class, () -> client.getCommonResponse(request));
        assertThat(e.getErrCode()).isEqualTo("InvalidRegionId");
        assertThat(e.getErrMsg()).isEqualTo("The specified RegionId does not exist.");
        assertThat(e.getRequestId()).isNotBlank();
        client.shutdown();
    }
}
