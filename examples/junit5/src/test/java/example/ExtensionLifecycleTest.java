package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.swasd.junit.SwasdExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * When the extension starts and stops swasd: runs two small test classes (nested, so surefire
 * does not run them by themselves) and looks at the servers and data directories they had.
 */
class ExtensionLifecycleTest {
    static final List<Integer> PORTS = new ArrayList<>();
    static final List<Path> DATA = new ArrayList<>();

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticField {
        @RegisterExtension
        static SwasdExtension swasd = new SwasdExtension();

        @Test
        @Order(1)
        void one() throws Exception {
            PORTS.add(swasd.port());
            DATA.add(swasd.dataDirectory());
            new SwasClient(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret()).call("ListRegions");
        }

        @Test
        @Order(2)
        void two() {
            PORTS.add(swasd.port());
            DATA.add(swasd.dataDirectory());
        }
    }

    static class InstanceField {
        @RegisterExtension
        SwasdExtension swasd = new SwasdExtension();

        @Test
        void one() {
            PORTS.add(swasd.port());
            DATA.add(swasd.dataDirectory());
        }

        @Test
        void two() {
            PORTS.add(swasd.port());
            DATA.add(swasd.dataDirectory());
        }
    }

    private static void run(Class<?> tests) {
        PORTS.clear();
        DATA.clear();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests))
                .build(), summary);
        assertEquals(2, summary.getSummary().getTestsSucceededCount(), () -> {
            StringBuilder why = new StringBuilder();
            summary.getSummary().getFailures().forEach(f -> why.append(f.getException()).append('\n'));
            return why.toString();
        });
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aStaticFieldServesTheClassAndIsGoneAfterIt() {
        run(StaticField.class);
        assertEquals(PORTS.get(0), PORTS.get(1), "one server for both tests");
        assertEquals(DATA.get(0), DATA.get(1));
        assertFalse(listening(PORTS.get(0)), "stopped after the class");
        assertFalse(Files.exists(DATA.get(0)), "its data directory removed");
    }

    @Test
    void anInstanceFieldServesEachTest() {
        run(InstanceField.class);
        assertNotEquals(DATA.get(0), DATA.get(1), "a server per test");
        for (int i = 0; i < 2; i++) {
            assertFalse(listening(PORTS.get(i)));
            assertFalse(Files.exists(DATA.get(i)));
        }
    }
}
