package dev.swasd.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The benchmark: set-up through the API, seeding, then each scenario for a fixed time, and a
 * report whose last line is JSON. Every API request is V3-signed with a fresh nonce and passes
 * the whole pipeline (signature, nonce store, validation, authorization, one transaction,
 * rendering); only the bare scenario skips it, by design, to give the ceiling.
 */
public final class Bench {
    private static final String REGION = "cn-hangzhou";
    private static final String V = "2020-06-01";
    private static final String BENCH_KEY_ID = "LTAIBenchRootKey0001";
    private static final String BENCH_SECRET = "BenchRootSecret0001abcdefghij";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds each fixed-rate run goes at its rate before it is measured (see PacedRun). */
    private static final double LEAD_IN = 3;
    /** At most this long a warm-up waits for the JIT to settle (a few seconds is usual). */
    private static final double WARMUP_CAP = 30;
    /** Delete-15 consumes its ids, so its warm-up is capped lower and given a pool sized for the cap. */
    private static final double DELETE15_WARMUP_CAP = 5;

    private final int seconds;
    private final int images;
    private final String db;
    private final int connections;
    private final String endpoint;
    private final String keyId;
    private final String secret;
    private final Path workDir;
    private final Set<Scenario> scenarios;
    private final BenchReport report;

    /** The API scenarios that can be chosen; the bare endpoint always runs, as every ratio's denominator. */
    public enum Scenario {
        LIST,
        CYCLE,
        DELETE15
    }

    public Bench(
            int seconds,
            int images,
            String db,
            int connections,
            String endpoint,
            String keyId,
            String secret,
            Path workDir,
            Set<Scenario> scenarios,
            PrintStream out) {
        this.seconds = seconds;
        this.images = images;
        this.db = db;
        this.connections = connections;
        this.endpoint = endpoint;
        this.keyId = keyId;
        this.secret = secret;
        this.workDir = workDir;
        this.scenarios = EnumSet.copyOf(scenarios);
        this.report = new BenchReport(out);
    }

    public int run() throws Exception {
        Path dir = workDir != null ? workDir : Files.createTempDirectory("swasd-bench");
        try (BenchTarget target = endpoint != null
                ? BenchTarget.external(endpoint, keyId, secret)
                : BenchTarget.spawn(dir.resolve("data"), db, BENCH_KEY_ID, BENCH_SECRET)) {
            return measure(target);
        } finally {
            if (workDir == null) {
                deleteTree(dir);
            }
        }
    }

