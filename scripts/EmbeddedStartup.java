// Measures what docs/performance.md reports for the embedded server: the first start in a fresh
// JVM (class loading included, no start-up cache: a test JVM has none), a second start in the same
// JVM, and resets of small and larger states. Run by scripts/measure-embedded with the class path
// of examples/junit5's tests, so it loads swasd as a user's test does (the plain jar).
import dev.swasd.embedded.EmbeddedSwasd;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

public class EmbeddedStartup {
    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        EmbeddedSwasd first = EmbeddedSwasd.builder().stateDelay(Duration.ZERO).quota("unlimited").start();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("jvm start -> main: %d ms%n", main - jvmStart);
        System.out.printf("first start (in-JVM, cold classes): %.0f ms wall, process CPU until listening %.0f ms%n",
                firstMs, ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e6);
        System.out.printf("jvm start -> first server listening: %d ms%n", System.currentTimeMillis() - jvmStart);

        long t1 = System.nanoTime();
        EmbeddedSwasd second = EmbeddedSwasd.builder().start();
        System.out.printf("second start, same JVM: %.0f ms%n", (System.nanoTime() - t1) / 1e6);
        long t2 = System.nanoTime();
        second.close();
        System.out.printf("close (stop + remove data dir): %.0f ms%n", (System.nanoTime() - t2) / 1e6);

        if (args.length > 0 && args[0].equals("start-only")) {
            first.close();
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((first.accessKeyId() + ":"
                + first.accessKeySecret()).getBytes(StandardCharsets.UTF_8));
        for (int servers : new int[] {0, 10, 100}) {
            List<Double> java = new ArrayList<>();
            List<Double> over = new ArrayList<>();
            for (int round = 0; round < 21; round++) {
                Seed.servers(first, servers);
                long r = System.nanoTime();
                first.reset();
                java.add((System.nanoTime() - r) / 1e6);
                Seed.servers(first, servers);
                long h = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(first.controlEndpoint()
                        + "reset")).header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(answer.body());
                }
                over.add((System.nanoTime() - h) / 1e6);
                if (round == 20) {
                    System.out.printf("  last HTTP reset answered %s", answer.body());
                }
            }
            var left = (List<?>) Seed.call(new com.aliyun.teaopenapi.Client(new com.aliyun.teaopenapi.models.Config()
                    .setEndpoint(first.endpoint()).setProtocol("http").setAccessKeyId(first.accessKeyId())
                    .setAccessKeySecret(first.accessKeySecret())), "ListInstances", "RegionId", "cn-hangzhou")
                    .get("Instances");
            if (!left.isEmpty()) {
                throw new IllegalStateException("servers left after a reset: " + left.size());
            }
            System.out.printf("reset of %d servers (each with its disk, a snapshot, an image, a tag): Java median %.1f ms "
                    + "max %.1f ms; HTTP median %.1f ms max %.1f ms (first round left out)%n", servers, median(java),
                    max(java), median(over), max(over));
        }
        first.close();
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs.subList(1, xs.size()));
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static double max(List<Double> xs) {
        return Collections.max(xs.subList(1, xs.size()));
    }

    /** Servers made through the official client, each with a snapshot, a custom image and a tag. */
    static final class Seed {
        static void servers(EmbeddedSwasd swasd, int n) throws Exception {
            if (n == 0) {
                return;
            }
            var client = new com.aliyun.teaopenapi.Client(new com.aliyun.teaopenapi.models.Config()
                    .setEndpoint(swasd.endpoint()).setProtocol("http").setAccessKeyId(swasd.accessKeyId())
                    .setAccessKeySecret(swasd.accessKeySecret()));
            String linux = "";
            var images = call(client, "ListImages", "RegionId", "cn-hangzhou", "ImageType", "system");
            for (Object i : (List<?>) images.get("Images")) {
                var m = (java.util.Map<?, ?>) i;
                if ("Linux".equals(m.get("Platform"))) {
                    linux = (String) m.get("ImageId");
                    break;
                }
            }
            var made = new ArrayList<String>();
            for (int left = n; left > 0; left -= 10) {
                var ids = (List<?>) call(client, "CreateInstances", "RegionId", "cn-hangzhou", "ImageId", linux,
                        "PlanId", "swas.s2.c2m2s40b3t08", "Period", "1", "Amount", String.valueOf(Math.min(10, left)))
                        .get("InstanceIds");
                ids.forEach(id -> made.add((String) id));
            }
            for (String id : made) {
                var disks = (List<?>) call(client, "ListDisks", "RegionId", "cn-hangzhou", "InstanceId", id,
                        "DiskType", "system").get("Disks");
                String disk = (String) ((java.util.Map<?, ?>) disks.get(0)).get("DiskId");
                String snap = (String) call(client, "CreateSnapshot", "RegionId", "cn-hangzhou", "DiskId", disk,
                        "SnapshotName", "snap").get("SnapshotId");
                call(client, "CreateCustomImage", "RegionId", "cn-hangzhou", "InstanceId", id, "ImageName", "image",
                        "SystemSnapshotId", snap);
                call(client, "TagResources", "RegionId", "cn-hangzhou", "ResourceType", "instance", "ResourceId.1",
                        id, "Tag.1.Key", "env", "Tag.1.Value", "test");
            }
        }

        @SuppressWarnings("unchecked")
        static java.util.Map<String, Object> call(com.aliyun.teaopenapi.Client c, String action, String... kv)
                throws Exception {
            var q = new java.util.HashMap<String, String>();
            for (int i = 0; i < kv.length; i += 2) {
                q.put(kv[i], kv[i + 1]);
            }
            var p = new com.aliyun.teaopenapi.models.Params().setAction(action).setVersion("2020-06-01")
                    .setProtocol("HTTP").setPathname("/").setMethod("POST").setAuthType("AK").setStyle("RPC")
                    .setReqBodyType("formData").setBodyType("json");
            return (java.util.Map<String, Object>) c.callApi(p, new com.aliyun.teaopenapi.models.OpenApiRequest()
                    .setQuery(q), new com.aliyun.teautil.models.RuntimeOptions()).get("body");
        }
    }
}
