package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DeleteCustomImages and its neighbours through sdk-core's CommonRequest, V1 and V3. */
@Slow
class SdkCoreDeleteCustomImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Duration.ZERO, Quotas.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static JsonNode call(String mode, String action, Map<String, String> params) throws Exception {
        DefaultAcsClient client = new DefaultAcsClient(
                DefaultProfile.getProfile("cn-hangzhou", TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET));
        try {
            CommonRequest request = new CommonRequest();
            request.setSysDomain(server.endpoint());
            request.setSysProtocol(ProtocolType.HTTP);
            request.setSysVersion("2020-06-01");
            request.setSysAction(action);
            request.setSysMethod(MethodType.POST);
            if (mode.equals("v3")) {
                request.setSysSignatureVersion(SignatureVersion.V3);
            }
            params.forEach(request::putBodyParameter);
            request.putQueryParameter("RegionId", "cn-hangzhou");
            CommonResponse response = client.getCommonResponse(request);
            assertThat(response.getHttpStatus()).isEqualTo(200);
            return JSON.readTree(response.getData());
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void deleteCustomImagesAsSdkCoreSendsIt(String mode) throws Exception {
        String image = call(mode, "ListImages", Map.of("ImageType", "system"))
                .path("Images")
                .get(0)
                .path("ImageId")
                .asText();
        String instance = call(
                        mode,
                        "CreateInstances",
                        Map.of("ImageId", image, "PlanId", "swas.s2.c2m2s40b3t08", "Period", "1"))
                .path("InstanceIds")
                .get(0)
                .asText();
        String disk = call(mode, "ListDisks", Map.of("InstanceId", instance))
                .path("Disks")
                .get(0)
                .path("DiskId")
                .asText();
        String snapshot = call(mode, "CreateSnapshot", Map.of("DiskId", disk, "SnapshotName", "core-" + mode))
                .path("SnapshotId")
                .asText();
        String a = call(
                        mode,
                        "CreateCustomImage",
                        Map.of(
                                "InstanceId",
                                instance,
                                "ImageName",
                                "core-a-" + mode,
                                "SystemSnapshotId",
                                snapshot,
                                "Description",
                                "spaces and * ~ ! ' ( ) in a form body"))
                .path("ImageId")
                .asText();
        String b = call(
                        mode,
                        "CreateCustomImage",
                        Map.of("InstanceId", instance, "ImageName", "core-b-" + mode, "SystemSnapshotId", snapshot))
                .path("ImageId")
                .asText();
        call(mode, "ModifyImageShareStatus", Map.of("ImageId", b, "Operation", "Share"));

        ClientException inShare = catchThrowableOfType(
                ClientException.class,
                () -> call(mode, "DeleteCustomImages", Map.of("ImageIds", "[\"" + a + "\",\"" + b + "\"]")));
        assertThat(inShare.getErrCode()).isEqualTo("CustomImageInShare");
        assertThat(inShare.getErrMsg()).isEqualTo("The custom image is in sharing,please unshare first then to retry.");
        ClientException notFound = catchThrowableOfType(
                ClientException.class,
                () -> call(mode, "DeleteCustomImages", Map.of("ImageIds", a + ",m-missing000000000000")));
        assertThat(notFound.getErrCode()).isEqualTo("InvalidImageId.NotFound");
        ClientException tooMany = catchThrowableOfType(
                ClientException.class,
                () -> call(
                        mode,
                        "DeleteCustomImages",
                        Map.of(
                                "ImageIds",
                                "m-1,m-2,m-3,m-4,m-5,m-6,m-7,m-8,m-9,m-10," + "m-11,m-12,m-13,m-14,m-15,m-16")));
        assertThat(tooMany.getErrCode()).isEqualTo("InvalidParameter");
        assertThat(tooMany.getErrMsg()).contains("ImageIds");

        call(mode, "ModifyImageShareStatus", Map.of("ImageId", b, "Operation", "UnShare"));
        call(mode, "DeleteCustomImages", Map.of("ImageIds", a + "," + b));
        assertThat(call(mode, "ListCustomImages", Map.of("InstanceId", instance))
                        .path("TotalCount")
                        .asText())
                .isEqualTo("0");
    }
}
