package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.Slow;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Identical requests with one ClientToken, racing: exactly one resource, every caller told its id. */
@Slow
class IdempotencyRaceTest {
    private static final String R = "cn-hangzhou";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Duration.ZERO, Quotas.unlimited());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void racingRetriesMakeOneImage() throws Exception {
        TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
        String image = (String) ((List<Map<String, Object>>) c.call("ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .getFirst()
                .get("ImageId");
        String instance = ((List<String>) c.call(
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                image,
                                "PlanId",
                                "swas.s2.c2m2s40b3t08",
                                "Period",
                                1)
                        .get("InstanceIds"))
                .getFirst();
        String disk = (String) ((List<Map<String, Object>>) c.call("ListDisks", "RegionId", R, "InstanceId", instance)
                        .get("Disks"))
                .getFirst()
                .get("DiskId");
        String snapshot = (String) c.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "race")
                .get("SnapshotId");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String token = "race-token-" + round;
                List<Callable<String>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    TeaClient own = TeaClient.swas(
                            server.endpoint(),
                            TestServer.ROOT_KEY_ID,
                            TestServer.ROOT_SECRET,
                            i % 2 == 0 ? "v3" : "v1");
                    calls.add(() -> (String) own.call(
                                    "CreateCustomImage",
                                    "RegionId",
                                    R,
                                    "InstanceId",
                                    instance,
                                    "ImageName",
                                    "race-" + token,
                                    "SystemSnapshotId",
                                    snapshot,
                                    "ClientToken",
                                    token)
                            .get("ImageId"));
                }
                Set<String> ids = new HashSet<>();
                for (Future<String> f : pool.invokeAll(calls)) {
                    ids.add(f.get());
                }
                assertThat(ids).as("round %s", round).hasSize(1);
                Map<String, Object> listed =
                        c.call("ListCustomImages", "RegionId", R, "ImageNames", "[\"race-" + token + "\"]");
                assertThat(listed.get("TotalCount")).isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
