package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.tea.TeaException;
import dev.swasd.embedded.Fault;
import dev.swasd.embedded.SeededAccount;
import dev.swasd.junit.SwasdExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example of docs/testing-with-swasd.md: swasd in the test JVM, the official client, fresh
 * resources per test, injected throttling, and a state clock moved instead of sleeping.
 */
class ImageCleanerTest {
    // one server for the class; resources are reset before every test
    @RegisterExtension
    static SwasdExtension swasd = SwasdExtension.builder().stateDelay(Duration.ofSeconds(30)).build();

    private SwasClient swas;

    @BeforeEach
    void client() throws Exception {
        swas = new SwasClient(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret());
    }

    /** A server, a snapshot of its system disk and a custom image, each moved along by the clock. */
    private String image(String name) throws Exception {
        String region = swasd.regionId();
        String linux = (String) SwasClient.list(swas.call("ListImages", "RegionId", region, "ImageType", "system"),
                "Images").stream().filter(i -> "Linux".equals(i.get("Platform"))).findFirst().orElseThrow()
                .get("ImageId");
        @SuppressWarnings("unchecked")
        String server = ((List<String>) swas.call("CreateInstances", "RegionId", region, "ImageId", linux,
                "PlanId", "swas.s2.c2m2s40b3t08", "Period", 1, "Amount", 1).get("InstanceIds")).getFirst();
        swasd.advanceClock(Duration.ofSeconds(30)); // Pending -> Running, without a sleep
        String disk = (String) SwasClient.list(swas.call("ListDisks", "RegionId", region, "InstanceId", server,
                "DiskType", "system"), "Disks").getFirst().get("DiskId");
        String snapshot = (String) swas.call("CreateSnapshot", "RegionId", region, "DiskId", disk, "SnapshotName",
                name + "-snap").get("SnapshotId");
        swasd.advanceClock(Duration.ofSeconds(30)); // Progressing -> Accomplished
        String image = (String) swas.call("CreateCustomImage", "RegionId", region, "InstanceId", server,
                "ImageName", name, "SystemSnapshotId", snapshot).get("ImageId");
        swasd.advanceClock(Duration.ofSeconds(30)); // Creating -> Available
        return image;
    }

    private List<Map<String, Object>> customImages() throws Exception {
        return SwasClient.list(swas.call("ListCustomImages", "RegionId", swasd.regionId()), "CustomImages");
    }

    @Test
    void retriesWhileThrottledAndDeletesTheImages() throws Exception {
        String a = image("image-a");
        String b = image("image-b");
        assertEquals("1", customImages().getFirst().get("Status"), "Available once the clock moved");
        swasd.addFault(Fault.error("DeleteCustomImages", "Throttling.User").status(400)
                .message("Request was denied due to user flow control.").times(2));

        ImageCleaner cleaner = new ImageCleaner(swas, swasd.regionId(), 5);
        cleaner.delete(List.of(a, b));

        assertEquals(3, cleaner.attempts(), "two throttled calls, then the one that deleted");
        assertTrue(customImages().isEmpty());
    }

    @Test
    void givesUpAfterItsLastAttempt() throws Exception {
        String a = image("image-a");
        swasd.addFault(Fault.error("DeleteCustomImages", "Throttling.User")); // every call, until the next test
        ImageCleaner cleaner = new ImageCleaner(swas, swasd.regionId(), 3);

        TeaException e = assertThrows(TeaException.class, () -> cleaner.delete(List.of(a)));
        assertEquals("Throttling.User", e.getCode());
        assertEquals(3, cleaner.attempts());
        assertEquals(1, customImages().size());
    }

    @Test
    void everyTestStartsWithoutResources() throws Exception {
        assertTrue(customImages().isEmpty());
        assertTrue(SwasClient.list(swas.call("ListInstances", "RegionId", swasd.regionId()), "Instances").isEmpty());
        image("left-behind"); // gone before the next test
    }

    @Test
    void anImageSharedToASecondAccountIsListedThere() throws Exception {
        SeededAccount other = swasd.seedAccount();
        String shared = image("shared");
        swas.call("AddCustomImageShareAccount", "RegionId", swasd.regionId(), "ImageId", shared, "Account.1",
                other.accountId());

        SwasClient theirs = new SwasClient(swasd.endpoint(), other.accessKeyId(), other.accessKeySecret());
        List<Map<String, Object>> seen = SwasClient.list(theirs.call("ListCustomImages", "RegionId",
                swasd.regionId()), "CustomImages");
        assertEquals(1, seen.size());
        assertEquals(shared, seen.getFirst().get("ImageId"));
    }
}
