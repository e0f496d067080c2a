package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.embedded.Fault;
import dev.swasd.embedded.SeededAccount;
import dev.swasd.junit.SwasdExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImageCleanupTest {
    // one server for the class (its data directory removed after it); resources reset before every test
    @RegisterExtension
    static SwasdExtension swasd = SwasdExtension.builder().stateDelay(Duration.ofSeconds(30)).build();

    private Client client;

    @BeforeEach
    void client() throws Exception {
        client = new Client(new Config().setEndpoint(swasd.endpoint()).setProtocol("http")
                .setAccessKeyId(swasd.accessKeyId()).setAccessKeySecret(swasd.accessKeySecret()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String action, String... params) throws Exception {
        Map<String, String> query = new java.util.HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            query.put(params[i], params[i + 1]);
        }
        Params p = new Params().setAction(action).setVersion("2020-06-01").setProtocol("HTTP").setPathname("/")
                .setMethod("POST").setAuthType("AK").setStyle("RPC").setReqBodyType("formData").setBodyType("json");
        return (Map<String, Object>) client.callApi(p, new OpenApiRequest().setQuery(query), new RuntimeOptions())
                .get("body");
    }

    @SuppressWarnings("unchecked")
    private String newImage(String name) throws Exception {
        String region = swasd.regionId();
        List<Map<String, Object>> images = (List<Map<String, Object>>) call("ListImages", "RegionId", region,
                "ImageType", "system").get("Images");
        String linux = (String) images.stream().filter(i -> "Linux".equals(i.get("Platform"))).findFirst()
                .orElseThrow().get("ImageId");
        String server = ((List<String>) call("CreateInstances", "RegionId", region, "ImageId", linux,
                "PlanId", "swas.s2.c2m2s40b3t08", "Period", "1", "Amount", "1").get("InstanceIds")).get(0);
        swasd.advanceClock(Duration.ofSeconds(30));            // Pending -> Running, no sleep
        String disk = (String) ((List<Map<String, Object>>) call("ListDisks", "RegionId", region, "InstanceId",
                server, "DiskType", "system").get("Disks")).get(0).get("DiskId");
        String snapshot = (String) call("CreateSnapshot", "RegionId", region, "DiskId", disk,
                "SnapshotName", name + "-snap").get("SnapshotId");
        swasd.advanceClock(Duration.ofSeconds(30));            // Progressing -> Accomplished
        String image = (String) call("CreateCustomImage", "RegionId", region, "InstanceId", server,
                "ImageName", name, "SystemSnapshotId", snapshot).get("ImageId");
        swasd.advanceClock(Duration.ofSeconds(30));            // Creating -> Available
        return image;
    }

    @Test
    void deletionIsRetriedWhileThrottled() throws Exception {
        String image = newImage("image-a");
        swasd.addFault(Fault.error("DeleteCustomImages", "Throttling.User")
                .message("Request was denied due to user flow control.").times(2));

        int attempts = 0;
        while (true) {                                         // the retry logic under test
            attempts++;
            try {
                call("DeleteCustomImages", "RegionId", swasd.regionId(), "ImageIds", "[\"" + image + "\"]");
                break;
            } catch (TeaException e) {
                if (!"Throttling.User".equals(e.getCode()) || attempts == 5) {
                    throw e;
                }
            }
        }
        assertEquals(3, attempts);
    }

    @Test
    void everyTestStartsEmpty() throws Exception {
        assertTrue(((List<?>) call("ListCustomImages", "RegionId", swasd.regionId()).get("CustomImages")).isEmpty());
    }

    @Test
    void sharingToASecondAccount() throws Exception {
        SeededAccount other = swasd.seedAccount();             // an account the API cannot create
        String image = newImage("shared");
        call("AddCustomImageShareAccount", "RegionId", swasd.regionId(), "ImageId", image,
                "Account.1", other.accountId());

        client = new Client(new Config().setEndpoint(swasd.endpoint()).setProtocol("http")
                .setAccessKeyId(other.accessKeyId()).setAccessKeySecret(other.accessKeySecret()));
        List<?> theirs = (List<?>) call("ListCustomImages", "RegionId", swasd.regionId()).get("CustomImages");
        assertEquals(image, ((Map<?, ?>) theirs.get(0)).get("ImageId"));   // listed to the account shared to
    }
}
