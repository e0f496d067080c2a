package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.TestDatabases;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swasd admin …} in-process: bootstrapping identities straight on a data directory (or
 * database) that a server then serves, exit codes and one-line errors.
 */
class AdminRamCommandTest {
    private static final Pattern KEY = Pattern.compile("AccessKeyId=(\\S+)  AccessKeySecret=(\\S+)");

    @TempDir
    Path tmp;

    private RamSimulateCommandTest.Run admin(Path data, String url, String... args) {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--db", url, "--account-id", TestServer.ACCOUNT_ID));
        return RamSimulateCommandTest.swasd(all.toArray(String[]::new));
    }

    @Test
    void bootstrapsAUserThatAServerThenAuthorizes() throws Exception {
        Path data = tmp.resolve("data");
        String url = TestDatabases.fresh(Files.createDirectories(data), "swasd");
        Path doc = tmp.resolve("plans.json");
        Files.writeString(
                doc,
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"swas-open:ListPlans\",\"Resource\":\"*\"}]}");

        var user = admin(data, url, "user", "create", "ci-bot", "--display-name", "CI bot");
        assertThat(user.exit()).as(user.err()).isZero();
        assertThat(user.out()).matches("(?s)created user ci-bot  UserId=[1-9][0-9]{15}\\R");
        assertThat(admin(data, url, "group", "create", "bots", "--comments", "robots")
                        .exit())
                .isZero();
        assertThat(admin(data, url, "group", "add-user", "bots", "ci-bot").exit())
                .isZero();
        var policy = admin(data, url, "policy", "create", "Plans", "--document", doc.toString());
        assertThat(policy.out()).contains("created policy Plans  DefaultVersion=v1");
        assertThat(admin(data, url, "policy", "attach", "Plans", "--group", "bots")
                        .exit())
                .isZero();
        assertThat(admin(
                                data,
                                url,
                                "policy",
                                "attach",
                                "AliyunSWASReadOnlyAccess",
                                "--type",
                                "System",
                                "--user",
                                "ci-bot")
                        .exit())
                .isZero();
        var key = admin(data, url, "key", "create", "ci-bot");
        assertThat(key.exit()).isZero();
        Matcher m = KEY.matcher(key.out());
        assertThat(m.find()).as(key.out()).isTrue();
        var list = admin(data, url, "user", "list");
        assertThat(list.out())
                .contains("USER_ID")
                .contains("ci-bot")
                .contains("CI bot")
                .doesNotContain(m.group(2));

        try (TestServer server = TestServer.start(data, url)) {
            TeaClient bot = TeaClient.swas(server.endpoint(), m.group(1), m.group(2), "v3");
            assertThat(bot.call("ListPlans", "RegionId", "cn-hangzhou")).containsKey("Plans");
            TeaException denied = bot.error("DeleteSnapshot", "RegionId", "cn-hangzhou", "SnapshotId", "s-x");
            assertThat(denied.getCode()).isEqualTo("Forbidden.RAM");
            TeaClient ram = new TeaClient(
                    server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3", "2015-05-01");
            assertThat(ram.call("GetUser", "UserName", "ci-bot").toString()).contains("CI bot");
        }
    }

    @Test
    void errorsAreOneLineWithTheirExitCode() throws Exception {
        Path data = tmp.resolve("errors");
        String url = TestDatabases.fresh(Files.createDirectories(data), "swasd");
        var bad = admin(data, url, "user", "create", "bad name");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLines())
                .singleElement()
                .asString()
                .startsWith("swasd: InvalidParameter.UserName.InvalidChars: ")
                .endsWith("(try: swasd admin user create --help)");
        assertThat(admin(data, url, "user", "create", "alice").exit()).isZero();
        var again = admin(data, url, "user", "create", "ALICE");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.errLines()).containsExactly("swasd: EntityAlreadyExists.User: The user does already EXIST.");
        var noUser = admin(data, url, "key", "create", "nobody");
        assertThat(noUser.exit()).isEqualTo(1);
        assertThat(noUser.err()).contains("EntityNotExist.User");
        Path malformed = tmp.resolve("bad.json");
        Files.writeString(malformed, "{\"Version\":\"1\",\"Statement\":{}}");
        var doc = admin(data, url, "policy", "create", "p", "--document", malformed.toString());
        assertThat(doc.exit()).isEqualTo(2);
        assertThat(doc.err()).contains("MalformedPolicyDocument").contains("Statement must be a list");
        var both = admin(data, url, "policy", "attach", "p", "--user", "alice", "--group", "g");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errLines()).hasSize(1);
        var missing = RamSimulateCommandTest.swasd("admin", "user");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("missing subcommand (create, list)");
        var limited = admin(data, url, "user", "create", "bob", "--ram-limit", "users=1");
        assertThat(limited.exit()).isEqualTo(1);
        assertThat(limited.errLines())
                .containsExactly("swasd: LimitExceeded.User: The count of users beyond the current limits.");
        var badLimit = admin(data, url, "user", "list", "--ram-limit", "wizards=3");
        assertThat(badLimit.exit()).isEqualTo(2);
        assertThat(badLimit.err()).contains("unknown RAM limit 'wizards'");
        var serveLimit = RamSimulateCommandTest.swasd("serve", "--ram-limit", "users=0", "--data", data.toString());
        assertThat(serveLimit.exit()).isEqualTo(2);
        assertThat(serveLimit.err()).contains("RAM limit users must be at least 1");
        var serveRefresh = RamSimulateCommandTest.swasd("serve", "--ram-refresh", "soon", "--data", data.toString());
        assertThat(serveRefresh.exit()).isEqualTo(2);
        assertThat(serveRefresh.errLines()).hasSize(1);
        var account =
                RamSimulateCommandTest.swasd("admin", "user", "list", "--account-id", "42", "--data", data.toString());
        assertThat(account.exit()).isEqualTo(2);
        assertThat(account.err()).contains("--account-id must be a 16-digit account UID");
    }
}