    private int measure(BenchTarget t) throws Exception {
        RequestSigner signer = new RequestSigner(t.host + ":" + t.port, t.keyId, t.secret);
        report.line("swasd bench: "
                + (t.local()
                        ? "server started in " + t.startupMillis + " ms on " + t.dbUrl
                        : "endpoint " + t.host + ":" + t.port)
                + "; " + connections + " connections, " + seconds
                + " s per scenario, " + Runtime.getRuntime().availableProcessors() + " cores");

        // a server and a snapshot of its system disk, through the API
        JsonNode imagesList = call(t, signer, "ListImages", Map.of("RegionId", REGION, "ImageType", "system"));
        String imageId = imagesList.path("Images").get(0).path("ImageId").asText();
        String instance = call(
                        t,
                        signer,
                        "CreateInstances",
                        Map.of("RegionId", REGION, "ImageId", imageId, "PlanId", "swas.s2.c2m2s40b3t08", "Period", "1"))
                .path("InstanceIds")
                .get(0)
                .asText();
        String disk = call(t, signer, "ListDisks", Map.of("RegionId", REGION, "InstanceId", instance))
                .path("Disks")
                .get(0)
                .path("DiskId")
                .asText();
        String snapshot = call(
                        t,
                        signer,
                        "CreateSnapshot",
                        Map.of("RegionId", REGION, "DiskId", disk, "SnapshotName", "bench"))
                .path("SnapshotId")
                .asText();
        String account = accountOf(t, signer, instance, snapshot);

        RequestSigner user = ramUser(t, signer);

        long seedStart = System.nanoTime();
        seed(t, signer, account, instance, snapshot, "list", images);
        report.line(String.format(
                Locale.ROOT, "seeded %d custom images in %.1f s", images, (System.nanoTime() - seedStart) / 1e9));

        warmUp(t, "(d)", bare(user), WARMUP_CAP);

        LoadRun.Result bare = scenario(
                t,
                "bare",
                "(d) bare /healthz",
                () -> LoadRun.closedLoop(t.host, t.port, connections, seconds, bare(user)),
                Double.NaN,
                "req/s ");
        long failures = bare.failures();
        report.put("bare_rps", bare.perSecond());
        report.put("bare_p99_ms", bare.millis(99));
        if (scenarios.contains(Scenario.LIST)) {
            // enough for half as much again as the warm-up's last second; beyond that the run signs as it goes
            Warmup.Outcome warm = warmUp(t, "(a)", list(user, null), WARMUP_CAP);
            SignedCorpus peakCorpus = new SignedCorpus(
                    (int) Math.ceil(Math.max(1_000, 1.5 * warm.lastSliceRate()) * seconds), () -> listRequest(user));
            LoadRun.Result list = scenario(
                    t,
                    "list",
                    "(a) ListCustomImages, page of 10",
                    () -> LoadRun.closedLoop(t.host, t.port, connections, seconds, list(user, peakCorpus)),
                    bare.perSecond(),
                    "req/s ");
            double rate70 = list.perSecond() * 0.7;
            SignedCorpus rateCorpus =
                    new SignedCorpus((int) Math.ceil(rate70 * (LEAD_IN + seconds)) + 16, () -> listRequest(user));
            LoadRun.Result list70 = scenario(
                    t,
                    "list_at_70pct",
                    String.format(Locale.ROOT, "    same at 70%% of peak (%.0f/s)", rate70),
                    () -> PacedRun.run(
                            t.host, t.port, Math.max(connections, 64), LEAD_IN, seconds, rate70, rateCorpus::next),
                    bare.perSecond(),
                    "req/s ");
            report.put("list_rps", list.perSecond());
            report.put("list_p50_ms", list.millis(50));
            report.put("list_p99_ms", list.millis(99));
            report.put("list_p999_ms", list.millis(99.9));
            report.put("list_p99_ms_at_70pct", list70.millis(99));
            report.put("ratio_list_to_bare", list.perSecond() / bare.perSecond());
            failures += list.failures() + list70.failures();
        }
        double cycleRate = 0;
        if (scenarios.contains(Scenario.CYCLE)) {
            warmUp(t, "(b)", cycle(user, instance, snapshot), WARMUP_CAP);
            LoadRun.Result cycle = scenario(
                    t,
                    "cycle",
                    "(b) CreateCustomImage+Delete cycle",
                    () -> LoadRun.closedLoop(t.host, t.port, connections, seconds, cycle(user, instance, snapshot)),
                    bare.perSecond(),
                    "cyc/s ");
            report.put("cycle_per_s", cycle.perSecond());
            report.put("cycle_p99_ms", cycle.millis(99));
            cycleRate = cycle.perSecond();
            failures += cycle.failures();
        }
        if (scenarios.contains(Scenario.DELETE15)) {
            // enough ids that (c) runs its full time; an external server is seeded through the API, which is slow
            // delete-15 runs near the cycle rate on both engines (docs/performance.md), so three times
            // it is ample; without a cycle run to go by, enough for 2,000 a second
            long expected = !t.local()
                    ? Math.max(50, (long) cycleRate)
                    : cycleRate > 0 ? Math.max(100, (long) (cycleRate * 3)) : 2000;
            int pool = (int) Math.min(1_500_000L, 15L * expected * seconds);
            int warmPool = (int) Math.min(300_000L, 15L * expected * DELETE15_WARMUP_CAP);
            long poolStart = System.nanoTime();
            List<String> doomed = seed(t, signer, account, instance, snapshot, "del", pool + warmPool);
            report.line(String.format(
                    Locale.ROOT,
                    "seeded %d more images for (c) in %.1f s",
                    doomed.size(),
                    (System.nanoTime() - poolStart) / 1e9));
            // the warm-up deletes from a pool of its own, so the measured run has its full pool
            warmUp(t, "(c)", delete15(user, doomed.subList(pool, doomed.size())), DELETE15_WARMUP_CAP);
            LoadRun.Operation deletions = delete15(user, doomed.subList(0, pool));
            LoadRun.Result delete15 = scenario(
                    t,
                    "delete15",
                    "(c) DeleteCustomImages of 15 ids",
                    () -> LoadRun.closedLoop(t.host, t.port, connections, seconds, deletions),
                    bare.perSecond(),
                    "req/s ");
            report.put("delete15_rps", delete15.perSecond());
            report.put("delete15_p99_ms", delete15.millis(99));
            failures += delete15.failures();
        }

        double rss = t.peakRssMib();
        if (t.local()) {
            report.line(String.format(
                    Locale.ROOT, "server: start-up %d ms, peak resident memory %.0f MiB", t.startupMillis, rss));
        }
        report.put("images", images);
        report.put("connections", connections);
        report.put("seconds", seconds);
        report.put("failures", failures);
        if (t.local()) {
            report.put("startup_ms", t.startupMillis);
            report.put("rss_peak_mib", rss);
        }
        report.put(
                "database",
                t.dbUrl == null ? "external" : t.dbUrl.startsWith("jdbc:postgresql") ? "postgresql" : "sqlite");
        report.finish();
        return 0;
    }

