package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.TestDatabases;
import dev.swasd.embedded.EmbeddedSwasd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cloud Assistant commands through the official generic Java client {@code tea-openapi}, in ACS3
 * and V1 signing: a deployment script runs a command on a server and reads its result, scripted
 * outcomes (given at start with {@code EmbeddedSwasd.Builder.commandOutcomes}, as {@code serve
 * --command-outcomes} does, and replaced through {@code POST /_swasd/seed/command-outcomes}),
 * timeouts, refusals of a server that is not Running, and every error code of the family. The
 * state delay is ten minutes; only the control API's clock moves runs on.
 */
class CommandConformanceTest {
    static final String R = "cn-hangzhou";
    static final String PLAN = "swas.s2.c2m2s40b3t08";
    static final Duration DELAY = Duration.ofMinutes(10);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String FILE_RULES = """
            {"rules": [
              {"contentContains": "deploy.sh", "exitCode": 3, "output": "deploy failed\\n"},
              {"name": "slow", "durationSeconds": 3600},
              {"contentRegex": "^cat /etc/os-release$", "output": "NAME=\\"Alibaba Cloud Linux\\"\\n"}
            ]}""";
    private static Path dir;
    private static EmbeddedSwasd swasd;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("swasd-commands");
        Path rules = dir.resolve("outcomes.json");
        Files.writeString(rules, FILE_RULES);
        swasd = EmbeddedSwasd.builder()
                .stateDelay(DELAY)
                .databaseUrl(TestDatabases.fresh(dir, "swasd"), null, null)
                .commandOutcomes(rules)
                .start();
    }

    @AfterAll
    static void stop() {
        swasd.close();
    }

    static TeaClient client(String signing) {
        return TeaClient.swas(swasd.endpoint(), swasd.accessKeyId(), swasd.accessKeySecret(), signing);
    }

    static void fails(TeaClient c, int status, String code, String action, Object... kv) {
        TeaException e = c.error(action, kv);
        assertThat(e.getStatusCode()).as(action + " " + e.getMessage()).isEqualTo(status);
        assertThat(e.getCode()).as(action).isEqualTo(code);
    }

    @SuppressWarnings("unchecked")
    static String runningServer(TeaClient c) {
        List<Map<String, Object>> images = (List<Map<String, Object>>)
                c.call("ListImages", "RegionId", R, "ImageType", "system").get("Images");
        String linux = (String) images.stream()
                .filter(i -> "Linux".equals(i.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("ImageId");
        String id = ((List<String>) c.call(
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                linux,
                                "PlanId",
                                PLAN,
                                "Period",
                                1,
                                "Amount",
                                1)
                        .get("InstanceIds"))
                .getFirst();
        swasd.advanceClock(DELAY);
        return id;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(TeaClient c, String server, String invokeId) {
        return (Map<String, Object>)
                c.call("DescribeInvocationResult", "RegionId", R, "InstanceId", server, "InvokeId", invokeId)
                        .get("InvocationResult");
    }

    static String decode(Object b64) {
        return new String(Base64.getDecoder().decode((String) b64), StandardCharsets.UTF_8);
    }

    static String run(TeaClient c, String server, String name, String content, Object... more) {
        Object[] kv = new Object[10 + more.length];
        Object[] base = {
            "RegionId", R, "InstanceId", server, "Name", name, "Type", "RunShellScript", "CommandContent", content
        };
        System.arraycopy(base, 0, kv, 0, 10);
        System.arraycopy(more, 0, kv, 10, more.length);
        return (String) c.call("RunCommand", kv).get("InvokeId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void aDeploymentScriptRunsACommandAndReadsItsResult(String signing) {
        TeaClient c = client(signing);
        String server = runningServer(c);
        String ok = run(c, server, "uptime", "uptime");
        String os = run(c, server, "os", "cat /etc/os-release");
        String bad = run(c, server, "deploy", "bash /opt/deploy.sh --prod");
        assertThat(ok).matches("t-[a-z0-9]{15}");
        assertThat(result(c, server, ok)).containsEntry("InvocationStatus", "Pending");
        swasd.advanceClock(DELAY);
        assertThat(result(c, server, ok)).containsEntry("InvocationStatus", "Running");
        swasd.advanceClock(DELAY);
        Map<String, Object> r = result(c, server, ok);
        assertThat(r)
                .containsEntry("InvocationStatus", "Success")
                .containsEntry("InvokeRecordStatus", "Finished")
                .containsEntry("InstanceId", server)
                .containsEntry("InvokeId", ok)
                .containsEntry("Output", "");
        assertThat(((Number) r.get("ExitCode")).longValue()).isZero();
        assertThat(decode(result(c, server, os).get("Output"))).isEqualTo("NAME=\"Alibaba Cloud Linux\"\n");
        r = result(c, server, bad);
        assertThat(r).containsEntry("InvocationStatus", "Failed");
        assertThat(((Number) r.get("ExitCode")).longValue()).isEqualTo(3);
        assertThat(decode(r.get("Output"))).isEqualTo("deploy failed\n");

        Map<String, Object> listed = c.call("DescribeInvocations", "RegionId", R, "InstanceId", server, "PageSize", 10);
        assertThat(((Number) listed.get("TotalCount")).intValue()).isEqualTo(3);
        Map<String, Object> first = ((List<Map<String, Object>>) listed.get("Invocations"))
                .stream().filter(i -> bad.equals(i.get("InvokeId"))).findFirst().orElseThrow();
        assertThat(decode(first.get("CommandContent"))).isEqualTo("bash /opt/deploy.sh --prod");
        assertThat(first).containsEntry("InvokeStatus", "Failed").containsEntry("CommandType", "RunShellScript");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void aSavedCommandIsInvokedOnServersAndItsInvocationsAggregate(String signing) {
        TeaClient c = client(signing);
        String a = runningServer(c);
        String b = runningServer(c);
        String command = (String) c.call(
                        "CreateCommand",
                        "RegionId",
                        R,
                        "Name",
                        "release",
                        "Type",
                        "RunShellScript",
                        "CommandContent",
                        "{{script}} on {{ACS::InstanceId}}",
                        "EnableParameter",
                        true,
                        "Timeout",
                        120,
                        "Tag.1.Key",
                        "team",
                        "Tag.1.Value",
                        "ops")
                .get("CommandId");
        assertThat(command).matches("c-[a-z0-9]{15}");
        Map<String, Object> described = ((List<Map<String, Object>>)
                        c.call("DescribeCommands", "RegionId", R, "Provider", "User", "CommandId", command)
                                .get("Commands"))
                .getFirst();
        assertThat(described)
                .containsEntry("Name", "release")
                .containsEntry("EnableParameter", true)
                .containsEntry("Provider", "User")
                .containsEntry("ParameterNames", List.of("script"));
        assertThat(decode(described.get("CommandContent"))).isEqualTo("{{script}} on {{ACS::InstanceId}}");
        fails(
                c,
                400,
                "InvalidParameter",
                "InvokeCommand",
                "RegionId",
                R,
                "CommandId",
                command,
                "InstanceIds",
                "[\"" + a + "\"]");
        String invoke = (String) c.call(
                        "InvokeCommand",
                        "RegionId",
                        R,
                        "CommandId",
                        command,
                        "InstanceIds",
                        "[\"" + a + "\",\"" + b + "\"]",
                        "Parameters",
                        "{\"script\":\"bash deploy.sh\"}")
                .get("InvokeId");
        swasd.advanceClock(DELAY.multipliedBy(2));
        Map<String, Object> inv = ((List<Map<String, Object>>)
                        c.call("DescribeCommandInvocations", "RegionId", R, "InvokeId", invoke)
                                .get("CommandInvocations"))
                .getFirst();
        assertThat(inv)
                .containsEntry("InvocationStatus", "Failed")
                .containsEntry("CommandId", command)
                .containsEntry("Parameters", "{\"script\":\"bash deploy.sh\"}");
        assertThat((List<Map<String, Object>>) inv.get("InvokeInstances"))
                .extracting(x -> x.get("InstanceId"))
                .containsExactly(a, b);

        c.call("UpdateCommandAttribute", "RegionId", R, "CommandId", command, "Name", "release-2", "Timeout", 600);
        fails(c, 400, "InvalidParameter", "UpdateCommandAttribute", "RegionId", R, "CommandId", command, "Timeout", 5);
        c.call("DeleteCommand", "RegionId", R, "CommandId", command);
        fails(c, 404, "InvalidCommandId.NotFound", "DeleteCommand", "RegionId", R, "CommandId", command);
        fails(c, 404, "InvalidCommandId.NotFound", "UpdateCommandAttribute", "RegionId", R, "CommandId", command);
        fails(
                c,
                404,
                "InvalidCommandId.NotFound",
                "InvokeCommand",
                "RegionId",
                R,
                "CommandId",
                command,
                "InstanceIds",
                "[\"" + a + "\"]");
        // the record outlives the command
        assertThat(result(c, a, invoke)).containsEntry("InvocationStatus", "Failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void commandsAreTaggedAndFilteredByTag() {
        TeaClient c = client("v3");
        String command = (String) c.call(
                        "CreateCommand",
                        "RegionId",
                        R,
                        "Name",
                        "tagged",
                        "Type",
                        "RunShellScript",
                        "CommandContent",
                        "ls")
                .get("CommandId");
        c.call(
                "TagResources",
                "RegionId",
                R,
                "ResourceType",
                "command",
                "ResourceId.1",
                command,
                "Tag.1.Key",
                "env",
                "Tag.1.Value",
                "prod");
        List<Map<String, Object>> tagged = (List<Map<String, Object>>)
                c.call("DescribeCommands", "RegionId", R, "Provider", "User", "Tag.1.Key", "env", "Tag.1.Value", "prod")
                        .get("Commands");
        assertThat(tagged).extracting(x -> x.get("CommandId")).containsExactly(command);
        assertThat((List<Object>) c.call(
                                "DescribeCommands",
                                "RegionId",
                                R,
                                "Provider",
                                "User",
                                "Tag.1.Key",
                                "env",
                                "Tag.1.Value",
                                "test")
                        .get("Commands"))
                .isEmpty();
        c.call("DeleteCommand", "RegionId", R, "CommandId", command);
        fails(
                c,
                404,
                "InvalidResourceId.NotFound",
                "TagResources",
                "RegionId",
                R,
                "ResourceType",
                "command",
                "ResourceId.1",
                command,
                "Tag.1.Key",
                "env",
                "Tag.1.Value",
                "prod");
    }

    @Test
    void aRunLongerThanItsTimeoutEndsTimeout() {
        TeaClient c = client("v3");
        String server = runningServer(c);
        String slow = run(c, server, "slow", "sleep 3600", "Timeout", 300);
        swasd.advanceClock(DELAY);
        assertThat(result(c, server, slow)).containsEntry("InvocationStatus", "Running");
        swasd.advanceClock(Duration.ofSeconds(300));
        assertThat(result(c, server, slow))
                .containsEntry("InvocationStatus", "Timeout")
                .containsEntry("ErrorCode", "InvocationTimeout")
                .containsEntry("ErrorInfo", "the command execution has been timeout");
        // Parameters longer than the catalog's 64 characters (a length the SDK model gives each value)
        String longValue = "x".repeat(200);
        String withLongParameter = run(
                c,
                server,
                "echo",
                "echo {{a}} {{b}}",
                "EnableParameter",
                true,
                "Parameters",
                "{\"a\":\"" + longValue + "\",\"b\":\"" + longValue + "\"}");
        assertThat(withLongParameter).startsWith("t-");
        String enough = run(c, server, "slow", "sleep 3600", "Timeout", 7200);
        swasd.advanceClock(DELAY.plus(Duration.ofSeconds(3600)));
        assertThat(result(c, server, enough)).containsEntry("InvocationStatus", "Success");
    }

    @Test
    void onlyARunningServerTakesACommandAndEveryParameterIsChecked() {
        TeaClient c = client("v1");
        String server = runningServer(c);
        c.call("StopInstance", "RegionId", R, "InstanceId", server);
        fails(
                c,
                403,
                "IncorrectInstanceStatus",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                server,
                "Name",
                "n",
                "Type",
                "RunShellScript",
                "CommandContent",
                "ls");
        swasd.advanceClock(DELAY);
        fails(
                c,
                403,
                "IncorrectInstanceStatus",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                server,
                "Name",
                "n",
                "Type",
                "RunShellScript",
                "CommandContent",
                "ls");
        fails(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                "nope",
                "Name",
                "n",
                "Type",
                "RunShellScript",
                "CommandContent",
                "ls");
        String running = runningServer(c);
        fails(
                c,
                400,
                "InvalidParameter",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                running,
                "Name",
                "n",
                "Type",
                "RunShellScript",
                "CommandContent",
                "ls",
                "Timeout",
                9);
        fails(
                c,
                400,
                "InvalidParameter",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                running,
                "Name",
                "n",
                "Type",
                "RunShellScript",
                "CommandContent",
                "echo {{x}}",
                "EnableParameter",
                true);
        fails(
                c,
                400,
                "InvalidParameter",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                running,
                "Name",
                "n".repeat(129),
                "Type",
                "RunShellScript",
                "CommandContent",
                "ls");
        fails(
                c,
                400,
                "InvalidParameter",
                "CreateCommand",
                "RegionId",
                R,
                "Name",
                "n",
                "Type",
                "RunShellScript",
                "CommandContent",
                "ls",
                "WorkingDir",
                "/".repeat(201));
        fails(
                c,
                400,
                "MissingCommandContent",
                "RunCommand",
                "RegionId",
                R,
                "InstanceId",
                running,
                "Name",
                "n",
                "Type",
                "RunShellScript");
        fails(
                c,
                404,
                "InvalidInvokeId.NotFound",
                "DescribeInvocationResult",
                "RegionId",
                R,
                "InstanceId",
                running,
                "InvokeId",
                "t-nosuchinvoke00");
        String invoke = run(c, running, "n", "ls");
        fails(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "DescribeInvocationResult",
                "RegionId",
                R,
                "InstanceId",
                server,
                "InvokeId",
                invoke);
        fails(c, 404, "InvalidInstanceId.NotFound", "DescribeInvocations", "RegionId", R, "InstanceId", "nope");
        fails(c, 400, "InvalidParameter", "DescribeCommands", "RegionId", R, "Provider", "Someone");
    }

    @Test
    void theControlApiReplacesTheRulesUntilAResetOrAnEmptySet() throws Exception {
        TeaClient c = client("v3");
        String server = runningServer(c);
        HttpResponse<String> seeded = control(
                "{\"rules\": [{\"contentContains\": \"uptime\", \"status\": \"Error\", \"errorCode\": \"X\"}]}");
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(201);
        assertThat(JSON.readTree(seeded.body()).path("rules").asInt()).isEqualTo(1);
        assertThat(control("{\"rules\": [{\"status\": \"Failed\"}]}").statusCode())
                .isEqualTo(400);
        String errored = run(c, server, "u", "uptime");
        String deploy = run(c, server, "d", "bash deploy.sh");
        swasd.advanceClock(DELAY.multipliedBy(2));
        assertThat(result(c, server, errored))
                .containsEntry("InvocationStatus", "Error")
                .containsEntry("ErrorCode", "X");
        // the seeded rules took the place of the file's: deploy.sh succeeds
        assertThat(result(c, server, deploy)).containsEntry("InvocationStatus", "Success");
        // an empty set brings the file's rules back
        assertThat(control("{\"rules\": []}").statusCode()).isEqualTo(201);
        String again = run(c, server, "d", "bash deploy.sh");
        swasd.advanceClock(DELAY.multipliedBy(2));
        assertThat(result(c, server, again)).containsEntry("InvocationStatus", "Failed");
        // and so does a reset
        swasd.seedCommandOutcomes("{\"rules\": [{\"contentContains\": \"deploy\"}]}");
        swasd.reset();
        String afterReset = runningServer(c);
        String third = run(c, afterReset, "d", "bash deploy.sh");
        swasd.advanceClock(DELAY.multipliedBy(2));
        assertThat(result(c, afterReset, third)).containsEntry("InvocationStatus", "Failed");
        assertThat(catchThrowable(() -> swasd.seedCommandOutcomes("{\"rules\": 3}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static HttpResponse<String> control(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(swasd.controlEndpoint() + "seed/command-outcomes"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((swasd.accessKeyId() + ":" + swasd.accessKeySecret())
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
