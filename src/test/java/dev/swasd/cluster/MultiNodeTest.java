package dev.swasd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.protocol.SignatureV1;
import dev.swasd.server.TestServer;
import dev.swasd.store.Database;
import dev.swasd.swas.Quotas;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two swasd nodes on one database (SQLite file, or PostgreSQL in the suite's second run) are one
 * service: resources, spent nonces, ClientTokens and state transitions are shared.
 */
@Slow
class MultiNodeTest {
    private static final String R = "cn-hangzhou";

    @TempDir
    static Path dir;

    private static String url;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() {
        url = TestDatabases.fresh(dir, "cluster");
        a = TestServer.start(dir, url, null, Duration.ofMillis(200), Quotas.unlimited());
        b = TestServer.start(dir, url, null, Duration.ofMillis(200), Quotas.unlimited());
    }

    @AfterAll
    static void stop() throws Exception {
        a.close();
        b.close();
    }

    static TeaClient client(TestServer node) {
        return TeaClient.swas(node.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
    }

    @SuppressWarnings("unchecked")
    static String snapshotOnNewServer(TeaClient c) throws InterruptedException {
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
        String snapshot = (String) c.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "node")
                .get("SnapshotId");
        Thread.sleep(400);
        return instance + "/" + snapshot;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResourceMadeOnOneNodeIsSeenAndDeletedOnTheOther() throws Exception {
        String[] made = snapshotOnNewServer(client(a)).split("/");
        String image = (String) client(a)
                .call(
                        "CreateCustomImage",
                        "RegionId",
                        R,
                        "InstanceId",
                        made[0],
                        "ImageName",
                        "across",
                        "SystemSnapshotId",
                        made[1])
                .get("ImageId");
        Thread.sleep(400);
        List<Map<String, Object>> onB = (List<Map<String, Object>>) client(b)
                .call("ListCustomImages", "RegionId", R, "ImageIds", "[\"" + image + "\"]")
                .get("CustomImages");
        assertThat(onB)
                .singleElement()
                .satisfies(i -> assertThat(i.get("Status")).isEqualTo("1"));
        client(b).call("ModifyImageShareStatus", "RegionId", R, "ImageId", image, "Operation", "Share");
        assertThat(client(a)
                        .error("DeleteCustomImages", "RegionId", R, "ImageIds", image)
                        .getCode())
                .isEqualTo("CustomImageInShare");
        client(a).call("ModifyImageShareStatus", "RegionId", R, "ImageId", image, "Operation", "UnShare");
        client(b).call("DeleteCustomImages", "RegionId", R, "ImageIds", image);
        assertThat(client(a)
                        .error("DeleteCustomImage", "RegionId", R, "ImageId", image)
                        .getCode())
                .isEqualTo("InvalidImageId.NotFound");
    }

    /** The other node's lists are answered from kept results (SQLite); a write must show at once, not later. */
    @Test
    @SuppressWarnings("unchecked")
    void aListOnOneNodeShowsAtOnceWhatTheOtherJustWrote() throws Exception {
        String[] made = snapshotOnNewServer(client(a)).split("/");
        Supplier<List<Map<String, Object>>> listOnB = () -> (List<Map<String, Object>>) client(b)
                .call("ListCustomImages", "RegionId", R, "InstanceId", made[0], "PageSize", 50)
                .get("CustomImages");
        assertThat(listOnB.get()).isEmpty();
        assertThat(listOnB.get()).isEmpty(); // now kept on B
        String image = (String) client(a)
                .call(
                        "CreateCustomImage",
                        "RegionId",
                        R,
                        "InstanceId",
                        made[0],
                        "ImageName",
                        "seen-at-once",
                        "SystemSnapshotId",
                        made[1])
                .get("ImageId");
        assertThat(listOnB.get()).singleElement().satisfies(i -> {
            assertThat(i.get("ImageId")).isEqualTo(image);
            assertThat(i.get("Status")).as("Creating, for the state delay").isEqualTo("4");
        });
        client(a)
                .call(
                        "TagResources",
                        "RegionId",
                        R,
                        "ResourceType",
                        "customimage",
                        "ResourceId.1",
                        image,
                        "Tag.1.Key",
                        "env",
                        "Tag.1.Value",
                        "test");
        assertThat((List<Map<String, Object>>) listOnB.get().getFirst().get("Tags"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("Key")).isEqualTo("env"));
        // Available once its time has come, whether or not a settler has written it yet
        Thread.sleep(300);
        assertThat(listOnB.get().getFirst().get("Status")).isEqualTo("1");
        client(a).call("DeleteCustomImages", "RegionId", R, "ImageIds", "[\"" + image + "\"]");
        assertThat(listOnB.get()).isEmpty();
    }

    @Test
    void aNonceSpentOnOneNodeIsRefusedOnTheOther() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "ListRegions");
        p.put("Version", "2020-06-01");
        p.put("Format", "JSON");
        p.put("AccessKeyId", TestServer.ROOT_KEY_ID);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        p.put("Signature", SignatureV1.sign(TestServer.ROOT_SECRET, SignatureV1.stringToSign("GET", p, false)));
        String query = p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> first = http.send(
                HttpRequest.newBuilder(URI.create("http://" + a.endpoint() + "/?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> replay = http.send(
                HttpRequest.newBuilder(URI.create("http://" + b.endpoint() + "/?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(replay.body()).path("Code").asText())
                .isEqualTo("SignatureNonceUsed");
    }

    @Test
    void aClientTokenReplayedOnTheOtherNodeReturnsTheFirstOutcomeAlsoWhenRacing() throws Exception {
        String[] made = snapshotOnNewServer(client(a)).split("/");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 4; round++) {
                String token = "cluster-" + round;
                List<Callable<String>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    TeaClient c = client(i % 2 == 0 ? a : b);
                    calls.add(() -> (String) c.call(
                                    "CreateCustomImage",
                                    "RegionId",
                                    R,
                                    "InstanceId",
                                    made[0],
                                    "ImageName",
                                    "tok-" + token,
                                    "SystemSnapshotId",
                                    made[1],
                                    "ClientToken",
                                    token)
                            .get("ImageId"));
                }
                Set<String> ids = new HashSet<>();
                for (Future<String> f : pool.invokeAll(calls)) {
                    ids.add(f.get());
                }
                assertThat(ids).hasSize(1);
                assertThat(client(b)
                                .call("ListCustomImages", "RegionId", R, "ImageNames", "[\"tok-" + token + "\"]")
                                .get("TotalCount"))
                        .isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachTransitionIsWrittenOnceWhicheverNodeSettlesIt() throws Exception {
        TeaClient c = client(a);
        String image = (String) ((List<Map<String, Object>>) c.call("ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .getFirst()
                .get("ImageId");
        List<String> ids = (List<String>) c.call(
                        "CreateInstances",
                        "RegionId",
                        R,
                        "ImageId",
                        image,
                        "PlanId",
                        "swas.s2.c2m2s40b3t08",
                        "Period",
                        1,
                        "Amount",
                        5)
                .get("InstanceIds");
        // both nodes run their settler every second; give each several chances
        Thread.sleep(3500);
        try (Database db = Database.open(url, null, null)) {
            for (String id : ids) {
                long[] row = db.read(tx -> tx.one(
                                "SELECT version, next_at FROM instances WHERE instance_id = ?",
                                rs -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2)},
                                id))
                        .orElseThrow();
                assertThat(row[1]).as("transition settled").isEqualTo(-1);
                assertThat(row[0]).as("written exactly once").isEqualTo(1);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConsoleUrlOrApplyTaskOfOneNodeIsTheOthersToo() throws Exception {
        String instance = snapshotOnNewServer(client(a)).split("/")[0];
        String vnc = URLDecoder.decode(
                (String) client(a)
                        .call("DescribeInstanceVncUrl", "RegionId", R, "InstanceId", instance)
                        .get("VncUrl"),
                StandardCharsets.UTF_8);
        String onB = vnc.replaceFirst("^ws://[^/]+", "http://" + b.endpoint());
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(onB)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("node b opens node a's session").isEqualTo(200);
        assertThat(page.body()).contains(instance);

        String template = (String) client(a)
                .call(
                        "CreateFirewallTemplate",
                        "RegionId",
                        R,
                        "Name",
                        "cluster",
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "8443")
                .get("FirewallTemplateId");
        String task = (String) client(b)
                .call("ApplyFirewallTemplate", "RegionId", R, "FirewallTemplateId", template, "InstanceIds.1", instance)
                .get("TaskId");
        Thread.sleep(400);
        Map<String, Object> result = ((List<Map<String, Object>>) client(a)
                        .call("DescribeFirewallTemplateApplyResults", "RegionId", R, "TaskId.1", task)
                        .get("data"))
                .getFirst();
        assertThat(result).containsEntry("Status", "Success");
    }
}
