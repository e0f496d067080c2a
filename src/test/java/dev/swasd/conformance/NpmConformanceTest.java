package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import dev.swasd.server.TestServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official npm client {@code @alicloud/swas-open20200601@4.0.0}, run by Node against a real
 * swasd in ACS3 (default) and V1 signing: conformance/npm/conformance.mjs asserts each case and
 * reports them as JSON; this test starts the server, runs it and checks every case.
 */
@Slow
class NpmConformanceTest {
    private static final Path HARNESS = Path.of("conformance/npm").toAbsolutePath();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        if (!Files.isDirectory(HARNESS.resolve("node_modules/@alicloud/swas-open20200601"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Process start(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(HARNESS.toFile());
        pb.environment().put("SWASD_ENDPOINT", server.endpoint());
        pb.environment().put("SWASD_ACCESS_KEY_ID", TestServer.ROOT_KEY_ID);
        pb.environment().put("SWASD_ACCESS_KEY_SECRET", TestServer.ROOT_SECRET);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static String run(List<String> command, int seconds) throws Exception {
        Process p = start(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS))
                .as("%s finished in time", command)
                .isTrue();
        assertThat(p.exitValue()).as("%s exit code; output:%n%s", command, out).isZero();
        return out;
    }

    @Test
    void everyCasePassesInBothSigningModes() throws Exception {
        String out = run(List.of("node", "conformance.mjs"), 120);
        JsonNode results = new ObjectMapper().readTree(out).path("results");
        List<String> seen = new ArrayList<>();
        for (JsonNode r : results) {
            assertThat(r.path("ok").asBoolean())
                    .as(
                            "%s %s: %s",
                            r.path("mode").asText(),
                            r.path("case").asText(),
                            r.path("detail").asText())
                    .isTrue();
            seen.add(r.path("mode").asText() + " " + r.path("case").asText());
        }
        for (String mode : List.of("v3", "v1")) {
            assertThat(seen)
                    .contains(
                            mode + " ListRegions",
                            mode + " ListPlans",
                            mode + " ListImages",
                            mode + " WrongSecret",
                            mode + " UnknownAccessKeyId");
        }
        assertThat(out).doesNotContain(TestServer.ROOT_SECRET);
    }

    @Test
    void harnessReportsFailureWhenTheServerSaysNo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "conformance.mjs").directory(HARNESS.toFile());
        pb.environment().put("SWASD_ENDPOINT", server.endpoint());
        pb.environment().put("SWASD_ACCESS_KEY_ID", TestServer.ROOT_KEY_ID);
        pb.environment().put("SWASD_ACCESS_KEY_SECRET", "WrongSecretOnPurpose");
        pb.redirectError(new File("/dev/null"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out).path("results").findValues("ok"))
                .anySatisfy(ok -> assertThat(ok.asBoolean()).isFalse());
    }
}
