package dev.swasd.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.conformance.TeaClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's life cycle in the project's own suite (examples/junit5 tests it as a user
 * would, through the installed artifact): a static field serves the class with one server and
 * fresh resources per test; an instance field gives each test a server of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwasdExtensionTest {
    @RegisterExtension
    static SwasdExtension shared = new SwasdExtension();

    @RegisterExtension
    SwasdExtension own =
            SwasdExtension.builder().quota("instances-per-region=1").build();

    private static int sharedPort;
    private static Path sharedData;
    private static Path ownData;

    @SuppressWarnings("unchecked")
    private static int servers(SwasdExtension swasd) {
        TeaClient c = TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), "v3");
        return ((List<Map<String, Object>>)
                        c.call("ListInstances", "RegionId", swasd.regionId()).get("Instances"))
                .size();
    }

    @Test
    @Order(1)
    void firstTestMakesAServer() {
        assertThat(shared.endpoint()).matches("127\\.0\\.0\\.1:[0-9]+");
        assertThat(shared.accessKeyId()).startsWith("LTAI");
        assertThat(shared.accountId()).isEqualTo("1000000000000001");
        assertThat(shared.regionId()).isEqualTo("cn-hangzhou");
        assertThat(own.port()).isNotEqualTo(shared.port());
        sharedPort = shared.port();
        sharedData = shared.dataDirectory();
        ownData = own.dataDirectory();
        assertThat(servers(shared)).isZero();
        shared.server().seedAccount("1000000000000002", "LTAIKeptAcrossTests01", "KeptAcrossTestsSecret");
        createAny(shared);
        assertThat(servers(shared)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void secondTestSeesFreshResourcesOnTheSameServer() {
        assertThat(shared.port()).as("one server for the class").isEqualTo(sharedPort);
        assertThat(servers(shared)).as("reset before this test").isZero();
        TeaClient kept = TeaClient.swas(shared.endpoint(), "LTAIKeptAcrossTests01", "KeptAcrossTestsSecret", "v3");
        assertThat(kept.call("ListRegions")).as("identities kept").containsKey("Regions");
        assertThat(Files.exists(ownData))
                .as("the previous test's own server is gone with its data")
                .isFalse();
        assertThat(own.dataDirectory()).isNotEqualTo(ownData);
    }

    @AfterAll
    static void theClassServerIsGoneAfterTheClass() {
        // runs before the extension's afterAll: still there; its removal is checked by examples/junit5
        assertThat(Files.exists(sharedData)).isTrue();
    }

    private static void createAny(SwasdExtension swasd) {
        TeaClient c = TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), "v3");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images =
                (List<Map<String, Object>>) c.call("ListImages", "RegionId", swasd.regionId(), "ImageType", "system")
                        .get("Images");
        c.call(
                "CreateInstances",
                "RegionId",
                swasd.regionId(),
                "ImageId",
                images.getFirst().get("ImageId"),
                "PlanId",
                "swas.s2.c2m2s40b3t08",
                "Period",
                1,
                "Amount",
                1);
    }
}
