package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.Slow;
import dev.swasd.conformance.NodeHarness;
import dev.swasd.server.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RAM story through the official npm clients {@code @alicloud/ram20150501} and
 * {@code @alicloud/swas-open20200601} (conformance/npm/ram.mjs), in ACS3 and V1 signing.
 */
@Slow
class NpmRamTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        NodeHarness.install();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theRamStoryPassesInBothSigningModes() throws Exception {
        List<String> cases = NodeHarness.runAllOk("ram.mjs", server);
        for (String mode : List.of("v3", "v1")) {
            assertThat(cases)
                    .contains(
                            mode + " UserDeletesTwoOneAllowed",
                            mode + " UserDeletesTheAllowedOne",
                            mode + " UserListInstancesDenied",
                            mode + " UserCannotUseRam",
                            mode + " InactiveKey");
        }
    }
}