    /** Runs {@code op} unmeasured until the server's JIT has compiled its path (see Warmup), and says so. */
    private Warmup.Outcome warmUp(BenchTarget t, String scenario, LoadRun.Operation op, double capSeconds)
            throws InterruptedException {
        // a short run (a smoke test) gets a short warm-up too
        double cap = Math.min(capSeconds, Math.max(3, 3.0 * seconds));
        Warmup.Outcome w = Warmup.run(t.host, t.port, connections, op, cap, Math.min(5, seconds));
        report.line("    warm-up " + scenario + ": " + w.describe());
        return w;
    }

    /** A run that may be interrupted. */
    @FunctionalInterface
    private interface Run {
        LoadRun.Result go() throws InterruptedException, IOException;
    }

    /**
     * Runs one scenario and reports it with the CPU both sides used, to show which side was the
     * limit, and the hiccups a sleeping thread saw meanwhile, to show what the platform took.
     */
    private LoadRun.Result scenario(BenchTarget t, String key, String name, Run run, double bareRps, String unit)
            throws InterruptedException, IOException {
        double server0 = t.cpuSeconds();
        double client0 = clientCpuSeconds();
        long wall0 = System.nanoTime();
        LoadRun.Result r;
        Hiccups.Summary hiccups;
        try (Hiccups meter = Hiccups.start()) {
            r = run.go();
            hiccups = meter.stop();
        }
        // over the whole run, a fixed-rate lead-in included, so CPU and time cover the same span
        double wall = (System.nanoTime() - wall0) / 1e9;
        double serverCores = (t.cpuSeconds() - server0) / wall;
        double clientCores = (clientCpuSeconds() - client0) / wall;
        report.scenario(key, name, r, bareRps, serverCores, clientCores, hiccups, unit);
        return r;
    }

    /**
     * The realistic caller: a RAM user (not root), made through the RAM API, whose policy allows the
     * image work of a CI pipeline, denies sharing, and is limited to loopback callers, so every
     * request pays for real policy evaluation.
     */
    private RequestSigner ramUser(BenchTarget t, RequestSigner root) throws IOException {
        String name = "bench-" + Long.toString(System.nanoTime(), 36);
        ram(t, root, "CreateUser", Map.of("UserName", name));
        JsonNode key = ram(t, root, "CreateAccessKey", Map.of("UserName", name)).path("AccessKey");
        String policy = "{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"swas-open:List*\",\"swas-open:Describe*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"swas-open:CreateCustomImage\",\"swas-open:DeleteCustomImage*\"],"
                + "\"Resource\":\"acs:swas-open:" + REGION + ":*:customimage/*\","
                + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"127.0.0.0/8\",\"::1\"]}}},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"swas-open:ModifyImageShareStatus\","
                + "\"swas-open:AddCustomImageShareAccount\"],\"Resource\":\"*\"}]}";
        ram(t, root, "CreatePolicy", Map.of("PolicyName", name + "-images", "PolicyDocument", policy));
        ram(
                t,
                root,
                "AttachPolicyToUser",
                Map.of("PolicyType", "Custom", "PolicyName", name + "-images", "UserName", name));
        report.line("requests are signed by RAM user " + name + " (custom policy: list, create and delete images "
                + "from loopback; sharing denied)");
        return new RequestSigner(
                t.host + ":" + t.port,
                key.path("AccessKeyId").asText(),
                key.path("AccessKeySecret").asText());
    }

    private static JsonNode ram(BenchTarget t, RequestSigner signer, String action, Map<String, String> params)
            throws IOException {
        try (HttpConnection c = new HttpConnection(t.host, t.port)) {
            HttpConnection.Response r = c.exchange(signer.sign(action, "2015-05-01", params), true);
            if (r.status() != 200) {
                throw new IOException(action + " answered HTTP " + r.status() + ": " + r.text());
            }
            return JSON.readTree(r.body());
        }
    }

    private LoadRun.Operation bare(RequestSigner signer) {
        byte[] request = signer.bare();
        return c -> expectOk(c.exchange(request, false), "bare");
    }

    /** ListCustomImages from a pre-signed corpus (when given and not used up), else signed as it goes. */
    private LoadRun.Operation list(RequestSigner signer, SignedCorpus corpus) {
        return c -> {
            byte[] request = corpus == null ? null : corpus.next();
            return expectOk(c.exchange(request != null ? request : listRequest(signer), false), "list");
        };
    }

