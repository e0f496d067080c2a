package dev.swasd.swas.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCommandInvocationsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCommandsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInvocationResultRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInvocationsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.InvokeCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RunCommandRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UpdateCommandAttributeRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateCommandResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteCommandResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCommandInvocationsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCommandInvocationsResponse.CommandInvocation;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCommandsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCommandsResponse.Command;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInvocationResultResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInvocationResultResponse.InvocationResult;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInvocationsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInvocationsResponse.Invocation;
import dev.swasd.api.swasopen.SwasOpenResponses.InvokeCommandResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.RunCommandResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.UpdateCommandAttributeResponse;
import dev.swasd.errors.GatewayErrors;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.Table;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Paging;
import dev.swasd.swas.Regions;
import dev.swasd.swas.ResourceModule;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.Shapes;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.agents.AgentActivity;
import dev.swasd.swas.commands.InvocationRecords.InvocationRow;
import dev.swasd.swas.commands.InvocationRecords.ServerRun;
import dev.swasd.swas.commands.OutcomeRule.Outcome;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.tags.TagFilters;
import dev.swasd.swas.tags.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Cloud Assistant commands and invocations (spec/swas-breadth.md G4). swasd runs nothing: a run is
 * decided when it is made (the scripted {@link OutcomeRules}, else Success with exit code 0 and no
 * output) and its status then follows the clock: Pending for the state delay, Running for the run's
 * duration (the state delay when no rule gives one, at most the command's Timeout), then its final
 * status; a run longer than the Timeout ends Timeout. Only a Running server takes a command (the
 * agent is pre-installed and online exactly while the server runs); a command of the other
 * platform's type is recorded Invalid. Records are kept two weeks, at most 100,000 per account and
 * region, oldest dropped first. Rows live in the tables of migration V17 through {@link Table}.
 */
public final class CommandActions implements SwasOpenApi, ResourceModule {
    /** The ARN resource type (and tag type) of a command. */
    public static final String RESOURCE_TYPE = "command";
    /** Records kept per account and region [doc]. */
    public static final int RECORDS_PER_REGION = InvocationRecords.RECORDS_PER_REGION;
    /** How long records are kept [doc]: two weeks. */
    public static final long RECORDS_KEPT_MILLIS = InvocationRecords.RECORDS_KEPT_MILLIS;

    static final int SERVERS_PER_INVOKE = 50;
    static final String TIMEOUT_ERROR_CODE = "InvocationTimeout";
    static final String TIMEOUT_ERROR_INFO = "the command execution has been timeout";
    static final String INVALID_ERROR_CODE = "InvalidCommandType";
    static final String INVALID_ERROR_INFO = "the command type is not supported by the platform of the instance";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command CreateCommand made, a row of {@code commands}. */
    public record CommandRow(
            String commandId,
            String accountId,
            String regionId,
            String name,
            String description,
            String commandType,
            String commandContent,
            boolean enableParameter,
            long timeoutSeconds,
            String workingDir,
            String resourceGroupId,
            long createdAt,
            long version) {}

    /** What a run is given: the command as it is run and who asked. */
    private record Run(
            String commandId,
            String name,
            String description,
            CommandType type,
            String content,
            boolean enableParameter,
            JsonNode parameters,
            long timeoutSeconds,
            String workingDir,
            String username) {}

    private final Table<CommandRow> commands = new Table<>("commands", CommandRow.class, "commandId");
    private final Regions regions;
    private final Lifecycle lifecycle;
    private final InstanceService instances;
    private final TagRepository tags;
    private final OutcomeRules outcomes;
    private final InvocationRecords records;

    private final ResourceType commandType = new ResourceType(
            RESOURCE_TYPE,
            new IdFormat.Prefixed("c-", 15),
            (tx, caller, id) ->
                    commands.find(tx, id).filter(c -> owned(c, caller)).isPresent(),
            null);
    private final IdFormat invokeIds = new IdFormat.Prefixed("t-", 15);

    public CommandActions(
            Regions regions,
            Lifecycle lifecycle,
            InstanceService instances,
            TagRepository tags,
            OutcomeRules outcomes) {
        this(regions, lifecycle, instances, tags, outcomes, InvocationRecords.RECORDS_PER_REGION);
    }

    /** With another record limit (tests). */
    public CommandActions(
            Regions regions,
            Lifecycle lifecycle,
            InstanceService instances,
            TagRepository tags,
            OutcomeRules outcomes,
            int recordLimit) {
        this.regions = regions;
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.tags = tags;
        this.outcomes = outcomes;
        this.records = new InvocationRecords(recordLimit);
    }

    /**
     * What a server's Cloud Assistant agent has been given (DescribeCloudAssistantAttributes'
     * ActiveTaskCount, InvocationCount and LastInvokedTime), from the records still kept.
     */
    public AgentActivity.Counts activity(Tx tx, Caller caller, String instanceId, long now) {
        List<ServerRun> runs = records.runsOn(tx, caller, instanceId, now);
        int active = (int) runs.stream().filter(r -> !r.status(now).finished()).count();
        Long last = records.latestOn(tx, caller, instanceId, now)
                .map(InvocationRow::createdAt)
                .orElse(null);
        return new AgentActivity.Counts(active, runs.size(), last);
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(commandType);
    }

    public OutcomeRules outcomes() {
        return outcomes;
    }

    // ------------------------------------------------------------------ commands

    @Override
    public CreateCommandResponse createCommand(Call call, CreateCommandRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        String name = CommandLimits.name(r.name());
        String description = CommandLimits.description(r.description());
        CommandType type = CommandLimits.type(r.type());
        String content = CommandText.content(r.commandContent());
        boolean enabled = Boolean.TRUE.equals(r.enableParameter());
        CommandText.parameterNames(content, enabled);
        long timeout = CommandLimits.timeout(r.timeout());
        String workingDir = CommandLimits.workingDir(r.workingDir());
        List<Map<String, String>> tagList = r.tag() == null
                ? List.of()
                : r.tag().stream()
                        .map(t -> {
                            Map<String, String> m = new LinkedHashMap<>();
                            m.put("Key", t.key());
                            if (t.value() != null) {
                                m.put("Value", t.value());
                            }
                            return m;
                        })
                        .toList();
        TagRules.checkForAttach(tagList);
        CommandRow c = new CommandRow(
                commandType.newId(),
                caller.accountId(),
                caller.regionId(),
                name,
                description,
                type.name(),
                content,
                enabled,
                timeout,
                workingDir,
                r.resourceGroupId(),
                call.now(),
                0);
        commands.insert(call.tx(), c);
        for (Map<String, String> t : tagList) {
            tags.put(
                    call.tx(),
                    new TagRecord(
                            caller.accountId(),
                            RESOURCE_TYPE,
                            c.commandId(),
                            t.get("Key"),
                            t.getOrDefault("Value", "")));
        }
        return new CreateCommandResponse(c.commandId());
    }

    @Override
    public UpdateCommandAttributeResponse updateCommandAttribute(Call call, UpdateCommandAttributeRequest r) {
        CommandRow c = require(call.tx(), Caller.of(call, r.regionId()), r.commandId());
        CommandRow changed = new CommandRow(
                c.commandId(),
                c.accountId(),
                c.regionId(),
                r.name() == null ? c.name() : CommandLimits.name(r.name()),
                r.description() == null ? c.description() : CommandLimits.description(r.description()),
                c.commandType(),
                c.commandContent(),
                c.enableParameter(),
                r.timeout() == null ? c.timeoutSeconds() : CommandLimits.timeout(r.timeout()),
                r.workingDir() == null ? c.workingDir() : CommandLimits.workingDir(r.workingDir()),
                c.resourceGroupId(),
                c.createdAt(),
                c.version());
        if (!commands.update(call.tx(), changed)) {
            throw new ConcurrentChange("command " + c.commandId());
        }
        return new UpdateCommandAttributeResponse();
    }

    @Override
    public DeleteCommandResponse deleteCommand(Call call, DeleteCommandRequest r) {
        CommandRow c = require(call.tx(), Caller.of(call, r.regionId()), r.commandId());
        tags.removeAll(call.tx(), RESOURCE_TYPE, c.commandId());
        commands.delete(call.tx(), c.commandId());
        return new DeleteCommandResponse();
    }

    @Override
    public DescribeCommandsResponse describeCommands(Call call, DescribeCommandsRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        Paging paging = CommandLimits.paging(r.pageNumber(), r.pageSize());
        if (r.type() != null) {
            CommandLimits.type(r.type());
        }
        List<CommandRow> all;
        if ("AlibabaCloud".equals(r.provider())) {
            all = List.of(); // swasd offers no common commands (docs/decisions.md)
        } else if (r.provider() == null || r.provider().isBlank() || "User".equals(r.provider())) {
            all = new ArrayList<>(commands.list(
                    call.tx(),
                    "account_id = ? AND region_id = ?",
                    "created_at DESC, command_id",
                    caller.accountId(),
                    caller.regionId()));
        } else {
            throw SwasErrors.invalidParam("Provider", "it is AlibabaCloud or User.");
        }
        Map<String, List<TagRecord>> tagsById =
                Shapes.byResource(tags.ofAccount(call.tx(), caller.accountId(), RESOURCE_TYPE));
        List<TagFilters.Filter> filter =
                TagFilters.of(r.tag(), DescribeCommandsRequest.Tag::key, DescribeCommandsRequest.Tag::value);
        all = all.stream()
                .filter(c -> r.commandId() == null
                        || r.commandId().isBlank()
                        || r.commandId().equals(c.commandId()))
                .filter(c -> r.name() == null || r.name().isBlank() || r.name().equals(c.name()))
                .filter(c -> r.type() == null || r.type().equals(c.commandType()))
                .filter(c -> r.resourceGroupId() == null
                        || r.resourceGroupId().isBlank()
                        || r.resourceGroupId().equals(c.resourceGroupId()))
                .filter(c -> TagFilters.matches(tagsById.getOrDefault(c.commandId(), List.of()), filter))
                .toList();
        List<Command> page = paging.slice(all).stream()
                .map(c -> {
                    List<String> names = CommandText.parameterNames(c.commandContent(), c.enableParameter());
                    return Command.builder()
                            .commandId(c.commandId())
                            .name(c.name())
                            .description(Shapes.orEmpty(c.description()))
                            .type(c.commandType())
                            .commandContent(CommandText.base64(c.commandContent()))
                            .enableParameter(c.enableParameter())
                            .parameterNames(names)
                            .parameterDefinitions(names.stream()
                                    .map(n -> new Command.ParameterDefinition(null, null, n, List.of(), true))
                                    .toList())
                            .timeout(c.timeoutSeconds())
                            .workingDir(Shapes.orEmpty(c.workingDir()))
                            .provider("User")
                            .resourceGroupId(Shapes.orEmpty(c.resourceGroupId()))
                            .creationTime(Shapes.time(c.createdAt()))
                            .tags(Shapes.tags(tagsById.getOrDefault(c.commandId(), List.of()), Command.Tag::new))
                            .build();
                })
                .toList();
        return new DescribeCommandsResponse(page, paging.number(), paging.size(), all.size());
    }

    // ------------------------------------------------------------------ runs

    @Override
    public RunCommandResponse runCommand(Call call, RunCommandRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        CommandType type = CommandLimits.type(r.type());
        String content = CommandText.content(r.commandContent());
        boolean enabled = Boolean.TRUE.equals(r.enableParameter());
        Run run = new Run(
                commandType.newId(),
                CommandLimits.name(r.name()),
                null,
                type,
                content,
                enabled,
                r.parameters(),
                CommandLimits.timeout(r.timeout()),
                CommandLimits.workingDir(r.workingDir()),
                r.workingUser());
        return new RunCommandResponse(invoke(call, caller, run, List.of(r.instanceId())));
    }

    @Override
    public InvokeCommandResponse invokeCommand(Call call, InvokeCommandRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        List<String> servers = r.instanceIds() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(r.instanceIds().stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::trim)
                        .toList()));
        if (servers.isEmpty()) {
            throw GatewayErrors.missingParameter("InstanceIds");
        }
        if (servers.size() > SERVERS_PER_INVOKE) {
            throw SwasErrors.invalidParam(
                    "InstanceIds", "a command is run on at most " + SERVERS_PER_INVOKE + " servers at a time.");
        }
        CommandRow c = require(call.tx(), caller, r.commandId());
        Run run = new Run(
                c.commandId(),
                c.name(),
                c.description(),
                CommandType.valueOf(c.commandType()),
                c.commandContent(),
                c.enableParameter(),
                r.parameters(),
                c.timeoutSeconds(),
                c.workingDir(),
                r.username());
        return new InvokeCommandResponse(invoke(call, caller, run, servers));
    }

    /** Checks everything, then records the invocation and its runs; returns the InvokeId. */
    private String invoke(Call call, Caller caller, Run run, List<String> serverIds) {
        List<String> names = CommandText.parameterNames(run.content(), run.enableParameter());
        Map<String, String> values = run.enableParameter() ? CommandText.values(names, run.parameters()) : Map.of();
        List<InstanceRecord> servers = new ArrayList<>();
        for (String id : serverIds) {
            InstanceRecord server = instances.require(call.tx(), caller, id);
            if (!"Running".equals(server.status(call.now()))) {
                throw SwasErrors.incorrectInstanceStatus();
            }
            servers.add(server);
        }
        String invokeId = invokeIds.next();
        String stored = run.enableParameter() && !values.isEmpty() ? json(values) : null;
        InvocationRow invocation = new InvocationRow(
                invokeId,
                caller.accountId(),
                caller.regionId(),
                run.commandId(),
                run.name(),
                run.description(),
                run.type().name(),
                run.content(),
                stored,
                run.timeoutSeconds(),
                run.workingDir(),
                run.username(),
                call.now());
        List<ServerRun> planned = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            InstanceRecord server = servers.get(i);
            String platform =
                    instances.view(call.tx(), call.now(), server).image().platform();
            String content = CommandText.fill(
                    run.content(),
                    run.enableParameter(),
                    values,
                    Map.of(
                            "InstanceId", server.instanceId(),
                            "RegionId", caller.regionId(),
                            "InvokeId", invokeId,
                            "CommandId", run.commandId()));
            planned.add(serverRun(call.tx(), call.now(), invokeId, server.instanceId(), i, run, platform, content));
        }
        records.insert(call.tx(), invocation, planned);
        records.purge(call.tx(), caller, call.now());
        return invokeId;
    }

    private ServerRun serverRun(
            Tx tx, long now, String invokeId, String instanceId, int seq, Run run, String platform, String content) {
        long startAt = now + lifecycle.delayMillis();
        String resultId = invokeId + "/" + seq;
        if (!run.type().runsOn(platform)) {
            return new ServerRun(
                    resultId,
                    invokeId,
                    instanceId,
                    seq,
                    startAt,
                    startAt,
                    RunStatus.Invalid,
                    null,
                    "",
                    INVALID_ERROR_CODE,
                    INVALID_ERROR_INFO);
        }
        Outcome o = outcomes.decide(tx, run.name(), content);
        long timeoutMillis = run.timeoutSeconds() * 1000;
        long runMillis = o.durationSeconds() == null ? lifecycle.delayMillis() : o.durationSeconds() * 1000;
        // only a scripted duration can outlast the Timeout; the state delay stands for "no time at all"
        if (o.status() == RunStatus.Timeout || (o.durationSeconds() != null && runMillis > timeoutMillis)) {
            return new ServerRun(
                    resultId,
                    invokeId,
                    instanceId,
                    seq,
                    startAt,
                    startAt + (o.durationSeconds() == null ? runMillis : timeoutMillis),
                    RunStatus.Timeout,
                    o.status() == RunStatus.Timeout ? o.exitCode() : null,
                    o.output(),
                    o.errorCode() != null ? o.errorCode() : TIMEOUT_ERROR_CODE,
                    o.errorInfo() != null ? o.errorInfo() : TIMEOUT_ERROR_INFO);
        }
        return new ServerRun(
                resultId,
                invokeId,
                instanceId,
                seq,
                startAt,
                startAt + runMillis,
                o.status(),
                o.exitCode(),
                o.output(),
                o.errorCode(),
                o.errorInfo());
    }

    // ------------------------------------------------------------------ records

    @Override
    public DescribeInvocationsResponse describeInvocations(Call call, DescribeInvocationsRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        InstanceRecord server = instances.require(call.tx(), caller, r.instanceId());
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        Map<String, InvocationRow> byId = new LinkedHashMap<>();
        for (InvocationRow i : records.live(call.tx(), caller, call.now())) {
            byId.put(i.invokeId(), i);
        }
        List<Map.Entry<InvocationRow, ServerRun>> all = new ArrayList<>();
        for (ServerRun s : records.runsOn(call.tx(), caller, server.instanceId(), call.now())) {
            InvocationRow i = byId.get(s.invokeId());
            if (i != null) {
                all.add(Map.entry(i, s));
            }
        }
        all.sort((a, b) -> a.getKey().createdAt() != b.getKey().createdAt()
                ? Long.compare(b.getKey().createdAt(), a.getKey().createdAt())
                : a.getKey().invokeId().compareTo(b.getKey().invokeId()));
        all.removeIf(e -> r.invokeStatus() != null
                && !r.invokeStatus().isBlank()
                && !r.invokeStatus().equals(status(call, e.getValue()).invokeStatus()));
        List<Invocation> page = paging.slice(all).stream()
                .map(e -> {
                    InvocationRow i = e.getKey();
                    RunStatus status = status(call, e.getValue());
                    return Invocation.builder()
                            .invokeId(i.invokeId())
                            .commandName(i.commandName())
                            .commandType(i.commandType())
                            .commandContent(CommandText.base64(i.commandContent()))
                            .creationTime(Shapes.time(i.createdAt()))
                            .invocationStatus(status.name())
                            .invokeStatus(status.invokeStatus())
                            .parameters(parameters(i.parameters()))
                            .build();
                })
                .toList();
        return new DescribeInvocationsResponse(page, paging.number(), paging.size(), all.size());
    }

    @Override
    public DescribeInvocationResultResponse describeInvocationResult(Call call, DescribeInvocationResultRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        InvocationRow i =
                records.find(call.tx(), caller, r.invokeId(), call.now()).orElseThrow(SwasErrors::invokeNotFound);
        ServerRun s = records.run(call.tx(), i.invokeId(), r.instanceId()).orElseThrow(SwasErrors::instanceNotFound);
        RunStatus status = status(call, s);
        return new DescribeInvocationResultResponse(InvocationResult.builder()
                .invokeId(i.invokeId())
                .instanceId(s.instanceId())
                .invocationStatus(status.name())
                .invokeRecordStatus(status.invokeStatus())
                .invokeUser(user(i))
                .startTime(status == RunStatus.Pending ? null : Shapes.time(s.startAt()))
                .finishedTime(status.finished() ? Shapes.time(s.finishAt()) : null)
                .exitCode(status.finished() ? s.exitCode() : null)
                .output(status.finished() ? CommandText.base64(Shapes.orEmpty(s.output())) : "")
                .errorCode(status.finished() ? Shapes.orEmpty(s.errorCode()) : "")
                .errorInfo(status.finished() ? Shapes.orEmpty(s.errorInfo()) : "")
                .build());
    }

    @Override
    public DescribeCommandInvocationsResponse describeCommandInvocations(
            Call call, DescribeCommandInvocationsRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        Paging paging = CommandLimits.paging(r.pageNumber(), r.pageSize());
        List<InvocationRow> candidates = records.live(call.tx(), caller, call.now()).stream()
                .filter(i -> CommandLimits.blank(r.invokeId()) || r.invokeId().equals(i.invokeId()))
                .filter(i -> CommandLimits.blank(r.commandId()) || r.commandId().equals(i.commandId()))
                .filter(i ->
                        CommandLimits.blank(r.commandName()) || r.commandName().equals(i.commandName()))
                .filter(i ->
                        CommandLimits.blank(r.commandType()) || r.commandType().equals(i.commandType()))
                .toList();
        Map<String, List<ServerRun>> runsById = records.runsOf(call.tx(), candidates);
        List<CommandInvocation> all = new ArrayList<>();
        for (InvocationRow i : candidates) {
            List<ServerRun> servers = runsById.getOrDefault(i.invokeId(), List.of());
            if (!CommandLimits.blank(r.instanceId())
                    && servers.stream().noneMatch(s -> s.instanceId().equals(r.instanceId()))) {
                continue;
            }
            String aggregate = RunStatus.aggregate(
                    servers.stream().map(s -> status(call, s)).toList());
            if (!CommandLimits.blank(r.invocationStatus())
                    && !r.invocationStatus().equals(aggregate)) {
                continue;
            }
            all.add(CommandInvocation.builder()
                    .invokeId(i.invokeId())
                    .commandId(i.commandId())
                    .commandName(i.commandName())
                    .commandDescription(Shapes.orEmpty(i.commandDescription()))
                    .commandType(i.commandType())
                    .commandContent(CommandText.base64(i.commandContent()))
                    .creationTime(Shapes.time(i.createdAt()))
                    .invocationStatus(aggregate)
                    .parameters(Shapes.orEmpty(i.parameters()))
                    .timeout(i.timeoutSeconds())
                    .username(user(i))
                    .workingDir(Shapes.orEmpty(i.workingDir()))
                    .invokeInstances(servers.stream()
                            .map(s -> {
                                RunStatus status = status(call, s);
                                return CommandInvocation.InvokeInstance.builder()
                                        .instanceId(s.instanceId())
                                        .invocationStatus(status.name())
                                        .startTime(status == RunStatus.Pending ? null : Shapes.time(s.startAt()))
                                        .finishTime(status.finished() ? Shapes.time(s.finishAt()) : null)
                                        .exitCode(status.finished() ? s.exitCode() : null)
                                        .output(status.finished() ? CommandText.base64(Shapes.orEmpty(s.output())) : "")
                                        .errorCode(status.finished() ? Shapes.orEmpty(s.errorCode()) : "")
                                        .errorInfo(status.finished() ? Shapes.orEmpty(s.errorInfo()) : "")
                                        .build();
                            })
                            .toList())
                    .build());
        }
        return new DescribeCommandInvocationsResponse(paging.slice(all), paging.number(), paging.size(), all.size());
    }

    // ------------------------------------------------------------------ helpers

    /** A run's status now; a read that shows a status still to change says when. */
    private static RunStatus status(Call call, ServerRun s) {
        Long next = s.changesAt(call.now());
        if (next != null) {
            call.validUntil(next);
        }
        return s.status(call.now());
    }

    private static String user(InvocationRow i) {
        if (i.username() != null && !i.username().isBlank()) {
            return i.username();
        }
        return CommandType.valueOf(i.commandType()) == CommandType.RunShellScript ? "root" : "system";
    }

    private CommandRow require(Tx tx, Caller caller, String commandId) {
        regions.require(caller.regionId());
        return commands.find(tx, commandId).filter(c -> owned(c, caller)).orElseThrow(SwasErrors::commandNotFound);
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parameters(String stored) {
        try {
            return stored == null ? JSON.createObjectNode() : JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean owned(CommandRow c, Caller caller) {
        return c.accountId().equals(caller.accountId()) && c.regionId().equals(caller.regionId());
    }
}
