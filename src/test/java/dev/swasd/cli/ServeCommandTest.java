package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of README: flags, environment, files, exit codes, signals. */
@Slow
class ServeCommandTest {

    @TempDir
    Path tmp;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int health(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void generatesARootKeyOnceAndKeepsItAcrossRestarts() throws Exception {
        Path data = tmp.resolve("data");
        String keyId;
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--port", "0", "--data", data.toString())) {
            assertThat(p.awaitOut("SDK config", 30))
                    .as("stdout %s stderr %s", p.out, p.err)
                    .isTrue();
            assertThat(health(p.port())).isEqualTo(200);
            assertThat(p.out).anySatisfy(l -> assertThat(l).contains("AccessKeySecret="));
            assertThat(p.out)
                    .contains(
                            "swasd: console on http://127.0.0.1:" + p.port() + "/console/ (sign in with an AccessKey)");
            Path file = data.resolve("root-credentials.json");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            JsonNode creds = new ObjectMapper().readTree(file.toFile());
            keyId = creds.path("AccessKeyId").asText();
            assertThat(creds.path("AccountId").asText()).isEqualTo("1000000000000001");
            assertThat(String.join("\n", p.out))
                    .contains(keyId)
                    .contains(creds.path("AccessKeySecret").asText());
            assertThat(Files.exists(data.resolve("swasd.db"))).isTrue();

            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
            assertThat(p.out).as("stderr %s", p.err).contains("swasd: stopped");
        }
        try (ServeProcess again = ServeProcess.start(Map.of(), "serve", "--port", "0", "--data", data.toString())) {
            assertThat(again.awaitOut("SDK config", 30)).isTrue();
            assertThat(String.join("\n", again.out)).contains(keyId).doesNotContain("AccessKeySecret=");
            again.terminate();
            assertThat(again.awaitExit(30)).isZero();
        }
    }

    @Test
    void environmentVariablesAndGivenRootKey() throws Exception {
        int port = freePort();
        Path data = tmp.resolve("env-data");
        Map<String, String> env = Map.of(
                "SWASD_PORT",
                Integer.toString(port),
                "SWASD_DATA",
                data.toString(),
                "SWASD_ACCOUNT_ID",
                "1111222233334444",
                "SWASD_ROOT_ACCESS_KEY_ID",
                "LTAIGivenKey0001",
                "SWASD_ROOT_ACCESS_KEY_SECRET",
                "GivenSecret0001xyz");
        for (int round = 0; round < 2; round++) {
            try (ServeProcess p = ServeProcess.start(env, "serve")) {
                assertThat(p.awaitOut("SDK config", 30))
                        .as("stdout %s stderr %s", p.out, p.err)
                        .isTrue();
                assertThat(p.port()).isEqualTo(port);
                String all = String.join("\n", p.out);
                assertThat(all)
                        .contains("account 1111222233334444")
                        .contains("LTAIGivenKey0001")
                        .doesNotContain("GivenSecret0001xyz");
                assertThat(Files.exists(data.resolve("root-credentials.json"))).isFalse();
                p.terminate();
                assertThat(p.awaitExit(30)).isZero();
            }
        }
    }

    @Test
    void badFlagIsOneLineAndExitTwo() throws Exception {
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--no-such-flag")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines())
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("swasd: ")
                    .contains("--no-such-flag");
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--port", "eighty")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1);
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--account-id", "42")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("16-digit");
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--root-access-key-id", "LTAIx0001")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("go together");
        }
    }

    @Test
    void stateDelayAndQuotaFlags() throws Exception {
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--state-delay", "5x")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("duration");
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--quota", "bananas=3")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("unknown quota 'bananas'");
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--quota", "custom-images-per-account=-1")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1);
        }
        try (ServeProcess p = ServeProcess.start(
                Map.of("SWASD_STATE_DELAY", "0s"),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("flags").toString(),
                "--quota",
                "unlimited",
                "--quota",
                "instances-per-region=7")) {
            assertThat(p.awaitOut("SDK config", 30)).as("stderr %s", p.err).isTrue();
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }

    @Test
    void defaultRegionFlag() throws Exception {
        try (ServeProcess p = ServeProcess.start(
                Map.of(),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("region").toString(),
                "--default-region",
                "mars-north-1")) {
            assertThat(p.awaitExit(30)).isEqualTo(1);
            assertThat(p.errorLines())
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains("the default region mars-north-1 is not one of the regions offered");
        }
        try (ServeProcess p = ServeProcess.start(
                Map.of("SWASD_DEFAULT_REGION", "cn-beijing"),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("beijing").toString())) {
            assertThat(p.awaitOut("SDK config", 30)).as("stderr %s", p.err).isTrue();
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }

    @Test
    void durabilityFlag() throws Exception {
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--durability", "paranoid")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("--durability must be normal or strict");
        }
        try (ServeProcess p = ServeProcess.start(
                Map.of("SWASD_DURABILITY", "strict"),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("strict").toString())) {
            assertThat(p.awaitOut("SDK config", 30)).as("stderr %s", p.err).isTrue();
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }

    @Test
    void unusableDataDirectoryIsOneLineAndExitOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        try (ServeProcess p = ServeProcess.start(
                Map.of(), "serve", "--port", "0", "--data", file.resolve("data").toString())) {
            assertThat(p.awaitExit(30)).isEqualTo(1);
            assertThat(p.errorLines()).hasSize(1).first().asString().startsWith("swasd: cannot start");
        }
    }

    @Test
    void busyPortIsOneLineAndExitOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            try (ServeProcess p = ServeProcess.start(
                    Map.of(),
                    "serve",
                    "--port",
                    Integer.toString(busy.getLocalPort()),
                    "--data",
                    tmp.resolve("d").toString())) {
                assertThat(p.awaitExit(30)).isEqualTo(1);
                assertThat(p.errorLines()).hasSize(1).first().asString().startsWith("swasd: cannot listen on");
            }
        }
    }

    @Test
    void badDatabaseUrlIsOneLine() throws Exception {
        try (ServeProcess p = ServeProcess.start(
                Map.of(),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("d2").toString(),
                "--db",
                "jdbc:mysql://nowhere/db")) {
            assertThat(p.awaitExit(30)).isEqualTo(1);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("unsupported database URL");
        }
    }
}