    private byte[] listRequest(RequestSigner signer) {
        // clients list the first pages (and poll them); deep OFFSET pages cost O(offset), see docs/performance.md
        int pages = Math.max(1, Math.min(10, images / 10));
        return signer.sign(
                "ListCustomImages",
                V,
                Map.of(
                        "RegionId",
                        REGION,
                        "PageSize",
                        "10",
                        "PageNumber",
                        Integer.toString(1 + ThreadLocalRandom.current().nextInt(pages))));
    }

    private LoadRun.Operation cycle(RequestSigner signer, String instance, String snapshot) {
        AtomicInteger n = new AtomicInteger();
        return c -> {
            HttpConnection.Response created = c.exchange(
                    signer.sign(
                            "CreateCustomImage",
                            V,
                            Map.of(
                                    "RegionId",
                                    REGION,
                                    "InstanceId",
                                    instance,
                                    "ImageName",
                                    "cycle-" + n.incrementAndGet(),
                                    "SystemSnapshotId",
                                    snapshot)),
                    true);
            expectOk(created, "CreateCustomImage");
            String id = JSON.readTree(created.body()).path("ImageId").asText();
            return expectOk(
                    c.exchange(
                            signer.sign(
                                    "DeleteCustomImages",
                                    V,
                                    Map.of("RegionId", REGION, "ImageIds", "[\"" + id + "\"]")),
                            false),
                    "DeleteCustomImages");
        };
    }

    /** Each request deletes the next 15 ids of the pool; all are signed before the run. */
    private LoadRun.Operation delete15(RequestSigner signer, List<String> pool) {
        AtomicInteger batch = new AtomicInteger();
        SignedCorpus corpus = new SignedCorpus(pool.size() / 15, () -> {
            int from = batch.getAndIncrement() * 15;
            StringBuilder ids = new StringBuilder("[");
            for (int i = from; i < from + 15; i++) {
                ids.append(i == from ? "" : ",").append('"').append(pool.get(i)).append('"');
            }
            return signer.sign(
                    "DeleteCustomImages",
                    V,
                    Map.of("RegionId", REGION, "ImageIds", ids.append(']').toString()));
        });
        return c -> {
            byte[] request = corpus.next();
            return request != null && expectOk(c.exchange(request, false), "delete15");
        };
    }

    private static boolean expectOk(HttpConnection.Response r, String what) throws IOException {
        if (r.status() != 200) {
            throw new IOException(what + " answered HTTP " + r.status());
        }
        return true;
    }

    private List<String> seed(
            BenchTarget t,
            RequestSigner signer,
            String account,
            String instance,
            String snapshot,
            String prefix,
            int count)
            throws IOException {
        if (t.local()) {
            return Seeder.images(t.dbUrl, account, REGION, instance, snapshot, prefix, count);
        }
        ArrayList<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(call(
                            t,
                            signer,
                            "CreateCustomImage",
                            Map.of(
                                    "RegionId",
                                    REGION,
                                    "InstanceId",
                                    instance,
                                    "ImageName",
                                    prefix + "-" + i,
                                    "SystemSnapshotId",
                                    snapshot))
                    .path("ImageId")
                    .asText());
        }
        return ids;
    }

    /** The account behind the key, read from an image made for the purpose (then deleted). */
    private static String accountOf(BenchTarget t, RequestSigner signer, String instance, String snapshot)
            throws IOException {
        String id = call(
                        t,
                        signer,
                        "CreateCustomImage",
                        Map.of(
                                "RegionId",
                                REGION,
                                "InstanceId",
                                instance,
                                "ImageName",
                                "probe",
                                "SystemSnapshotId",
                                snapshot))
                .path("ImageId")
                .asText();
        String account = call(t, signer, "ListCustomImages", Map.of("RegionId", REGION, "ImageIds", "[\"" + id + "\"]"))
                .path("CustomImages")
                .get(0)
                .path("UserId")
                .asText();
        call(t, signer, "DeleteCustomImages", Map.of("RegionId", REGION, "ImageIds", "[\"" + id + "\"]"));
        return account;
    }

    private static JsonNode call(BenchTarget t, RequestSigner signer, String action, Map<String, String> params)
            throws IOException {
        try (HttpConnection c = new HttpConnection(t.host, t.port)) {
            HttpConnection.Response r = c.exchange(signer.sign(action, V, params), true);
            if (r.status() != 200) {
                throw new IOException(action + " answered HTTP " + r.status() + ": " + r.text());
            }
            return JSON.readTree(r.body());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }

    static double clientCpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
