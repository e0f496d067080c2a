package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the npm harnesses in conformance/npm (the official npm clients) against a server,
 * as its root identity, and checks what it reports: every case ok, exit 0, no secret printed.
 */
public final class NodeHarness {
    public static final Path DIR = Path.of("conformance/npm").toAbsolutePath();

    private NodeHarness() {}

    /** Installs the pinned npm packages when they are not there yet. */
    public static void install() throws Exception {
        if (!Files.isDirectory(DIR.resolve("node_modules/@alicloud/ram20150501"))
                || !Files.isDirectory(DIR.resolve("node_modules/@alicloud/swas-open20200601"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(DIR.toFile())
                    .inheritIO()
                    .start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue()).isZero();
        }
    }

    /** Runs {@code script}, asserts every reported case is ok, and returns the "mode case" names. */
    public static List<String> runAllOk(String script, TestServer server) throws Exception {
        return runAllOk(script, server, Map.of());
    }

    /** As {@link #runAllOk(String, TestServer)}, with more environment for the script. */
    public static List<String> runAllOk(String script, TestServer server, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(DIR.toFile());
        pb.environment().putAll(env);
        pb.environment().put("SWASD_ENDPOINT", server.endpoint());
        pb.environment().put("SWASD_ACCESS_KEY_ID", TestServer.ROOT_KEY_ID);
        pb.environment().put("SWASD_ACCESS_KEY_SECRET", TestServer.ROOT_SECRET);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.path("error").asText("")).as(out).isEmpty();
        List<String> cases = new ArrayList<>();
        for (JsonNode r : doc.path("results")) {
            assertThat(r.path("ok").asBoolean())
                    .as(
                            "%s %s: %s",
                            r.path("mode").asText(),
                            r.path("case").asText(),
                            r.path("detail").asText())
                    .isTrue();
            cases.add(r.path("mode").asText() + " " + r.path("case").asText());
        }
        assertThat(p.exitValue()).isZero();
        assertThat(out).doesNotContain(TestServer.ROOT_SECRET);
        return cases;
    }
}
