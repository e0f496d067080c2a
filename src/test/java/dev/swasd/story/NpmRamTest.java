package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.server.TestServer;
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
 * The RAM story through the official npm clients {@code @alicloud/ram20150501} and
 * {@code @alicloud/swas-open20200601} (conformance/npm/ram.mjs), in ACS3 and V1 signing.
 */
class NpmRamTest {
    private static final Path HARNESS = Path.of("conformance/npm").toAbsolutePath();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        if (!Files.isDirectory(HARNESS.resolve("node_modules/@alicloud/ram20150501"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HARNESS.toFile())
                    .inheritIO().start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue()).isZero();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theRamStoryPassesInBothSigningModes() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "ram.mjs").directory(HARNESS.toFile());
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
            assertThat(r.path("ok").asBoolean()).as("%s %s: %s", r.path("mode").asText(), r.path("case").asText(),
                    r.path("detail").asText()).isTrue();
            cases.add(r.path("mode").asText() + " " + r.path("case").asText());
        }
        assertThat(p.exitValue()).isZero();
        for (String mode : List.of("v3", "v1")) {
            assertThat(cases).contains(mode + " UserDeletesTwoOneAllowed", mode + " UserDeletesTheAllowedOne",
                    mode + " UserListInstancesDenied", mode + " UserCannotUseRam", mode + " InactiveKey");
        }
        assertThat(out).doesNotContain(TestServer.ROOT_SECRET);
    }
}
