package dev.swasd.cli.bench;

import dev.swasd.server.ServerConfig;
import dev.swasd.server.Swasd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the start-up cache ({@code ./swasd} runs it under
 * {@code -XX:AOTCacheOutput} once per build; docs/performance.md): a server on a throw-away data
 * directory serves a few genuine requests — signed, authorized, answered from the database, and
 * refused — and stops. The JVM then stores the classes this loaded and linked, and the profiles
 * of the methods it ran, so that later start-ups skip that work.
 */
public final class StartupTraining {
    private static final String KEY_ID = "LTAITrainingRootKey01";
    private static final String SECRET = "TrainingRootSecret0001abcdef";
    private static final String REGION = "cn-hangzhou";
    private static final String V = "2020-06-01";

    private StartupTraining() {}

    public static void run() throws Exception {
        Path dir = Files.createTempDirectory("swasd-training");
        try {
            ServerConfig config = ServerConfig.builder(dir.resolve("data"))
                    .port(0)
                    .rootKey(KEY_ID, SECRET)
                    .build();
            try (Swasd server = Swasd.start(config)) {
                exercise(server.port());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void exercise(int port) throws Exception {
        RequestSigner root = new RequestSigner("127.0.0.1:" + port, KEY_ID, SECRET);
        RequestSigner stranger = new RequestSigner("127.0.0.1:" + port, "LTAINoSuchKey0000001", SECRET);
        try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
            for (int round = 0; round < 20; round++) {
                c.exchange(root.bare(), false);
                c.exchange(root.sign("ListRegions", V, Map.of()), false);
                c.exchange(root.sign("ListImages", V, Map.of("RegionId", REGION)), false);
                c.exchange(root.sign("ListCustomImages", V, Map.of("RegionId", REGION, "PageSize", "10")), false);
                c.exchange(
                        root.sign(
                                "DeleteCustomImages",
                                V,
                                Map.of("RegionId", REGION, "ImageIds", "[\"m-nosuchimage0000001\"]")),
                        false);
                c.exchange(root.sign("ListUsers", "2015-05-01", Map.of()), false);
                c.exchange(stranger.sign("ListCustomImages", V, Map.of("RegionId", REGION)), false);
            }
        }
    }
}
