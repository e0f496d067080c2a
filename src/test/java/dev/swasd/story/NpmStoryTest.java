package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.Slow;
import dev.swasd.conformance.NodeHarness;
import dev.swasd.server.TestServer;
import dev.swasd.swas.Quotas;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The custom-image story through the official npm client {@code @alicloud/swas-open20200601}
 * (conformance/npm/story.mjs), in ACS3 and V1 signing, against a real swasd with state delays.
 */
@Slow
class NpmStoryTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Duration.ofMillis(300), Quotas.defaults());
        NodeHarness.install();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theStoryPassesInBothSigningModes() throws Exception {
        List<String> cases = NodeHarness.runAllOk("story.mjs", server);
        for (String mode : List.of("v3", "v1")) {
            assertThat(cases)
                    .contains(
                            mode + " DeleteCustomImagesInShare",
                            mode + " DeleteCustomImagesWithToken",
                            mode + " DeleteCustomImagesReplaySameToken",
                            mode + " ResetSystemDeletedImage",
                            mode + " ShareFlags",
                            mode + " ListCustomImagesByTag");
        }
    }
}
