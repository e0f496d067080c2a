package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.swas.Quotas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over one database (PostgreSQL in the PostgreSQL run, one SQLite file otherwise), with
 * writers of one account racing on both: every write succeeds, quotas hold across nodes, and a
 * ClientToken used on one node replays on the other.
 */
@Slow
class ScaleOutTest {
    private static final String R = "cn-hangzhou";
    private static final String PLAN = "swas.s2.c2m2s40b3t08";
    private static final int THREADS_PER_NODE = 4;
    private Path dir;
    private String url;
    private final List<TestServer> nodes = new ArrayList<>();

    @BeforeEach
    void prepare() throws Exception {
        dir = Files.createTempDirectory("swasd-scale");
        url = TestDatabases.fresh(dir, "shared");
    }

    @AfterEach
    void stop() throws Exception {
        for (TestServer n : nodes) {
            n.close();
        }
    }

    /** Nodes share the data directory for its master key (SWASD_MASTER_KEY in a real deployment). */
    private List<TeaClient> twoNodes(Quotas quotas) {
        for (int i = 0; i < 2; i++) {
            nodes.add(TestServer.start(dir, url, null, Duration.ZERO, quotas));
        }
        return nodes.stream()
                .map(n -> TeaClient.swas(n.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String linux(TeaClient c) {
        return ((List<Map<String, Object>>) c.call("ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .stream()
                        .filter(i -> "Linux".equals(i.get("Platform")))
                        .findFirst()
                        .orElseThrow()
                        .get("ImageId")
                        .toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void racingWritersOnTwoNodesAllSucceed() throws Exception {
        List<TeaClient> clients = twoNodes(Quotas.unlimited());
        String image = linux(clients.getFirst());
        int perThread = 6;
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
            TeaClient c = clients.get(t % 2);
            String prefix = "t" + t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String server = ((List<String>) c.call(
                                            "CreateInstances",
                                            "RegionId",
                                            R,
                                            "ImageId",
                                            image,
                                            "PlanId",
                                            PLAN,
                                            "Period",
                                            1,
                                            "ClientToken",
                                            prefix + "-" + i)
                                    .get("InstanceIds"))
                            .getFirst();
                    String disk = ((List<Map<String, Object>>) c.call("ListDisks", "RegionId", R, "InstanceId", server)
                                    .get("Disks"))
                            .getFirst()
                            .get("DiskId")
                            .toString();
                    c.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "snap-" + prefix + "-" + i);
                }
                return perThread;
            }));
        }
        for (Future<Integer> f : done) {
            f.get();
        }
        pool.shutdown();
        int expected = 2 * THREADS_PER_NODE * perThread;
        assertThat(clients.get(1)
                        .call("ListInstances", "RegionId", R)
                        .get("TotalCount")
                        .toString())
                .isEqualTo(Integer.toString(expected));
        assertThat(clients.get(0)
                        .call("ListSnapshots", "RegionId", R)
                        .get("TotalCount")
                        .toString())
                .isEqualTo(Integer.toString(expected));
        // thread 0 ran on node 0; its token replays on node 1 with the same server
        Object first = clients.get(0)
                .call(
                        "CreateInstances",
                        "RegionId",
                        R,
                        "ImageId",
                        image,
                        "PlanId",
                        PLAN,
                        "Period",
                        1,
                        "ClientToken",
                        "t0-0")
                .get("InstanceIds");
        Object again = clients.get(1)
                .call(
                        "CreateInstances",
                        "RegionId",
                        R,
                        "ImageId",
                        image,
                        "PlanId",
                        PLAN,
                        "Period",
                        1,
                        "ClientToken",
                        "t0-0")
                .get("InstanceIds");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aQuotaHoldsAcrossNodesUnderRacingCreates() throws Exception {
        int quota = 10;
        List<TeaClient> clients = twoNodes(Quotas.defaults().with("instances-per-region=" + quota));
        String image = linux(clients.getFirst());
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<List<String>>> outcomes = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
            TeaClient c = clients.get(t % 2);
            Callable<List<String>> work = () -> {
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    try {
                        c.send("CreateInstances", "RegionId", R, "ImageId", image, "PlanId", PLAN, "Period", 1);
                        codes.add("OK");
                    } catch (TeaException e) {
                        codes.add(e.getCode());
                    }
                }
                return codes;
            };
            outcomes.add(pool.submit(work));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : outcomes) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).filteredOn("OK"::equals).hasSize(quota);
        assertThat(all).filteredOn(code -> !"OK".equals(code)).containsOnly("QuotaExceeded.Instance");
        assertThat(clients.get(1)
                        .call("ListInstances", "RegionId", R)
                        .get("TotalCount")
                        .toString())
                .isEqualTo(Integer.toString(quota));
    }
}
