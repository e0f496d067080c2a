package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudAssistantAttributesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCommandInvocationsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCommandsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInvocationResultRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInvocationsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.InvokeCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RunCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UpdateCommandAttributeRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantAttributesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCommandInvocationsResponse.CommandInvocation;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCommandsResponse.Command;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInvocationResultResponse.InvocationResult;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInvocationsResponse.Invocation;
import dev.swasd.swas.agents.AgentActions;
import dev.swasd.swas.commands.CommandActions;
import dev.swasd.swas.commands.OutcomeRule;
import dev.swasd.swas.commands.OutcomeRules;
import dev.swasd.swas.commands.RunStatus;
import dev.swasd.swas.instances.InstanceService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the Cloud Assistant command family (spec/swas-breadth.md G4) and every error code it answers. */
class CommandRulesTest {
    static final String REGION = DomainFixture.REGION;
    static final long DELAY = 5_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    DomainFixture f;
    CommandActions cmd;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, DELAY, Quotas.defaults());
        cmd = f.module(CommandActions.class);
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", DomainFixture.ACCOUNT, null, f.now, tx)));
    }

    /** A Running Linux server. */
    String running() {
        String id = f.server();
        f.now += DELAY;
        return id;
    }

    void rules(String json) throws Exception {
        List<OutcomeRule> rules = OutcomeRule.parse(JSON.readTree(json));
        f.run(tx -> cmd.outcomes().replace(tx, rules));
    }

    RunCommandRequest.Builder run(String server, String content) {
        return RunCommandRequest.builder()
                .regionId(REGION)
                .instanceId(server)
                .name("deploy")
                .type("RunShellScript")
                .commandContent(content);
    }

    String runCommand(RunCommandRequest.Builder b) {
        return call(c -> cmd.runCommand(c, b.build())).invokeId();
    }

    InvocationResult result(String server, String invokeId) {
        return call(c -> cmd.describeInvocationResult(
                        c,
                        DescribeInvocationResultRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .invokeId(invokeId)
                                .build()))
                .invocationResult();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    String command(String name, String content, Boolean enableParameter, Long timeout) {
        return call(c -> cmd.createCommand(
                        c,
                        CreateCommandRequest.builder()
                                .regionId(REGION)
                                .name(name)
                                .type("RunShellScript")
                                .commandContent(content)
                                .enableParameter(enableParameter)
                                .timeout(timeout)
                                .build()))
                .commandId();
    }

    @Test
    void aRunIsPendingThenRunningThenSucceedsWithExitCodeZeroAndNoOutput() {
        String server = running();
        String id = runCommand(run(server, "ls /"));
        assertThat(id).matches("t-[a-z0-9]{15}");
        InvocationResult r = result(server, id);
        assertThat(r.invocationStatus()).isEqualTo("Pending");
        assertThat(r.invokeRecordStatus()).isEqualTo("Running");
        assertThat(r.startTime()).isNull();
        f.now += DELAY;
        r = result(server, id);
        assertThat(r.invocationStatus()).isEqualTo("Running");
        assertThat(r.startTime()).isNotNull();
        assertThat(r.finishedTime()).isNull();
        f.now += DELAY;
        r = result(server, id);
        assertThat(r.invocationStatus()).isEqualTo("Success");
        assertThat(r.invokeRecordStatus()).isEqualTo("Finished");
        assertThat(r.exitCode()).isEqualTo(0L);
        assertThat(r.output()).isEmpty();
        assertThat(r.invokeUser()).isEqualTo("root");
        assertThat(r.finishedTime()).isNotNull();

        List<Invocation> list = call(c -> cmd.describeInvocations(
                        c,
                        DescribeInvocationsRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .build()))
                .invocations();
        assertThat(list).singleElement().satisfies(i -> {
            assertThat(i.invokeId()).isEqualTo(id);
            assertThat(i.commandContent()).isEqualTo(b64("ls /"));
            assertThat(i.commandType()).isEqualTo("RunShellScript");
            assertThat(i.commandName()).isEqualTo("deploy");
            assertThat(i.invocationStatus()).isEqualTo("Success");
            assertThat(i.invokeStatus()).isEqualTo("Finished");
        });
    }

    @Test
    void outcomeRulesDecideStatusExitCodeOutputAndDuration() throws Exception {
        rules("""
                {"rules": [
                  {"contentContains": "deploy.sh", "exitCode": 3, "output": "boom\\n"},
                  {"contentRegex": "^sleep \\\\d+", "durationSeconds": 30, "output": "slept"},
                  {"name": "broken", "status": "Error", "errorCode": "InstanceRestarted", "errorInfo": "gone"},
                  {"nameRegex": "long-.*", "durationSeconds": 3600}
                ]}""");
        String server = running();
        String failed = runCommand(run(server, "bash deploy.sh"));
        String slept = runCommand(run(server, "sleep 30"));
        String error = runCommand(run(server, "true").name("broken"));
        String timeout = runCommand(run(server, "true").name("long-job").timeout(120L));
        f.now += 2 * DELAY;
        InvocationResult r = result(server, failed);
        assertThat(r.invocationStatus()).isEqualTo("Failed");
        assertThat(r.invokeRecordStatus()).isEqualTo("Failed");
        assertThat(r.exitCode()).isEqualTo(3L);
        assertThat(r.output()).isEqualTo(b64("boom\n"));
        assertThat(result(server, slept).invocationStatus()).isEqualTo("Running");
        f.now += 30_000;
        assertThat(result(server, slept).invocationStatus()).isEqualTo("Success");
        assertThat(result(server, slept).output()).isEqualTo(b64("slept"));
        r = result(server, error);
        assertThat(r.invocationStatus()).isEqualTo("Error");
        assertThat(r.errorCode()).isEqualTo("InstanceRestarted");
        assertThat(r.errorInfo()).isEqualTo("gone");
        assertThat(result(server, timeout).invocationStatus()).isEqualTo("Running");
        f.now += 120_000;
        r = result(server, timeout);
        assertThat(r.invocationStatus()).isEqualTo("Timeout");
        assertThat(r.errorCode()).isEqualTo("InvocationTimeout");
        assertThat(r.errorInfo()).isEqualTo("the command execution has been timeout");
        assertThat(r.exitCode()).isNull();
    }

    @Test
    void seededRulesStandInForTheRulesGivenAtStartUntilAnEmptySet() throws Exception {
        cmd.outcomes().configure(OutcomeRule.parse(JSON.readTree("{\"rules\": [{\"name\": \"x\", \"exitCode\": 4}]}")));
        String server = running();
        String fromStart = runCommand(run(server, "ls").name("x"));
        rules("{\"rules\": [{\"name\": \"x\", \"exitCode\": 5}]}");
        String seeded = runCommand(run(server, "ls").name("x"));
        rules("{\"rules\": []}");
        String back = runCommand(run(server, "ls").name("x"));
        f.now += 2 * DELAY;
        assertThat(result(server, fromStart).exitCode()).isEqualTo(4L);
        assertThat(result(server, seeded).exitCode()).isEqualTo(5L);
        assertThat(result(server, back).exitCode()).isEqualTo(4L);
    }

    @Test
    void badRuleFilesAreRefusedWithAReason() {
        for (String bad : List.of(
                "{}",
                "{\"rules\": [{\"status\": \"Failed\"}]}",
                "{\"rules\": [{\"name\": \"a\", \"contentContains\": \"b\"}]}",
                "{\"rules\": [{\"name\": \"a\", \"status\": \"Done\"}]}",
                "{\"rules\": [{\"contentRegex\": \"(\"}]}",
                "{\"rules\": [{\"name\": \"a\", \"durationSeconds\": -1}]}",
                "{\"rules\": [{\"name\": \"a\", \"colour\": \"red\"}]}")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OutcomeRule.parse(JSON.readTree(bad))))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyARunningServerTakesACommand() {
        String starting = f.server();
        code(fails(() -> runCommand(run(starting, "ls"))), 403, "IncorrectInstanceStatus");
        f.now += DELAY;
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(starting), InstanceService.Power.STOP));
        code(fails(() -> runCommand(run(starting, "ls"))), 403, "IncorrectInstanceStatus");
        f.now += DELAY;
        code(fails(() -> runCommand(run(starting, "ls"))), 403, "IncorrectInstanceStatus");
        code(fails(() -> runCommand(run("no-such-server", "ls"))), 404, "InvalidInstanceId.NotFound");
        // a refused command leaves no record
        assertThat(call(c -> cmd.describeInvocations(
                                c,
                                DescribeInvocationsRequest.builder()
                                        .regionId(REGION)
                                        .instanceId(starting)
                                        .build()))
                        .totalCount())
                .isEqualTo(0);
        String other = running();
        String c = command("c", "ls", false, null);
        code(
                fails(() -> call(x -> cmd.invokeCommand(
                        x,
                        InvokeCommandRequest.builder()
                                .regionId(REGION)
                                .commandId(c)
                                .instanceIds(List.of(other, starting))
                                .build()))),
                403,
                "IncorrectInstanceStatus");
    }

    @Test
    void aCommandOfTheOtherPlatformIsRecordedInvalid() {
        String server = running();
        String id = runCommand(run(server, "dir").type("RunBatScript"));
        f.now += DELAY;
        InvocationResult r = result(server, id);
        assertThat(r.invocationStatus()).isEqualTo("Invalid");
        assertThat(r.errorCode()).isEqualTo("InvalidCommandType");
        code(fails(() -> runCommand(run(server, "ls").type("RunPerlScript"))), 400, "InvalidParameter");
    }

    @Test
    void parameterChecksAndLimits() {
        String server = running();
        code(fails(() -> runCommand(run(server, "ls").name(""))), 400, "InvalidParameter");
        code(fails(() -> runCommand(run(server, "ls").name("n".repeat(129)))), 400, "InvalidParameter");
        code(fails(() -> runCommand(run(server, " "))), 400, "InvalidParameter");
        code(fails(() -> runCommand(run(server, "x".repeat(14_000)))), 400, "InvalidParameter");
        code(fails(() -> runCommand(run(server, "ls").timeout(9L))), 400, "InvalidParameter");
        code(fails(() -> runCommand(run(server, "ls").timeout(86_401L))), 400, "InvalidParameter");
        runCommand(run(server, "ls").timeout(10L));
        runCommand(run(server, "ls").timeout(86_400L));
        code(fails(() -> runCommand(run(server, "ls").workingDir("/".repeat(201)))), 400, "InvalidParameter");
        code(
                fails(() -> call(c -> cmd.createCommand(
                        c,
                        CreateCommandRequest.builder()
                                .regionId(REGION)
                                .name("x")
                                .type("RunShellScript")
                                .commandContent("ls")
                                .description("d".repeat(513))
                                .build()))),
                400,
                "InvalidParameter");
    }

    @Test
    void customParametersNeedValuesAndAreFilledIn() throws Exception {
        rules("{\"rules\": [{\"contentContains\": \"echo Jack\", \"output\": \"Jack\"}]}");
        String server = running();
        String content = "echo {{name}} on {{ACS::InstanceId}}";
        code(fails(() -> runCommand(run(server, content).enableParameter(true))), 400, "InvalidParameter");
        code(
                fails(() -> runCommand(run(server, content)
                        .enableParameter(true)
                        .parameters(JSON.readTree("{\"name\": \"Jack\", \"age\": \"3\"}")))),
                400,
                "InvalidParameter");
        code(fails(() -> runCommand(run(server, "echo {{bad name}}").enableParameter(true))), 400, "InvalidParameter");
        String id = runCommand(
                run(server, content).enableParameter(true).parameters(JSON.readTree("{\"name\": \"Jack\"}")));
        f.now += 2 * DELAY;
        assertThat(result(server, id).output()).isEqualTo(b64("Jack"));
        Invocation i = call(c -> cmd.describeInvocations(
                        c,
                        DescribeInvocationsRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .build()))
                .invocations()
                .getFirst();
        assertThat(i.commandContent()).isEqualTo(b64(content));
        assertThat(i.parameters().path("name").asText()).isEqualTo("Jack");
        // without EnableParameter the braces are text and Parameters is not needed
        String plain = runCommand(run(server, content));
        f.now += 2 * DELAY;
        assertThat(result(server, plain).output()).isEmpty();
    }

    @Test
    void commandsAreCreatedDescribedUpdatedAndDeleted() {
        String id = command("backup", "tar czf /tmp/b.tgz {{dir}}", true, null);
        assertThat(id).matches("c-[a-z0-9]{15}");
        List<Command> listed = call(c -> cmd.describeCommands(
                        c,
                        DescribeCommandsRequest.builder()
                                .regionId(REGION)
                                .provider("User")
                                .build()))
                .commands();
        assertThat(listed).singleElement().satisfies(x -> {
            assertThat(x.commandId()).isEqualTo(id);
            assertThat(x.name()).isEqualTo("backup");
            assertThat(x.commandContent()).isEqualTo(b64("tar czf /tmp/b.tgz {{dir}}"));
            assertThat(x.parameterNames()).containsExactly("dir");
            assertThat(x.timeout()).isEqualTo(60L);
            assertThat(x.provider()).isEqualTo("User");
            assertThat(x.enableParameter()).isTrue();
        });
        assertThat(call(c -> cmd.describeCommands(
                                c,
                                DescribeCommandsRequest.builder()
                                        .regionId(REGION)
                                        .provider("AlibabaCloud")
                                        .build()))
                        .totalCount())
                .isEqualTo(0);
        call(c -> cmd.updateCommandAttribute(
                c,
                UpdateCommandAttributeRequest.builder()
                        .regionId(REGION)
                        .commandId(id)
                        .name("backup2")
                        .timeout(600L)
                        .workingDir("/srv")
                        .build()));
        Command after = call(c -> cmd.describeCommands(
                        c,
                        DescribeCommandsRequest.builder()
                                .regionId(REGION)
                                .provider("User")
                                .name("backup2")
                                .build()))
                .commands()
                .getFirst();
        assertThat(after.timeout()).isEqualTo(600L);
        assertThat(after.workingDir()).isEqualTo("/srv");
        code(
                fails(() -> call(c -> cmd.updateCommandAttribute(
                        c,
                        UpdateCommandAttributeRequest.builder()
                                .regionId(REGION)
                                .commandId(id)
                                .timeout(5L)
                                .build()))),
                400,
                "InvalidParameter");
        call(c -> cmd.deleteCommand(
                c, DeleteCommandRequest.builder().regionId(REGION).commandId(id).build()));
        code(
                fails(() -> call(c -> cmd.deleteCommand(
                        c,
                        DeleteCommandRequest.builder()
                                .regionId(REGION)
                                .commandId(id)
                                .build()))),
                404,
                "InvalidCommandId.NotFound");
        code(
                fails(() -> call(c -> cmd.updateCommandAttribute(
                        c,
                        UpdateCommandAttributeRequest.builder()
                                .regionId(REGION)
                                .commandId(id)
                                .build()))),
                404,
                "InvalidCommandId.NotFound");
    }

    @Test
    void anotherAccountsOrRegionsCommandsAndRecordsAreNotFound() {
        String server = running();
        String id = runCommand(run(server, "ls"));
        String c = command("mine", "ls", false, null);
        Function<Call, Call> other = x -> new Call("req", "9999999999999999", null, x.now(), x.tx());
        code(
                fails(() -> call(x -> cmd.deleteCommand(
                        other.apply(x),
                        DeleteCommandRequest.builder()
                                .regionId(REGION)
                                .commandId(c)
                                .build()))),
                404,
                "InvalidCommandId.NotFound");
        code(
                fails(() -> call(x -> cmd.describeInvocationResult(
                        other.apply(x),
                        DescribeInvocationResultRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .invokeId(id)
                                .build()))),
                404,
                "InvalidInvokeId.NotFound");
        code(
                fails(() -> call(x -> cmd.deleteCommand(
                        x,
                        DeleteCommandRequest.builder()
                                .regionId("cn-beijing")
                                .commandId(c)
                                .build()))),
                404,
                "InvalidCommandId.NotFound");
        assertThat(call(x -> cmd.describeCommandInvocations(
                                other.apply(x),
                                DescribeCommandInvocationsRequest.builder()
                                        .regionId(REGION)
                                        .build()))
                        .totalCount())
                .isEqualTo(0);
    }

    @Test
    void invokeAggregatesTheStatusOverServers() throws Exception {
        List<String> servers = f.servers(2);
        f.now += DELAY;
        rules("{\"rules\": [{\"contentContains\": \"" + servers.getFirst() + "\", \"exitCode\": 2}]}");
        String c = command("who", "echo {{ACS::InstanceId}}", true, null);
        code(
                fails(() -> call(x -> cmd.invokeCommand(
                        x,
                        InvokeCommandRequest.builder()
                                .regionId(REGION)
                                .commandId("c-nosuchcommand0")
                                .instanceIds(servers)
                                .build()))),
                404,
                "InvalidCommandId.NotFound");
        String id = call(x -> cmd.invokeCommand(
                        x,
                        InvokeCommandRequest.builder()
                                .regionId(REGION)
                                .commandId(c)
                                .instanceIds(servers)
                                .username("ops")
                                .build()))
                .invokeId();
        assertThat(aggregate(id).invocationStatus()).isEqualTo("Pending");
        f.now += DELAY;
        assertThat(aggregate(id).invocationStatus()).isEqualTo("Running");
        f.now += DELAY;
        CommandInvocation ci = aggregate(id);
        assertThat(ci.invocationStatus()).isEqualTo("PartialFailed");
        assertThat(ci.commandId()).isEqualTo(c);
        assertThat(ci.username()).isEqualTo("ops");
        assertThat(ci.invokeInstances())
                .extracting(CommandInvocation.InvokeInstance::invocationStatus)
                .containsExactly("Failed", "Success");
        // deleting the command keeps its records
        call(x -> cmd.deleteCommand(
                x, DeleteCommandRequest.builder().regionId(REGION).commandId(c).build()));
        assertThat(aggregate(id).invocationStatus()).isEqualTo("PartialFailed");
        code(fails(() -> result(servers.getFirst(), "t-nosuchinvoke0")), 404, "InvalidInvokeId.NotFound");
        String other = running();
        code(fails(() -> result(other, id)), 404, "InvalidInstanceId.NotFound");
    }

    @Test
    void theAggregateFollowsTheDocumentedRules() {
        assertThat(RunStatus.aggregate(List.of(RunStatus.Pending, RunStatus.Running)))
                .isEqualTo("Pending");
        assertThat(RunStatus.aggregate(List.of(RunStatus.Success, RunStatus.Running)))
                .isEqualTo("Running");
        assertThat(RunStatus.aggregate(List.of(RunStatus.Success, RunStatus.Success)))
                .isEqualTo("Success");
        assertThat(RunStatus.aggregate(
                        List.of(RunStatus.Invalid, RunStatus.Timeout, RunStatus.Error, RunStatus.Failed)))
                .isEqualTo("Failed");
        assertThat(RunStatus.aggregate(List.of(RunStatus.Success, RunStatus.Timeout)))
                .isEqualTo("PartialFailed");
    }

    CommandInvocation aggregate(String invokeId) {
        return call(c -> cmd.describeCommandInvocations(
                        c,
                        DescribeCommandInvocationsRequest.builder()
                                .regionId(REGION)
                                .invokeId(invokeId)
                                .build()))
                .commandInvocations()
                .getFirst();
    }

    @Test
    void recordsAreKeptTwoWeeksAndAtMostTheLimitPerRegion() {
        CommandActions small = new CommandActions(
                f.regions,
                new Lifecycle(DELAY),
                f.instances,
                new dev.swasd.store.TagRepository(),
                new OutcomeRules(),
                3);
        String server = running();
        Function<String, String> runIt = content -> f.tx(tx -> small.runCommand(
                        new Call("req", DomainFixture.ACCOUNT, null, f.now, tx),
                        run(server, content).build()))
                .invokeId();
        String first = runIt.apply("one");
        f.now += 1;
        for (String s : List.of("two", "three", "four")) {
            runIt.apply(s);
            f.now += 1;
        }
        code(fails(() -> result(server, first)), 404, "InvalidInvokeId.NotFound");
        assertThat(call(c -> small.describeInvocations(
                                c,
                                DescribeInvocationsRequest.builder()
                                        .regionId(REGION)
                                        .instanceId(server)
                                        .build()))
                        .totalCount())
                .isEqualTo(3);
        String recent = runIt.apply("five");
        f.now += CommandActions.RECORDS_KEPT_MILLIS;
        assertThat(result(server, recent).invocationStatus()).isEqualTo("Success");
        f.now += 1;
        code(fails(() -> result(server, recent)), 404, "InvalidInvokeId.NotFound");
    }

    @Test
    void describeInvocationsNeedsAKnownServerAndFiltersByInvokeStatus() {
        code(
                fails(() -> call(c -> cmd.describeInvocations(
                        c,
                        DescribeInvocationsRequest.builder()
                                .regionId(REGION)
                                .instanceId("nope")
                                .build()))),
                404,
                "InvalidInstanceId.NotFound");
        String server = running();
        runCommand(run(server, "ls"));
        Function<String, Number> count = status -> call(c -> cmd.describeInvocations(
                        c,
                        DescribeInvocationsRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .invokeStatus(status)
                                .build()))
                .totalCount();
        assertThat(count.apply("Running")).isEqualTo(1);
        assertThat(count.apply("Finished")).isEqualTo(0);
        f.now += 2 * DELAY;
        assertThat(count.apply("Finished")).isEqualTo(1);
        assertThat(count.apply("Failed")).isEqualTo(0);
    }

    @Test
    void theAgentsAttributesCountTheRunsOnItsServerAndTheLatestInvocation() {
        String server = running();
        String other = running();
        AgentActions agents = f.module(AgentActions.class);
        Function<String, DescribeCloudAssistantAttributesResponse.CloudAssistant> attributes =
                id -> call(c -> agents.describeCloudAssistantAttributes(
                                c,
                                DescribeCloudAssistantAttributesRequest.builder()
                                        .regionId(REGION)
                                        .instanceIds(JSON.valueToTree(List.of(id)))
                                        .build()))
                        .cloudAssistant()
                        .getFirst();
        assertThat(attributes.apply(server).invocationCount()).isEqualTo(0);
        assertThat(attributes.apply(server).lastInvokedTime()).isEmpty();

        runCommand(run(server, "uptime"));
        f.now += 1_000;
        long second = f.now;
        runCommand(run(server, "df -h"));

        var busy = attributes.apply(server);
        assertThat(busy.invocationCount()).isEqualTo(2);
        assertThat(busy.activeTaskCount()).as("both still Pending").isEqualTo(2);
        assertThat(busy.lastInvokedTime()).isEqualTo(Shapes.time(second));
        assertThat(attributes.apply(other).invocationCount())
                .as("another server's agent")
                .isEqualTo(0);

        f.now += 10 * DELAY;
        var done = attributes.apply(server);
        assertThat(done.invocationCount()).isEqualTo(2);
        assertThat(done.activeTaskCount()).as("both finished").isEqualTo(0);
    }
}
