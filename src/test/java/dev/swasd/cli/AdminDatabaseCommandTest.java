package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swasd admin database create} straight on a data directory: the instance it prints is what
 * a server on that directory then describes, stops and starts through the official SDK; bad
 * options are one line and exit 2.
 */
class AdminDatabaseCommandTest {
    private static final Pattern ID = Pattern.compile("DatabaseInstanceId=(db-[a-z0-9]{32})");

    @TempDir
    Path tmp;

    private record Run(int exit, String output) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(to);
        System.setErr(to);
        try {
            return new Run(Main.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCreatedDatabaseIsServedAndCanBeStoppedAndStarted() throws Exception {
        Path data = tmp.resolve("d");
        Run made = run(
                "admin",
                "database",
                "create",
                "orders",
                "--version",
                "5.7",
                "--data",
                data.toString(),
                "--account-id",
                TestServer.ACCOUNT_ID);
        assertThat(made.exit()).as(made.output()).isZero();
        Matcher m = ID.matcher(made.output());
        assertThat(m.find()).as(made.output()).isTrue();
        String id = m.group(1);
        Run other = run(
                "admin",
                "database",
                "create",
                "reports",
                "--region",
                "cn-beijing",
                "--data",
                data.toString(),
                "--account-id",
                TestServer.ACCOUNT_ID);
        assertThat(other.exit()).as(other.output()).isZero();

        try (TestServer server =
                TestServer.start(data, "jdbc:sqlite:" + data.resolve("swasd.db").toAbsolutePath())) {
            TeaClient c = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
            List<Map<String, Object>> dbs =
                    (List<Map<String, Object>>) c.call("DescribeDatabaseInstances", "RegionId", "cn-hangzhou")
                            .get("DatabaseInstances");
            assertThat(dbs).hasSize(1);
            assertThat(dbs.getFirst())
                    .containsEntry("DatabaseInstanceId", id)
                    .containsEntry("DatabaseInstanceName", "orders")
                    .containsEntry("DatabaseVersion", "5.7")
                    .containsEntry("DatabaseInstanceStatus", "Running");
            c.call("StopDatabaseInstance", "RegionId", "cn-hangzhou", "DatabaseInstanceId", id);
            c.call("StartDatabaseInstance", "RegionId", "cn-hangzhou", "DatabaseInstanceId", id);
            assertThat(((List<Map<String, Object>>) c.call("DescribeDatabaseInstances", "RegionId", "cn-beijing")
                                    .get("DatabaseInstances"))
                            .getFirst())
                    .containsEntry("DatabaseVersion", "8.0")
                    .containsEntry("DatabaseInstanceEdition", "Basic");
        }
    }

    @Test
    void badOptionsAreOneLineWithExitTwo() {
        String data = tmp.resolve("d").toString();
        Run version = run("admin", "database", "create", "orders", "--version", "5.6", "--data", data);
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.output()).contains("--version must be 5.7 or 8.0").hasLineCount(1);
        Run region = run("admin", "database", "create", "orders", "--region", "xx-nowhere", "--data", data);
        assertThat(region.exit()).isEqualTo(2);
        assertThat(region.output()).contains("InvalidRegionId").hasLineCount(1);
        Run name = run("admin", "database", "create", "x", "--data", data);
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.output())
                .contains("InvalidDatabaseInstanceDescription.Malformed")
                .hasLineCount(1);
        assertThat(run("admin", "database").exit()).isEqualTo(2);
    }
}
