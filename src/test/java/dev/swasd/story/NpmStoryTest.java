package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The custom-image story through the official npm client {@code @alicloud/swas-open20200601}
 * (conformance/npm/story.mjs), in ACS3 and V1 signing, against a real swasd with state delays.
 */
class NpmStoryTest {
    private static final Path HARNESS = Path.of("conformance/npm").toAbsolutePath();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Duration.ofMillis(300), Quotas.defaults());
        if (!Files.isDirectory(HARNESS.resolve("node_modules/@alicloud/swas-open20200601"))) {
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
    void theStoryPassesInBothSigningModes() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "story.mjs").directory(HARNESS.toFile());
        pb.environment().put("SWASD_ENDPOINT", server.endpoint());
        pb.environment().put("SWASD_ACCESS_KEY_ID", TestServer.ROOT_KEY_ID);
        pb.environment().put("SWASD_ACCESS_KEY_SECRET", TestServer.ROOT_SECRET);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        JsonNode results = new ObjectMapper().readTree(out).path("results");
        List<String> cases = new ArrayList<>();
        for (JsonNode r : results) {
            assertThat(r.path("ok").asBoolean()).as("%s %s: %s", r.path("mode").asText(), r.path("case").asText(),
                    r.path("detail").asText()).isTrue();
            cases.add(r.path("mode").asText() + " " + r.path("case").asText());
        }
        assertThat(p.exitValue()).isZero();
        for (String mode : List.of("v3", "v1")) {
            assertThat(cases).contains(mode + " DeleteCustomImagesInShare", mode + " DeleteCustomImagesWithToken",
                    mode + " DeleteCustomImagesReplaySameToken", mode + " ResetSystemDeletedImage",
                    mode + " ShareFlags", mode + " ListCustomImagesByTag");
        }
        assertThat(out).doesNotContain(TestServer.ROOT_SECRET);
    }
}
