package dev.swasd.swas.firewall.templates;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.ApplyFirewallTemplateRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallTemplateRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallTemplateRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallTemplateRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallTemplatesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeFirewallTemplateApplyResultsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeFirewallTemplateRulesApplyResultRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeFirewallTemplatesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyFirewallTemplateRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.ApplyFirewallTemplateResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateFirewallTemplateResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateFirewallTemplateRulesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteFirewallTemplateRulesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteFirewallTemplatesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplateApplyResultsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplateRulesApplyResultResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplatesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplatesResponse.FirewallTemplate;
import dev.swasd.api.swasopen.SwasOpenResponses.ModifyFirewallTemplateResponse;
import dev.swasd.errors.ApiException;
import dev.swasd.errors.GatewayErrors;
import dev.swasd.store.Table;
import dev.swasd.store.Transition;
import dev.swasd.store.TransitionTable;
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
import dev.swasd.swas.firewall.FirewallActions;
import dev.swasd.swas.firewall.FirewallActions.Spec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Firewall templates (spec/swas-breadth.md G6): named sets of firewall rules, checked exactly as a
 * server's rules are ({@link FirewallActions#spec}), applied to up to ten servers at a time by an
 * asynchronous task. The task's outcome is decided, and the rules written to the servers through
 * {@link FirewallActions#applyTemplate}, in the ApplyFirewallTemplate transaction; the task then
 * reports {@code Running} for the state delay and its outcome after it (docs/decisions.md).
 * Changing or deleting a template later leaves the servers and the task's results as they are.
 * Rows live in the tables of migration V14 through {@link Table}.
 */
public final class FirewallTemplateActions implements SwasOpenApi, ResourceModule {
    /** The ARN resource type of a template. */
    public static final String RESOURCE_TYPE = "firewalltemplate";
    /** Servers one ApplyFirewallTemplate may name [doc]. */
    public static final int SERVERS_PER_APPLY = 10;
    /** Rules a template may hold: no more than a server may have (undocumented; docs/decisions.md). */
    public static final int RULES_PER_TEMPLATE = FirewallActions.RULES_PER_SERVER;

    static final String RUNNING = "Running";
    static final String SUCCESS = "Success";
    static final String FAILED = "Failed";
    static final String PART_FAILED = "PartFailed";
    private static final int NAME_MAX = 128;
    private static final int DESCRIPTION_MAX = 512;
    /** The service writes a task's CreateTime as Java's Date.toString in China Standard Time [doc example]. */
    private static final DateTimeFormatter TASK_TIME = DateTimeFormatter.ofPattern(
                    "EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** A template, a row of {@code firewall_templates}. */
    public record Template(
            String templateId,
            String accountId,
            String regionId,
            String name,
            String description,
            long createdAt,
            long version) {}

    /** One rule of a template; {@code seq} its place in the template. */
    public record TemplateRule(
            String ruleId,
            String templateId,
            String ruleProtocol,
            String port,
            String sourceCidrIp,
            String remark,
            long seq,
            long createdAt) {

        Spec spec() {
            return new Spec(ruleProtocol, port, sourceCidrIp, remark);
        }

        boolean sameTraffic(TemplateRule o) {
            return ruleProtocol.equals(o.ruleProtocol) && port.equals(o.port) && sourceCidrIp.equals(o.sourceCidrIp);
        }
    }

    /** An apply task ({@code aft-}); its status follows the clock (a {@link Transition}). */
    public record Task(
            String taskId,
            String accountId,
            String regionId,
            String templateId,
            String status,
            String nextStatus,
            Long nextAt,
            int totalCount,
            int failedCount,
            long createdAt) {

        Transition state() {
            return new Transition(status, nextStatus, nextAt);
        }
    }

    /** A server's outcome in a task, in the order the caller named the servers. */
    public record ServerResult(String resultId, String taskId, String instanceId, String status, int seq) {}

    /** A rule's outcome on one server of a task, as the template's rule was when the task was made. */
    public record RuleResult(
            String resultId,
            String taskId,
            int serverSeq,
            int seq,
            String ruleProtocol,
            String port,
            String sourceCidrIp,
            String remark,
            boolean success,
            String errorCode,
            String errorInfo) {}

    private final Table<Template> templates = new Table<>("firewall_templates", Template.class, "templateId");
    private final Table<TemplateRule> rules = new Table<>("firewall_template_rules", TemplateRule.class, "ruleId");
    private final Table<Task> tasks = new Table<>("firewall_template_tasks", Task.class, "taskId");
    private final Table<ServerResult> serverResults =
            new Table<>("firewall_template_task_servers", ServerResult.class, "resultId");
    private final Table<RuleResult> ruleResults =
            new Table<>("firewall_template_task_rules", RuleResult.class, "resultId");
    private final Regions regions;
    private final Lifecycle lifecycle;
    private final FirewallActions firewall;

    /** Templates: {@code ft-} and 17 characters, as the service's; no transitional states. */
    private final ResourceType templateType = new ResourceType(
            RESOURCE_TYPE,
            new IdFormat.Prefixed("ft-", 17),
            (tx, caller, id) ->
                    templates.find(tx, id).filter(t -> owned(t, caller)).isPresent(),
            null);
    /** Template rules: 32 hex digits, as the service's. */
    private final IdFormat ruleIds = new IdFormat.Hex(16);
    /** Apply tasks: {@code aft-} and 17 characters; Running, then their outcome, settled by the scheduler. */
    private final ResourceType taskType = new ResourceType(
            "firewalltemplatetask",
            new IdFormat.Prefixed("aft-", 17),
            (tx, caller, id) -> tasks.find(tx, id).filter(t -> owned(t, caller)).isPresent(),
            new TransitionTable("firewall_template_tasks", false));

    public FirewallTemplateActions(Regions regions, Lifecycle lifecycle, FirewallActions firewall) {
        this.regions = regions;
        this.lifecycle = lifecycle;
        this.firewall = firewall;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(templateType, taskType);
    }

    @Override
    public CreateFirewallTemplateResponse createFirewallTemplate(Call call, CreateFirewallTemplateRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        List<Spec> specs = specs(
                r.firewallRule(), x -> FirewallActions.spec(x.ruleProtocol(), x.port(), x.sourceCidrIp(), x.remark()));
        Template t = new Template(
                templateType.newId(),
                caller.accountId(),
                caller.regionId(),
                name(r.name()),
                description(r.description()),
                call.now(),
                0);
        templates.insert(call.tx(), t);
        addRules(call, t, List.of(), specs);
        return new CreateFirewallTemplateResponse(t.templateId());
    }

    @Override
    public CreateFirewallTemplateRulesResponse createFirewallTemplateRules(
            Call call, CreateFirewallTemplateRulesRequest r) {
        if (r.firewallRule() == null || r.firewallRule().isEmpty()) {
            throw GatewayErrors.missingParameter("FirewallRule");
        }
        List<Spec> specs = specs(
                r.firewallRule(), x -> FirewallActions.spec(x.ruleProtocol(), x.port(), x.sourceCidrIp(), x.remark()));
        Template t = require(call.tx(), Caller.of(call, r.regionId()), r.firewallTemplateId());
        List<TemplateRule> added = addRules(call, t, rulesOf(call.tx(), t.templateId()), specs);
        return new CreateFirewallTemplateRulesResponse(added.stream()
                .map(x -> new CreateFirewallTemplateRulesResponse.FirewallTemplateRule(
                        x.ruleId(), x.port(), Shapes.orEmpty(x.remark()), x.ruleProtocol(), x.sourceCidrIp()))
                .toList());
    }

    @Override
    public DeleteFirewallTemplateRulesResponse deleteFirewallTemplateRules(
            Call call, DeleteFirewallTemplateRulesRequest r) {
        List<String> ids = ids(r.firewallTemplateRuleId(), "FirewallTemplateRuleId");
        Template t = require(call.tx(), Caller.of(call, r.regionId()), r.firewallTemplateId());
        Set<String> own = new LinkedHashSet<>(rulesOf(call.tx(), t.templateId()).stream()
                .map(TemplateRule::ruleId)
                .toList());
        for (String id : ids) {
            if (!own.contains(id)) {
                throw SwasErrors.firewallTemplateRuleNotFound();
            }
        }
        for (String id : ids) {
            rules.delete(call.tx(), id);
        }
        return new DeleteFirewallTemplateRulesResponse();
    }

    @Override
    public DeleteFirewallTemplatesResponse deleteFirewallTemplates(Call call, DeleteFirewallTemplatesRequest r) {
        List<String> ids = ids(r.firewallTemplateId(), "FirewallTemplateId");
        Caller caller = Caller.of(call, r.regionId());
        for (String id : ids) {
            require(call.tx(), caller, id);
        }
        for (String id : ids) {
            rulesOf(call.tx(), id).forEach(x -> rules.delete(call.tx(), x.ruleId()));
            templates.delete(call.tx(), id);
        }
        return new DeleteFirewallTemplatesResponse();
    }

    @Override
    public ModifyFirewallTemplateResponse modifyFirewallTemplate(Call call, ModifyFirewallTemplateRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        Template t = require(call.tx(), caller, r.firewallTemplateId());
        String name = r.name() == null ? t.name() : name(r.name());
        String description = r.description() == null ? t.description() : description(r.description());
        Map<String, TemplateRule> byId = new LinkedHashMap<>();
        rulesOf(call.tx(), t.templateId()).forEach(x -> byId.put(x.ruleId(), x));
        Map<String, TemplateRule> changed = new LinkedHashMap<>();
        if (r.firewallTemplateRule() != null) {
            for (ModifyFirewallTemplateRequest.FirewallTemplateRule m : r.firewallTemplateRule()) {
                if (m.firewallTemplateRuleId() == null
                        || m.firewallTemplateRuleId().isBlank()) {
                    throw GatewayErrors.missingParameter("FirewallTemplateRule.N.FirewallTemplateRuleId");
                }
                TemplateRule old = byId.get(m.firewallTemplateRuleId());
                if (old == null) {
                    throw SwasErrors.firewallTemplateRuleNotFound();
                }
                Spec s = FirewallActions.spec(
                        m.ruleProtocol() == null ? old.ruleProtocol() : m.ruleProtocol(),
                        m.port() == null ? old.port() : m.port(),
                        m.sourceCidrIp() == null ? old.sourceCidrIp() : m.sourceCidrIp(),
                        m.remark() == null ? old.remark() : m.remark());
                TemplateRule now = new TemplateRule(
                        old.ruleId(),
                        old.templateId(),
                        s.protocol(),
                        s.port(),
                        s.sourceOrAnywhere(),
                        s.remark(),
                        old.seq(),
                        old.createdAt());
                byId.put(now.ruleId(), now);
                changed.put(now.ruleId(), now);
            }
        }
        List<TemplateRule> after = List.copyOf(byId.values());
        for (int i = 0; i < after.size(); i++) {
            for (int j = i + 1; j < after.size(); j++) {
                if (after.get(i).sameTraffic(after.get(j))) {
                    throw SwasErrors.firewallRuleExists();
                }
            }
        }
        if (!templates.update(
                call.tx(),
                new Template(
                        t.templateId(), t.accountId(), t.regionId(), name, description, t.createdAt(), t.version()))) {
            throw new ConcurrentChange("firewall template " + t.templateId());
        }
        // the unique index holds at every statement: move the changed rules aside first
        for (TemplateRule x : changed.values()) {
            rules.delete(call.tx(), x.ruleId());
        }
        changed.values().forEach(x -> rules.insert(call.tx(), x));
        return new ModifyFirewallTemplateResponse();
    }

    @Override
    public DescribeFirewallTemplatesResponse describeFirewallTemplates(Call call, DescribeFirewallTemplatesRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        Set<String> wanted = r.firewallTemplateId() == null
                ? Set.of()
                : new LinkedHashSet<>(r.firewallTemplateId().stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList());
        List<Template> all = new ArrayList<>(templates.list(
                call.tx(),
                "account_id = ? AND region_id = ?",
                "created_at DESC, template_id",
                caller.accountId(),
                caller.regionId()));
        all.removeIf(t -> !wanted.isEmpty() && !wanted.contains(t.templateId()));
        all.removeIf(t -> r.name() != null && !r.name().equals(t.name()));
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 20);
        List<FirewallTemplate> page = new ArrayList<>();
        for (Template t : paging.slice(all)) {
            String created = Shapes.time(t.createdAt());
            page.add(FirewallTemplate.builder()
                    .firewallTemplateId(t.templateId())
                    .name(t.name())
                    .description(Shapes.orEmpty(t.description()))
                    .createTime(created)
                    .creationTime(created)
                    .firewallTemplateRules(rulesOf(call.tx(), t.templateId()).stream()
                            .map(x -> new FirewallTemplate.FirewallTemplateRule(
                                    x.ruleId(),
                                    x.port(),
                                    Shapes.orEmpty(x.remark()),
                                    x.ruleProtocol(),
                                    x.sourceCidrIp()))
                            .toList())
                    .build());
        }
        return new DescribeFirewallTemplatesResponse(page, paging.number(), paging.size(), all.size());
    }

    @Override
    public ApplyFirewallTemplateResponse applyFirewallTemplate(Call call, ApplyFirewallTemplateRequest r) {
        List<String> servers = ids(r.instanceIds(), "InstanceIds");
        if (servers.size() > SERVERS_PER_APPLY) {
            throw SwasErrors.invalidParam(
                    "InstanceIds", "a template is applied to at most " + SERVERS_PER_APPLY + " servers at a time.");
        }
        Caller caller = Caller.of(call, r.regionId());
        Template t = require(call.tx(), caller, r.firewallTemplateId());
        List<TemplateRule> templateRules = rulesOf(call.tx(), t.templateId());
        List<Spec> specs = templateRules.stream().map(TemplateRule::spec).toList();
        String taskId = taskType.newId();
        List<ServerResult> outcomes = new ArrayList<>();
        List<RuleResult> perRule = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < servers.size(); i++) {
            String id = servers.get(i);
            ApiException error = null;
            try {
                firewall.applyTemplate(call.tx(), call.now(), caller, id, specs);
            } catch (ApiException e) {
                error = e;
                failed++;
            }
            outcomes.add(new ServerResult(taskId + "/" + i, taskId, id, error == null ? SUCCESS : FAILED, i));
            for (int j = 0; j < templateRules.size(); j++) {
                TemplateRule x = templateRules.get(j);
                perRule.add(new RuleResult(
                        taskId + "/" + i + "/" + j,
                        taskId,
                        i,
                        j,
                        x.ruleProtocol(),
                        x.port(),
                        x.sourceCidrIp(),
                        x.remark(),
                        error == null,
                        error == null ? null : error.code(),
                        error == null ? null : error.getMessage()));
            }
        }
        String outcome = failed == 0 ? SUCCESS : failed == servers.size() ? FAILED : PART_FAILED;
        Transition state = lifecycle.toward(RUNNING, outcome, call.now());
        tasks.insert(
                call.tx(),
                new Task(
                        taskId,
                        caller.accountId(),
                        caller.regionId(),
                        t.templateId(),
                        state.stored(),
                        state.next(),
                        state.at(),
                        servers.size(),
                        failed,
                        call.now()));
        outcomes.forEach(x -> serverResults.insert(call.tx(), x));
        perRule.forEach(x -> ruleResults.insert(call.tx(), x));
        return new ApplyFirewallTemplateResponse(taskId);
    }

    @Override
    public DescribeFirewallTemplateApplyResultsResponse describeFirewallTemplateApplyResults(
            Call call, DescribeFirewallTemplateApplyResultsRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        Set<String> wanted = r.taskId() == null
                ? Set.of()
                : new LinkedHashSet<>(r.taskId().stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList());
        List<Task> all = new ArrayList<>(tasks.list(
                call.tx(),
                "account_id = ? AND region_id = ?",
                "created_at DESC, task_id",
                caller.accountId(),
                caller.regionId()));
        all.removeIf(t -> !wanted.isEmpty() && !wanted.contains(t.taskId()));
        all.removeIf(
                t -> r.firewallTemplateId() != null && !r.firewallTemplateId().equals(t.templateId()));
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 20);
        List<DescribeFirewallTemplateApplyResultsResponse.data> page = new ArrayList<>();
        for (Task t : paging.slice(all)) {
            String status = status(call, t);
            boolean running = status.equals(RUNNING);
            page.add(DescribeFirewallTemplateApplyResultsResponse.data
                    .builder()
                    .taskId(t.taskId())
                    .firewallTemplateId(t.templateId())
                    .status(status)
                    .totalCount(Integer.toString(t.totalCount()))
                    .failedCount(Integer.toString(running ? 0 : t.failedCount()))
                    .createTime(TASK_TIME.format(Instant.ofEpochMilli(t.createdAt())))
                    .instanceApplyResults(serverResults.list(call.tx(), "task_id = ?", "seq", t.taskId()).stream()
                            .map(s -> new DescribeFirewallTemplateApplyResultsResponse.data.InstanceApplyResult(
                                    s.instanceId(), running ? RUNNING : s.status()))
                            .toList())
                    .build());
        }
        return new DescribeFirewallTemplateApplyResultsResponse(
                Integer.toString(paging.number()), Integer.toString(paging.size()), Integer.toString(all.size()), page);
    }

    @Override
    public DescribeFirewallTemplateRulesApplyResultResponse describeFirewallTemplateRulesApplyResult(
            Call call, DescribeFirewallTemplateRulesApplyResultRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        regions.require(caller.regionId());
        Task task = tasks.find(call.tx(), r.taskId())
                .filter(t -> owned(t, caller))
                .orElseThrow(SwasErrors::firewallTemplateTaskNotFound);
        if (!task.templateId().equals(r.firewallTemplateId())) {
            throw SwasErrors.firewallTemplateNotFound();
        }
        ServerResult server =
                serverResults
                        .list(call.tx(), "task_id = ? AND instance_id = ?", "seq", task.taskId(), r.instanceId())
                        .stream()
                        .findFirst()
                        .orElseThrow(SwasErrors::instanceNotFound);
        if (status(call, task).equals(RUNNING)) {
            return new DescribeFirewallTemplateRulesApplyResultResponse(List.of());
        }
        return new DescribeFirewallTemplateRulesApplyResultResponse(
                ruleResults
                        .list(call.tx(), "task_id = ? AND server_seq = ?", "seq", task.taskId(), server.seq())
                        .stream()
                        .map(x -> DescribeFirewallTemplateRulesApplyResultResponse.data
                                .builder()
                                .ruleProtocol(x.ruleProtocol())
                                .port(x.port())
                                .sourceCidrIp(x.sourceCidrIp())
                                .remark(Shapes.orEmpty(x.remark()))
                                .success(x.success())
                                .errorCode(x.errorCode())
                                .errorInfo(x.errorInfo())
                                .build())
                        .toList());
    }

    /** The task's status now; a read that shows Running says when that changes by itself. */
    private static String status(Call call, Task t) {
        Transition state = t.state();
        if (state.pendingAfter(call.now())) {
            call.validUntil(state.at());
        }
        return state.status(call.now());
    }

    /** New rules for a template: none may repeat another, and the template keeps its rule limit. */
    private List<TemplateRule> addRules(Call call, Template t, List<TemplateRule> existing, List<Spec> specs) {
        if (existing.size() + specs.size() > RULES_PER_TEMPLATE) {
            throw SwasErrors.firewallRuleLimitExceeded();
        }
        List<TemplateRule> added = new ArrayList<>();
        long seq = existing.stream().mapToLong(TemplateRule::seq).max().orElse(0);
        for (Spec s : specs) {
            TemplateRule rule = new TemplateRule(
                    ruleIds.next(),
                    t.templateId(),
                    s.protocol(),
                    s.port(),
                    s.sourceOrAnywhere(),
                    s.remark(),
                    ++seq,
                    call.now());
            if (existing.stream().anyMatch(rule::sameTraffic) || added.stream().anyMatch(rule::sameTraffic)) {
                throw SwasErrors.firewallRuleExists();
            }
            added.add(rule);
        }
        added.forEach(x -> rules.insert(call.tx(), x));
        return added;
    }

    private Template require(Tx tx, Caller caller, String templateId) {
        regions.require(caller.regionId());
        return templates
                .find(tx, templateId)
                .filter(t -> owned(t, caller))
                .orElseThrow(SwasErrors::firewallTemplateNotFound);
    }

    private List<TemplateRule> rulesOf(Tx tx, String templateId) {
        return rules.list(tx, "template_id = ?", "seq, rule_id", templateId);
    }

    private static <T> List<Spec> specs(List<T> items, Function<T, Spec> check) {
        return items == null ? List.of() : items.stream().map(check).toList();
    }

    /** A list of ids, blanks dropped and repeats counted once; none at all is the parameter missing. */
    private static List<String> ids(List<String> given, String parameter) {
        List<String> ids = given == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(given.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()));
        if (ids.isEmpty()) {
            throw GatewayErrors.missingParameter(parameter);
        }
        return ids;
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > NAME_MAX) {
            throw SwasErrors.invalidParam("Name", "a template's name has 1 to " + NAME_MAX + " characters.");
        }
        return name;
    }

    private static String description(String description) {
        if (description != null && description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            throw SwasErrors.invalidParam("Description", "it is longer than " + DESCRIPTION_MAX + " characters.");
        }
        return description;
    }

    private static boolean owned(Template t, Caller caller) {
        return t.accountId().equals(caller.accountId()) && t.regionId().equals(caller.regionId());
    }

    private static boolean owned(Task t, Caller caller) {
        return t.accountId().equals(caller.accountId()) && t.regionId().equals(caller.regionId());
    }
}
