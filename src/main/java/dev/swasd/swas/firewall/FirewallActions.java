package dev.swasd.swas.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.api.Call;
import dev.swasd.api.Reusable;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DisableFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.EnableFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateFirewallRuleResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateFirewallRulesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteFirewallRuleResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteFirewallRulesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DisableFirewallRuleResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.EnableFirewallRuleResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListFirewallRulesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListFirewallRulesResponse.FirewallRule;
import dev.swasd.api.swasopen.SwasOpenResponses.ModifyFirewallRuleResponse;
import dev.swasd.errors.GatewayErrors;
import dev.swasd.store.Table;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Paging;
import dev.swasd.swas.ResourceModule;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.Shapes;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.tags.TagFilters;
import dev.swasd.swas.tags.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A server's firewall: ListFirewallRules, CreateFirewallRule(s), DeleteFirewallRule(s),
 * ModifyFirewallRule, EnableFirewallRule, DisableFirewallRule (spec/swas-breadth.md G1). Every new
 * server starts with {@link #DEFAULTS}; a disabled rule stays, with {@code Policy} {@code drop}.
 * Rules live in {@code firewall_rules} (migration V10) through {@link Table}; their tags in
 * {@code tags} with resource type {@value #RESOURCE_TYPE}.
 */
public final class FirewallActions implements SwasOpenApi, ResourceModule {
    /** The tag and ARN resource type of a rule. */
    public static final String RESOURCE_TYPE = "firewallrule";
    /** Rules a server may have, disabled ones included (undocumented; docs/decisions.md). */
    public static final int RULES_PER_SERVER = 50;

    static final String ACCEPT = "accept";
    static final String DROP = "drop";
    static final String ANYWHERE = "0.0.0.0/0";

    /**
     * One rule, a row of {@code firewall_rules}; {@code ruleProtocol} in the service's spelling,
     * {@code seq} its place among its server's rules (the order they were made in).
     */
    public record Rule(
            String ruleId,
            String accountId,
            String regionId,
            String instanceId,
            String ruleProtocol,
            String port,
            String sourceCidrIp,
            String remark,
            String policy,
            long seq,
            long createdAt,
            long version) {

        Rule with(String protocol, String port, String source, String remark, String policy) {
            return new Rule(
                    ruleId,
                    accountId,
                    regionId,
                    instanceId,
                    protocol,
                    port,
                    source,
                    remark,
                    policy,
                    seq,
                    createdAt,
                    version);
        }

        boolean sameTraffic(Rule o) {
            return ruleProtocol.equals(o.ruleProtocol) && port.equals(o.port) && sourceCidrIp.equals(o.sourceCidrIp);
        }
    }

    /**
     * What a new rule asks for, checked and in the service's spelling; a null source means anywhere.
     * Firewall templates hold their rules as these ({@link #spec}), so both check rules alike.
     */
    public record Spec(String protocol, String port, String source, String remark) {
        /** The source as a rule stores it: anywhere when none was given. */
        public String sourceOrAnywhere() {
            return source == null ? ANYWHERE : source;
        }
    }

    /** The rules every new server carries: SSH, HTTP and HTTPS from anywhere. */
    static final List<Spec> DEFAULTS = List.of(
            new Spec("TCP", "22", ANYWHERE, "SSH"),
            new Spec("TCP", "80", ANYWHERE, "HTTP"),
            new Spec("TCP", "443", ANYWHERE, "HTTPS"));

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final int REMARK_MAX = 256;

    private final Table<Rule> rules = new Table<>("firewall_rules", Rule.class, "ruleId");
    private final InstanceService instances;
    private final TagRepository tags;

    public FirewallActions(InstanceService instances, TagRepository tags) {
        this.instances = instances;
        this.tags = tags;
    }

    /** Rules: 32 lower-case hex digits, as the service's; no transitional states. */
    private final ResourceType type = new ResourceType(
            RESOURCE_TYPE,
            new IdFormat.Hex(16),
            (tx, caller, id) -> rules.find(tx, id).filter(r -> owned(r, caller)).isPresent(),
            null);

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(type);
    }

    /** A new rule id. */
    String newRuleId() {
        return type.newId();
    }

    /** Whether the caller (account and region) has this rule. */
    public boolean exists(Tx tx, Caller caller, String ruleId) {
        return type.exists(tx, caller, ruleId);
    }

    /** {@link InstanceService.Created}: a new server's default rules. */
    public void addDefaults(Tx tx, long now, Caller caller, String instanceId) {
        long seq = 0;
        for (Spec s : DEFAULTS) {
            rules.insert(
                    tx,
                    new Rule(
                            newRuleId(),
                            caller.accountId(),
                            caller.regionId(),
                            instanceId,
                            s.protocol(),
                            s.port(),
                            s.source(),
                            s.remark(),
                            ACCEPT,
                            ++seq,
                            now,
                            0));
        }
    }

    @Override
    @Reusable
    public ListFirewallRulesResponse listFirewallRules(Call call, ListFirewallRulesRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        List<Rule> all = new ArrayList<>(rulesOf(call.tx(), caller, r.instanceId()));
        all.removeIf(x -> r.firewallRuleId() != null && !r.firewallRuleId().equals(x.ruleId()));
        Map<String, List<TagRecord>> byId = Shapes.byResource(tags.tagsOf(
                call.tx(), RESOURCE_TYPE, all.stream().map(Rule::ruleId).toList()));
        List<TagFilters.Filter> filter =
                TagFilters.of(r.tag(), ListFirewallRulesRequest.Tag::key, ListFirewallRulesRequest.Tag::value);
        all.removeIf(x -> !TagFilters.matches(byId.getOrDefault(x.ruleId(), List.of()), filter));
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<FirewallRule> page = new ArrayList<>();
        for (Rule x : paging.slice(all)) {
            page.add(FirewallRule.builder()
                    .ruleId(x.ruleId())
                    .ruleProtocol(x.ruleProtocol())
                    .port(x.port())
                    .sourceCidrIp(x.sourceCidrIp())
                    .remark(Shapes.orEmpty(x.remark()))
                    .policy(x.policy())
                    .tags(Shapes.tags(byId.getOrDefault(x.ruleId(), List.of()), FirewallRule.Tag::new))
                    .build());
        }
        return new ListFirewallRulesResponse(page, paging.number(), paging.size(), all.size());
    }

    @Override
    public CreateFirewallRuleResponse createFirewallRule(Call call, CreateFirewallRuleRequest r) {
        Spec spec = spec(r.ruleProtocol(), r.port(), null, r.remark());
        return new CreateFirewallRuleResponse(
                create(call, Caller.of(call, r.regionId()), r.instanceId(), List.of(spec), List.of())
                        .getFirst());
    }

    @Override
    public CreateFirewallRulesResponse createFirewallRules(Call call, CreateFirewallRulesRequest r) {
        JsonNode items = r.firewallRules();
        if (items == null || (items.isArray() && items.isEmpty())) {
            throw GatewayErrors.missingParameter("FirewallRules");
        }
        if (!items.isArray()) {
            throw SwasErrors.invalidParam("FirewallRules", "it must be a JSON array of rules.");
        }
        List<Spec> specs = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw SwasErrors.invalidParam("FirewallRules", "every rule must be a JSON object.");
            }
            specs.add(spec(
                    text(item, "RuleProtocol"), text(item, "Port"), text(item, "SourceCidrIp"), text(item, "Remark")));
        }
        List<Map<String, String>> tagList =
                Shapes.tagMaps(r.tag(), CreateFirewallRulesRequest.Tag::key, CreateFirewallRulesRequest.Tag::value);
        TagRules.checkForAttach(tagList);
        return new CreateFirewallRulesResponse(
                create(call, Caller.of(call, r.regionId()), r.instanceId(), specs, tagList));
    }

    @Override
    public ModifyFirewallRuleResponse modifyFirewallRule(Call call, ModifyFirewallRuleRequest r) {
        Spec spec = spec(r.ruleProtocol(), r.port(), r.sourceCidrIp(), r.remark());
        Caller caller = Caller.of(call, r.regionId());
        Rule rule = require(call.tx(), caller, r.instanceId(), r.ruleId());
        save(
                call.tx(),
                rule.with(
                        spec.protocol(),
                        spec.port(),
                        r.sourceCidrIp() == null ? rule.sourceCidrIp() : spec.source(),
                        r.remark() == null ? rule.remark() : spec.remark(),
                        rule.policy()));
        return new ModifyFirewallRuleResponse();
    }

    @Override
    public EnableFirewallRuleResponse enableFirewallRule(Call call, EnableFirewallRuleRequest r) {
        String source = r.sourceCidrIp() == null ? null : source(r.sourceCidrIp());
        String remark = remark(r.remark());
        Rule rule = require(call.tx(), Caller.of(call, r.regionId()), r.instanceId(), r.ruleId());
        save(
                call.tx(),
                rule.with(
                        rule.ruleProtocol(),
                        rule.port(),
                        source == null ? rule.sourceCidrIp() : source,
                        remark == null ? rule.remark() : remark,
                        ACCEPT));
        return new EnableFirewallRuleResponse();
    }

    @Override
    public DisableFirewallRuleResponse disableFirewallRule(Call call, DisableFirewallRuleRequest r) {
        String remark = remark(r.remark());
        Rule rule = require(call.tx(), Caller.of(call, r.regionId()), r.instanceId(), r.ruleId());
        save(
                call.tx(),
                rule.with(
                        rule.ruleProtocol(),
                        rule.port(),
                        rule.sourceCidrIp(),
                        remark == null ? rule.remark() : remark,
                        DROP));
        return new DisableFirewallRuleResponse();
    }

    @Override
    public DeleteFirewallRuleResponse deleteFirewallRule(Call call, DeleteFirewallRuleRequest r) {
        delete(call.tx(), Caller.of(call, r.regionId()), r.instanceId(), List.of(r.ruleId()));
        return new DeleteFirewallRuleResponse();
    }

    @Override
    public DeleteFirewallRulesResponse deleteFirewallRules(Call call, DeleteFirewallRulesRequest r) {
        if (r.ruleIds() == null || r.ruleIds().stream().allMatch(String::isBlank)) {
            throw GatewayErrors.missingParameter("RuleIds");
        }
        delete(
                call.tx(),
                Caller.of(call, r.regionId()),
                r.instanceId(),
                r.ruleIds().stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        return new DeleteFirewallRulesResponse();
    }

    /** All or nothing: the server must exist, have room, and no rule may repeat another. */
    private List<String> create(
            Call call, Caller caller, String instanceId, List<Spec> specs, List<Map<String, String>> tagList) {
        Tx tx = call.tx();
        List<Rule> existing = rulesOf(tx, caller, instanceId);
        if (existing.size() + specs.size() > RULES_PER_SERVER) {
            throw SwasErrors.firewallRuleLimitExceeded();
        }
        List<Rule> added = new ArrayList<>();
        long seq = existing.stream().mapToLong(Rule::seq).max().orElse(0);
        for (Spec s : specs) {
            Rule rule = new Rule(
                    newRuleId(),
                    caller.accountId(),
                    caller.regionId(),
                    instanceId,
                    s.protocol(),
                    s.port(),
                    s.source() == null ? ANYWHERE : s.source(),
                    s.remark(),
                    ACCEPT,
                    ++seq,
                    call.now(),
                    0);
            if (existing.stream().anyMatch(rule::sameTraffic) || added.stream().anyMatch(rule::sameTraffic)) {
                throw SwasErrors.firewallRuleExists();
            }
            added.add(rule);
        }
        for (Rule rule : added) {
            rules.insert(tx, rule);
            for (Map<String, String> t : tagList) {
                tags.put(
                        tx,
                        new TagRecord(
                                caller.accountId(),
                                RESOURCE_TYPE,
                                rule.ruleId(),
                                t.get("Key"),
                                t.getOrDefault("Value", "")));
            }
        }
        return added.stream().map(Rule::ruleId).toList();
    }

    /**
     * A firewall template's rules landing on one server (ApplyFirewallTemplate): a rule with the
     * same protocol, port and source as one of the server's replaces it, enabled or not (it keeps
     * its id and tags, takes the template rule's remark and is enabled); the others are added.
     * All or nothing: an unknown server is InvalidInstanceId.NotFound, and more rules than
     * {@link #RULES_PER_SERVER} is FirewallRuleLimitExceed, with nothing written.
     */
    public void applyTemplate(Tx tx, long now, Caller caller, String instanceId, List<Spec> specs) {
        List<Rule> existing = rulesOf(tx, caller, instanceId);
        List<Rule> replaced = new ArrayList<>();
        List<Spec> added = new ArrayList<>();
        for (Spec s : specs) {
            Rule wanted = new Rule(
                    null,
                    caller.accountId(),
                    caller.regionId(),
                    instanceId,
                    s.protocol(),
                    s.port(),
                    s.sourceOrAnywhere(),
                    s.remark(),
                    ACCEPT,
                    0,
                    now,
                    0);
            existing.stream()
                    .filter(wanted::sameTraffic)
                    .findFirst()
                    .ifPresentOrElse(
                            old -> replaced.add(
                                    old.with(old.ruleProtocol(), old.port(), old.sourceCidrIp(), s.remark(), ACCEPT)),
                            () -> added.add(s));
        }
        if (existing.size() + added.size() > RULES_PER_SERVER) {
            throw SwasErrors.firewallRuleLimitExceeded();
        }
        for (Rule r : replaced) {
            if (!rules.update(tx, r)) {
                throw new ConcurrentChange("firewall rule " + r.ruleId());
            }
        }
        long seq = existing.stream().mapToLong(Rule::seq).max().orElse(0);
        for (Spec s : added) {
            rules.insert(
                    tx,
                    new Rule(
                            newRuleId(),
                            caller.accountId(),
                            caller.regionId(),
                            instanceId,
                            s.protocol(),
                            s.port(),
                            s.sourceOrAnywhere(),
                            s.remark(),
                            ACCEPT,
                            ++seq,
                            now,
                            0));
        }
    }

    private void delete(Tx tx, Caller caller, String instanceId, List<String> ruleIds) {
        Set<String> ids = new LinkedHashSet<>(ruleIds);
        for (String id : ids) {
            require(tx, caller, instanceId, id);
        }
        for (String id : ids) {
            rules.delete(tx, id);
        }
        tags.removeAll(tx, RESOURCE_TYPE, List.copyOf(ids));
    }

    /** A changed rule, unless another rule of its server already lets the same traffic through. */
    private void save(Tx tx, Rule changed) {
        for (Rule other :
                rules.list(tx, "instance_id = ? AND rule_id <> ?", null, changed.instanceId(), changed.ruleId())) {
            if (other.sameTraffic(changed)) {
                throw SwasErrors.firewallRuleExists();
            }
        }
        if (!rules.update(tx, changed)) {
            throw new ConcurrentChange("firewall rule " + changed.ruleId());
        }
    }

    /** The server's rules in the order they were made; 404 for an unknown server. */
    private List<Rule> rulesOf(Tx tx, Caller caller, String instanceId) {
        instances.require(tx, caller, instanceId);
        return rules.list(tx, "instance_id = ?", "seq, rule_id", instanceId);
    }

    private Rule require(Tx tx, Caller caller, String instanceId, String ruleId) {
        instances.require(tx, caller, instanceId);
        return rules.find(tx, ruleId)
                .filter(r -> owned(r, caller) && r.instanceId().equals(instanceId))
                .orElseThrow(SwasErrors::firewallRuleNotFound);
    }

    private static boolean owned(Rule r, Caller caller) {
        return r.accountId().equals(caller.accountId()) && r.regionId().equals(caller.regionId());
    }

    /**
     * Checks a rule's fields; protocol and port are required, the source defaults to anywhere later.
     * The one check of a rule's fields, for server rules and firewall-template rules alike.
     */
    public static Spec spec(String protocol, String port, String source, String remark) {
        String p = protocol(protocol);
        return new Spec(p, port(p, port), source == null ? null : source(source), remark(remark));
    }

    /**
     * The service's {@code TCP}, {@code UDP}, {@code TCP+UDP}, {@code ICMP}, and the Terraform
     * provider's {@code Tcp}, {@code Udp}, {@code TcpAndUdp}, in any case, as the service spells them.
     */
    static String protocol(String text) {
        String t = text == null ? "" : text.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "TCP", "UDP", "ICMP", "TCP+UDP" -> t;
            case "TCPANDUDP" -> "TCP+UDP";
            default -> throw SwasErrors.invalidProtocol();
        };
    }

    /** {@code N} or {@code a/b} with 1 ≤ a ≤ b ≤ 65535, written without leading zeros; ICMP only {@code -1/-1}. */
    static String port(String protocol, String text) {
        String t = text == null ? "" : text;
        if (protocol.equals("ICMP")) {
            if (!t.equals("-1/-1")) {
                throw SwasErrors.invalidPort();
            }
            return t;
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            return Integer.toString(portNumber(t));
        }
        int from = portNumber(t.substring(0, slash));
        int to = portNumber(t.substring(slash + 1));
        if (from > to) {
            throw SwasErrors.invalidPort();
        }
        return from + "/" + to;
    }

    private static int portNumber(String t) {
        if (!NUMBER.matcher(t).matches()) {
            throw SwasErrors.invalidPort();
        }
        int n = Integer.parseInt(t);
        if (n < 1 || n > 65535) {
            throw SwasErrors.invalidPort();
        }
        return n;
    }

    /** An IPv4 address or CIDR block ({@code a.b.c.d} or {@code a.b.c.d/n}, n 0-32). */
    static String source(String text) {
        String t = text;
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!IPV4.matcher(address).matches()) {
            throw SwasErrors.invalidSourceCidrIp();
        }
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                throw SwasErrors.invalidSourceCidrIp();
            }
        }
        if (slash >= 0) {
            String bits = t.substring(slash + 1);
            if (!bits.matches("[0-9]{1,2}") || Integer.parseInt(bits) > 32) {
                throw SwasErrors.invalidSourceCidrIp();
            }
        }
        return t;
    }

    private static String remark(String text) {
        if (text != null && text.codePointCount(0, text.length()) > REMARK_MAX) {
            throw SwasErrors.invalidParam("Remark", "it is longer than " + REMARK_MAX + " characters.");
        }
        return text;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }
}
