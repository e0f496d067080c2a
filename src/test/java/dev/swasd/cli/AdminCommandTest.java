package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swasd admin export / import}: a state made through the API survives SQLite → PostgreSQL
 * → SQLite (SQLite → SQLite → SQLite without PostgreSQL) unchanged, and bad input is one line.
 */
@Slow
class AdminCommandTest {
    private static final String R = "cn-hangzhou";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** {@link Main#run} with what it prints kept off the console; printed after all if it fails. */
    private static int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(to);
        System.setErr(to);
        int exit;
        try {
            exit = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (exit != 0) {
            err.print(captured.toString(StandardCharsets.UTF_8));
        }
        return exit;
    }

    private static String sqlite(Path data) {
        return "jdbc:sqlite:" + data.resolve("swasd.db").toAbsolutePath();
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Map<String, Object> body, String name) {
        return (T) body.get(name);
    }

    /** Servers, disks, snapshots, images (one shared to ECS, one to an account, one deleted), tags, tokens, a key pair. */
    private static List<String> makeState(Path data) throws Exception {
        List<String> ids = new ArrayList<>();
        try (TestServer server = TestServer.start(data, sqlite(data), null, Duration.ZERO, Quotas.defaults())) {
            TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
            String linux = ((List<Map<String, Object>>)
                            field(c.call("ListImages", "RegionId", R, "ImageType", "system"), "Images"))
                    .stream()
                            .filter(i -> "Linux".equals(i.get("Platform")))
                            .findFirst()
                            .orElseThrow()
                            .get("ImageId")
                            .toString();
            List<String> servers = field(
                    c.call(
                            "CreateInstances",
                            "RegionId",
                            R,
                            "ImageId",
                            linux,
                            "PlanId",
                            "swas.s2.c2m2s40b3t08",
                            "Period",
                            1,
                            "Amount",
                            2,
                            "DataDiskSize",
                            40,
                            "ClientToken",
                            "make-2"),
                    "InstanceIds");
            ids.addAll(servers);
            String disk = ((List<Map<String, Object>>) field(
                            c.call("ListDisks", "RegionId", R, "InstanceId", servers.get(0), "DiskType", "system"),
                            "Disks"))
                    .getFirst()
                    .get("DiskId")
                    .toString();
            String snap = field(
                    c.call("CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "snap-1"), "SnapshotId");
            List<String> images = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                images.add(field(
                        c.call(
                                "CreateCustomImage",
                                "RegionId",
                                R,
                                "InstanceId",
                                servers.get(0),
                                "ImageName",
                                "img-" + i,
                                "SystemSnapshotId",
                                snap,
                                "Description",
                                i == 0 ? "镜像 ✓ \"quoted\"" : null,
                                "Tag.1.Key",
                                "team",
                                "Tag.1.Value",
                                "ops-" + i),
                        "ImageId"));
            }
            ids.addAll(images);
            c.call("ModifyImageShareStatus", "RegionId", R, "ImageId", images.get(0), "Operation", "Share");
            c.call(
                    "AddCustomImageShareAccount",
                    "RegionId",
                    R,
                    "ImageId",
                    images.get(1),
                    "Account.1",
                    "2000000000000002");
            c.call(
                    "DeleteCustomImages",
                    "RegionId",
                    R,
                    "ImageIds",
                    "[\"" + images.get(2) + "\"]",
                    "ClientToken",
                    "del-1");
            c.call(
                    "TagResources",
                    "RegionId",
                    R,
                    "ResourceType",
                    "instance",
                    "ResourceId.1",
                    servers.get(1),
                    "Tag.1.Key",
                    "env",
                    "Tag.1.Value",
                    "prod");
            // a key pair held by a server: key_pairs, and instance_key_pairs referring to both
            c.call(
                    "ImportKeyPair",
                    "RegionId",
                    R,
                    "KeyPairName",
                    "laptop",
                    "PublicKeyBody",
                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2");
            c.call("AttachKeyPair", "RegionId", R, "KeyPairName", "laptop", "InstanceIds.1", servers.get(0));
        }
        // a server still Pending (next_at set) for the columns that are not null only in transition
        try (TestServer server = TestServer.start(data, sqlite(data), null, Duration.ofHours(1), Quotas.defaults())) {
            TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v1");
            String linux = ((List<Map<String, Object>>)
                            field(c.call("ListImages", "RegionId", R, "ImageType", "system"), "Images"))
                    .stream()
                            .filter(i -> "Linux".equals(i.get("Platform")))
                            .findFirst()
                            .orElseThrow()
                            .get("ImageId")
                            .toString();
            ids.addAll(field(
                    c.call(
                            "CreateInstances",
                            "RegionId",
                            R,
                            "ImageId",
                            linux,
                            "PlanId",
                            "swas.s1.c1m1s40b3t05",
                            "Period",
                            1),
                    "InstanceIds"));
        }
        return ids;
    }

    private static JsonNode exported(Path file) throws Exception {
        JsonNode doc = JSON.readTree(file.toFile());
        assertThat(doc.path("format").asText()).isEqualTo("swasd-export");
        assertThat(doc.path("formatVersion").asInt()).isEqualTo(1);
        return doc;
    }

    /** What must be identical between two exports of one state: all but the moment of export. */
    private static JsonNode content(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove("exportedAt");
        return copy;
    }

    private static Path withKeyOf(Path from, Path data) throws Exception {
        Files.createDirectories(data);
        Files.copy(from.resolve("master.key"), data.resolve("master.key"));
        return data;
    }

    @Test
    void roundTripThroughBothBackendsKeepsEveryRow() throws Exception {
        Path a = tmp.resolve("a");
        List<String> ids = makeState(a);

        Path fileA = tmp.resolve("a.json");
        assertThat(run("admin", "export", fileA.toString(), "--data", a.toString()))
                .isZero();
        assertThat(Files.getPosixFilePermissions(fileA)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode docA = exported(fileA);
        JsonNode tables = docA.path("tables");
        assertThat(tables.has("nonces")).isFalse();
        assertThat(tables.has("flyway_schema_history")).isFalse();
        assertThat(names(tables))
                .contains(
                        "accounts",
                        "access_keys",
                        "instances",
                        "disks",
                        "snapshots",
                        "custom_images",
                        "image_share_accounts",
                        "tags",
                        "idempotency");
        // parents before children, so an import satisfies every foreign key as it goes
        List<String> order = names(tables);
        assertThat(order.indexOf("accounts")).isLessThan(order.indexOf("access_keys"));
        assertThat(order.indexOf("instances")).isLessThan(order.indexOf("disks"));
        assertThat(order.indexOf("custom_images")).isLessThan(order.indexOf("image_share_accounts"));
        assertThat(tables.path("instances")).hasSize(3);
        assertThat(tables.path("disks")).hasSize(5);
        assertThat(tables.path("custom_images")).hasSize(3);
        assertThat(tables.path("access_keys").get(0).path("secret_cipher").asText())
                .startsWith("v1:")
                .doesNotContain(TestServer.ROOT_SECRET);
        assertThat(docA.path("schemaVersion").asText()).isNotEmpty();
        assertThat(docA.path("masterKeyId").asText()).matches("[0-9a-f]{16}");

        // through PostgreSQL when the suite has one, else through a second SQLite file
        Path b = withKeyOf(a, tmp.resolve("b"));
        String middle = TestDatabases.postgres() ? TestDatabases.fresh(b, "b") : sqlite(b);
        Path fileB = tmp.resolve("b.json");
        assertThat(run("admin", "import", fileA.toString(), "--data", b.toString(), "--db", middle))
                .isZero();
        assertThat(run("admin", "export", fileB.toString(), "--data", b.toString(), "--db", middle))
                .isZero();

        Path c = withKeyOf(a, tmp.resolve("c"));
        Path fileC = tmp.resolve("c.json");
        assertThat(run("admin", "import", fileB.toString(), "--data", c.toString()))
                .isZero();
        assertThat(run("admin", "export", fileC.toString(), "--data", c.toString()))
                .isZero();

        assertThat(content(exported(fileB))).isEqualTo(content(docA));
        assertThat(content(exported(fileC))).isEqualTo(content(docA));

        // the restored node serves the same state to the same key, and replays the same tokens
        try (TestServer server = TestServer.start(c, sqlite(c), null, Duration.ofHours(1), Quotas.defaults())) {
            TeaClient client = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
            List<Map<String, Object>> images =
                    field(client.call("ListCustomImages", "RegionId", R, "PageSize", 100), "CustomImages");
            assertThat(images).extracting(i -> i.get("ImageId")).containsExactlyInAnyOrder(ids.get(2), ids.get(3));
            assertThat(images)
                    .filteredOn(i -> i.get("ImageId").equals(ids.get(2)))
                    .singleElement()
                    .satisfies(i -> {
                        assertThat(i.get("InShare")).isEqualTo(true);
                        assertThat(i.get("Description")).isEqualTo("镜像 ✓ \"quoted\"");
                    });
            List<String> replay = field(
                    client.call(
                            "CreateInstances",
                            "RegionId",
                            R,
                            "ImageId",
                            tables.path("instances")
                                    .findValuesAsText("image_id")
                                    .getFirst(),
                            "PlanId",
                            "swas.s2.c2m2s40b3t08",
                            "Period",
                            1,
                            "Amount",
                            2,
                            "DataDiskSize",
                            40,
                            "ClientToken",
                            "make-2"),
                    "InstanceIds");
            assertThat(replay).containsExactly(ids.get(0), ids.get(1));
            List<Map<String, Object>> statuses = field(
                    client.call("ListInstanceStatus", "RegionId", R, "InstanceIds", "[\"" + ids.get(5) + "\"]"),
                    "InstanceStatuses");
            assertThat(statuses)
                    .singleElement()
                    .satisfies(s -> assertThat(s.get("Status")).isEqualTo("Pending"));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void refusalsAreOneLineWithTheRightExitCode() throws Exception {
        Path a = tmp.resolve("a");
        try (TestServer ignored = TestServer.start(a, sqlite(a), null, Duration.ZERO, Quotas.defaults())) {
            // the account and its root key: enough state to export
        }
        Path file = tmp.resolve("a.json");
        assertThat(run("admin", "export", file.toString(), "--data", a.toString()))
                .isZero();

        expectFailure(
                1,
                "import failed: the target database is not empty (table accounts has 1 row)",
                Map.of(),
                "admin",
                "import",
                file.toString(),
                "--data",
                a.toString());
        expectFailure(
                1,
                "and this node has none: copy that master.key into",
                Map.of(),
                "admin",
                "import",
                file.toString(),
                "--data",
                tmp.resolve("no-key").toString());
        byte[] otherKey = new byte[32];
        expectFailure(
                1,
                "but this node's is",
                Map.of("SWASD_MASTER_KEY", Base64.getEncoder().encodeToString(otherKey)),
                "admin",
                "import",
                file.toString(),
                "--data",
                tmp.resolve("other-key").toString());
        Path garbage = Files.writeString(tmp.resolve("garbage.json"), "{\"tables\": [");
        expectFailure(
                1,
                "import failed: not a swasd export: malformed JSON",
                Map.of(),
                "admin",
                "import",
                garbage.toString(),
                "--data",
                tmp.resolve("g").toString());
        Path future = Files.writeString(
                tmp.resolve("future.json"),
                "{\"format\":\"swasd-export\",\"formatVersion\":99,\"schemaVersion\":\"1\",\"tables\":{}}");
        expectFailure(
                1,
                "export format version 99 is not supported",
                Map.of(),
                "admin",
                "import",
                future.toString(),
                "--data",
                tmp.resolve("f").toString());
        Path newer = Files.writeString(
                tmp.resolve("newer.json"),
                "{\"format\":\"swasd-export\",\"formatVersion\":1,\"schemaVersion\":\"999\",\"tables\":{}}");
        expectFailure(
                1,
                "the export is of schema version 999, newer than this swasd's",
                Map.of(),
                "admin",
                "import",
                newer.toString(),
                "--data",
                tmp.resolve("n").toString());
        Path strange = Files.writeString(
                tmp.resolve("strange.json"),
                "{\"format\":\"swasd-export\",\"formatVersion\":1,\"schemaVersion\":\"1\",\"tables\":{\"planets\":[]}}");
        expectFailure(
                1,
                "the export has a table 'planets' this database does not have",
                Map.of(),
                "admin",
                "import",
                strange.toString(),
                "--data",
                tmp.resolve("s").toString());
        expectFailure(
                1,
                "export failed: no database at",
                Map.of(),
                "admin",
                "export",
                tmp.resolve("x.json").toString(),
                "--data",
                tmp.resolve("empty").toString());
        assertThat(Files.exists(tmp.resolve("empty").resolve("swasd.db")))
                .as("export made no database")
                .isFalse();
        expectFailure(
                1,
                "import failed: no such file:",
                Map.of(),
                "admin",
                "import",
                tmp.resolve("missing.json").toString(),
                "--data",
                tmp.resolve("m").toString());
        expectFailure(2, "admin needs a subcommand: export, import", Map.of(), "admin");
        expectFailure(2, "Missing required parameter: 'FILE'", Map.of(), "admin", "export");
    }

    private static void expectFailure(int exit, String message, Map<String, String> env, String... args)
            throws Exception {
        try (ServeProcess p = ServeProcess.start(env, args)) {
            assertThat(p.awaitExit(60))
                    .as("exit of %s; stderr %s", List.of(args), p.err)
                    .isEqualTo(exit);
            assertThat(p.errorLines())
                    .as("stderr of %s", List.of(args))
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("swasd: ")
                    .contains(message);
        }
    }
}
