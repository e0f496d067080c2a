package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.server.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RegionId left out, as the Terraform provider leaves it out of ModifyImageShareStatus and the
 * images data source's ListImages: the region is the one a {@code swas.<region>.aliyuncs.com}
 * endpoint names, else the node's default region. The official client is aimed at the regional
 * endpoint name and reaches swasd through it as through a proxy, so the Host header is the
 * endpoint's, as against the cloud.
 */
class RegionFromEndpointTest {
    private static final String PLAN = "swas.s2.c2m2s40b3t08";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    private static String linux(TeaClient c, String... regionId) {
        Map<String, Object> images = regionId.length == 0
                ? c.call("ListImages", "ImageType", "system")
                : c.call("ListImages", "RegionId", regionId[0], "ImageType", "system");
        return (String) list(images, "Images").stream()
                .filter(i -> "Linux".equals(i.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("ImageId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void theRegionalEndpointNamesTheRegion(String signing) throws Exception {
        try (TestServer server = TestServer.start()) {
            TeaClient shanghai = new TeaClient(
                    "swas.cn-shanghai.aliyuncs.com",
                    "http://" + server.endpoint(),
                    TestServer.ROOT_KEY_ID,
                    TestServer.ROOT_SECRET,
                    signing,
                    "2020-06-01");
            TeaClient direct =
                    TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);

            Map<String, Object> created = shanghai.call(
                    "CreateInstances", "ImageId", linux(shanghai), "PlanId", PLAN, "Period", 1, "Amount", 1);
            String server1 = ((List<String>) created.get("InstanceIds")).getFirst();
            assertThat(list(direct.call("ListInstances", "RegionId", "cn-shanghai"), "Instances"))
                    .extracting(i -> i.get("InstanceId"))
                    .containsExactly(server1);
            assertThat(list(direct.call("ListInstances", "RegionId", "cn-hangzhou"), "Instances"))
                    .isEmpty();

            TeaException mismatch = shanghai.error("ListInstances", "RegionId", "cn-hangzhou");
            assertThat(mismatch.getStatusCode()).isEqualTo(400);
            assertThat(mismatch.getCode()).isEqualTo("RegionIdNotMatchHost");
            assertThat(mismatch.getMessage()).contains("The parameter regionId does not match the endpoint host.");
            assertThat(list(shanghai.call("ListInstances", "RegionId", "cn-shanghai"), "Instances"))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void anyOtherEndpointFallsBackToTheDefaultRegion(String signing) throws Exception {
        try (TestServer server = TestServer.startWithDefaultRegion("cn-beijing")) {
            TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);
            c.call("CreateInstances", "ImageId", linux(c), "PlanId", PLAN, "Period", 1, "Amount", 1);
            assertThat(list(c.call("ListInstances", "RegionId", "cn-beijing"), "Instances"))
                    .hasSize(1);
            assertThat(list(c.call("ListInstances"), "Instances")).hasSize(1);
            assertThat(list(c.call("ListInstances", "RegionId", "cn-hangzhou"), "Instances"))
                    .as("a RegionId given is the region, whatever the default")
                    .isEmpty();
        }
    }
}
