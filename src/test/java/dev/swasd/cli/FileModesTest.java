package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.HostileClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory is the owner's alone whatever the umask: swasd serve run under umask 000
 * makes the directory 0700 and every file in it (database, -wal, -shm, nonce log, keys) 0600;
 * serve and admin refuse a data directory that others can write, with one line.
 */
class FileModesTest {
    private static final String KEY = "LTAIModesKey0001";
    private static final String SECRET = "ModesSecret0001xyz";

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void underUmask000TheDirectoryIs0700AndEveryFile0600() throws Exception {
        Path data = tmp.resolve("deep").resolve("data");
        int port = freePort();
        Map<String, String> env = Map.of("SWASD_ROOT_ACCESS_KEY_ID", KEY, "SWASD_ROOT_ACCESS_KEY_SECRET", SECRET);
        try (ServeProcess p =
                ServeProcess.start("000", env, "serve", "--port", Integer.toString(port), "--data", data.toString())) {
            assertThat(p.awaitOut("SDK config", 60))
                    .as("stdout %s stderr %s", p.out, p.err)
                    .isTrue();
            // a signed request: its nonce goes into the nonce log files
            HostileClient client = new HostileClient("127.0.0.1:" + port, KEY, SECRET);
            assertThat(HostileClient.exchange(port, client.v3("ListRegions", Map.of()), 20_000)
                            .status())
                    .isEqualTo(200);
            HostileClient.exchange(
                    port,
                    client.v3(
                            "CreateInstances",
                            Map.of(
                                    "RegionId",
                                    "cn-hangzhou",
                                    "ImageId",
                                    "m-none",
                                    "PlanId",
                                    "swas.s2.c2m2s40b3t08",
                                    "Period",
                                    "1")),
                    20_000);
            List<Path> files;
            try (Stream<Path> all = Files.walk(data)) {
                files = all.filter(f -> !f.equals(data)).toList();
            }
            assertThat(files)
                    .extracting(f -> f.getFileName().toString())
                    .contains("swasd.db", "swasd.db-wal", "swasd.db-shm", "master.key")
                    .anySatisfy(n -> assertThat(n).startsWith("swasd.db-nonces."));
            assertThat(mode(data)).isEqualTo("rwx------");
            for (Path f : files) {
                assertThat(mode(f)).as(f.toString()).isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
            }
            // the parent the server made too; only what swasd creates is its to choose
            assertThat(mode(data.getParent())).isEqualTo("rwx------");
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }

    @Test
    void serveAndAdminRefuseADirectoryOthersCanWrite() throws Exception {
        for (String perms : List.of("rwxrwxrwx", "rwxrwx---", "rwx----w-")) {
            Path data = Files.createDirectories(tmp.resolve("open-" + perms.replace('-', '_')));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(perms));
            try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--port", "0", "--data", data.toString())) {
                assertThat(p.awaitExit(60)).isNotZero();
                assertThat(p.errorLines()).hasSize(1);
                assertThat(p.errorLines().getFirst())
                        .contains(data.toString())
                        .contains("writable by other users")
                        .doesNotContain("Exception");
            }
            try (ServeProcess p =
                    ServeProcess.start(Map.of(), "admin", "user", "create", "someone", "--data", data.toString())) {
                assertThat(p.awaitExit(60)).isNotZero();
                assertThat(p.errorLines()).hasSize(1);
                assertThat(p.errorLines().getFirst())
                        .contains("writable by other users")
                        .doesNotContain("Exception");
            }
            try (Stream<Path> left = Files.list(data)) {
                assertThat(left).as("nothing is created in a refused directory").isEmpty();
            }
        }
    }
}
