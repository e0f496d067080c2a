package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DisableFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.EnableFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.ListFirewallRulesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListFirewallRulesResponse.FirewallRule;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.firewall.FirewallActions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the firewall family (spec/swas-breadth.md G1) and every error code it answers. */
class FirewallRulesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    DomainFixture f;
    FirewallActions fw;
    String server;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
        fw = f.module(FirewallActions.class);
        server = f.server();
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", DomainFixture.ACCOUNT, null, f.now, tx)));
    }

    <T> T callAs(String account, Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", account, null, f.now, tx)));
    }

    List<FirewallRule> rules(String instanceId) {
        return call(c -> fw.listFirewallRules(
                        c,
                        ListFirewallRulesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(instanceId)
                                .pageSize(100L)
                                .build()))
                .firewallRules();
    }

    FirewallRule rule(String ruleId) {
        return rules(server).stream()
                .filter(r -> r.ruleId().equals(ruleId))
                .findFirst()
                .orElseThrow();
    }

    String create(String protocol, String port) {
        return call(c -> fw.createFirewallRule(
                        c,
                        CreateFirewallRuleRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .ruleProtocol(protocol)
                                .port(port)
                                .build()))
                .firewallId();
    }

    List<String> createMany(String json, List<CreateFirewallRulesRequest.Tag> tags) {
        JsonNode rules;
        try {
            rules = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call(c -> fw.createFirewallRules(
                        c,
                        CreateFirewallRulesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .firewallRules(rules)
                                .tag(tags)
                                .build()))
                .firewallRuleIds();
    }

    @Test
    void aNewServerCarriesSshHttpAndHttps() {
        List<FirewallRule> defaults = rules(server);
        assertThat(defaults).extracting(FirewallRule::port).containsExactly("22", "80", "443");
        assertThat(defaults).extracting(FirewallRule::remark).containsExactly("SSH", "HTTP", "HTTPS");
        assertThat(defaults).allSatisfy(r -> {
            assertThat(r.ruleProtocol()).isEqualTo("TCP");
            assertThat(r.policy()).isEqualTo("accept");
            assertThat(r.sourceCidrIp()).isEqualTo("0.0.0.0/0");
            assertThat(r.ruleId()).matches("[0-9a-f]{32}");
            assertThat(r.tags()).isEmpty();
        });
        // every server of a batch gets its own
        for (String s : f.servers(2)) {
            assertThat(rules(s))
                    .hasSize(3)
                    .noneMatch(r -> defaults.stream().anyMatch(d -> d.ruleId().equals(r.ruleId())));
        }
    }

    @Test
    void protocolsTakeTheServiceAndTerraformSpellingsAndAnswerTheServices() {
        assertThat(rule(create("Tcp", "8080")).ruleProtocol()).isEqualTo("TCP");
        assertThat(rule(create("udp", "8080")).ruleProtocol()).isEqualTo("UDP");
        assertThat(rule(create("TcpAndUdp", "1024/1055")).ruleProtocol()).isEqualTo("TCP+UDP");
        assertThat(rule(create("tcp+udp", "2000")).ruleProtocol()).isEqualTo("TCP+UDP");
        assertThat(rule(create("ICMP", "-1/-1")).port()).isEqualTo("-1/-1");
        for (String bad : List.of("SCTP", "TCPUDP", "Tcp And Udp", "")) {
            code(fails(() -> create(bad, "22")), 400, "InvalidProtocol.ValueNotSupported");
        }
        assertThat(fails(() -> create("SCTP", "22")).getMessage())
                .isEqualTo("The specified parameter Protocol is invalid.");
    }

    @Test
    void portsAreOneNumberOrARangeInOneTo65535AndIcmpIsMinusOne() {
        assertThat(rule(create("TCP", "1/65535")).port()).isEqualTo("1/65535");
        assertThat(rule(create("TCP", "08080")).port()).isEqualTo("8080");
        for (String bad : List.of("0", "65536", "10/5", "abc", "-1/-1", "22/", "/22", "1/2/3", "22 ", "123456")) {
            code(fails(() -> create("TCP", bad)), 400, "InvalidPort.ValueNotSupported");
        }
        code(fails(() -> create("ICMP", "22")), 400, "InvalidPort.ValueNotSupported");
        assertThat(fails(() -> create("UDP", "0")).getMessage()).isEqualTo("The specified parameter Port is invalid.");
    }

    @Test
    void sourceCidrIpIsAnIpv4AddressOrBlock() {
        List<String> ids = createMany(
                "[{\"RuleProtocol\":\"TCP\",\"Port\":\"3306\",\"SourceCidrIp\":\"10.0.0.0/8\"},"
                        + "{\"RuleProtocol\":\"TCP\",\"Port\":\"3306\",\"SourceCidrIp\":\"47.101.1.2\",\"Remark\":\"db\"}]",
                null);
        assertThat(rule(ids.get(0)).sourceCidrIp()).isEqualTo("10.0.0.0/8");
        assertThat(rule(ids.get(1)).remark()).isEqualTo("db");
        for (String bad : List.of("300.1.1.1", "1.2.3.4/33", "abc", "1.2.3", "01.2.3.4", "::1")) {
            code(
                    fails(() -> createMany(
                            "[{\"RuleProtocol\":\"TCP\",\"Port\":\"1\",\"SourceCidrIp\":\"" + bad + "\"}]", null)),
                    400,
                    "InvalidSourceCidrIp.ValueNotSupported");
        }
    }

    @Test
    void theSameProtocolPortAndSourceTwiceIsAlreadyExist() {
        var e = fails(() -> create("Tcp", "22"));
        code(e, 403, "FirewallRuleAlreadyExist");
        assertThat(e.getMessage()).isEqualTo("The specified Rule already exist");
        create("UDP", "22");
        createMany("[{\"RuleProtocol\":\"TCP\",\"Port\":\"22\",\"SourceCidrIp\":\"10.0.0.1\"}]", null);
        // a batch repeating itself creates nothing
        code(
                fails(() -> createMany(
                        "[{\"RuleProtocol\":\"TCP\",\"Port\":\"9000\"},{\"RuleProtocol\":\"Tcp\","
                                + "\"Port\":\"9000\"}]",
                        null)),
                403,
                "FirewallRuleAlreadyExist");
        assertThat(rules(server)).hasSize(5);
        // a disabled rule still counts
        String id = create("TCP", "7000");
        call(c -> fw.disableFirewallRule(
                c,
                DisableFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(id)
                        .build()));
        code(fails(() -> create("TCP", "7000")), 403, "FirewallRuleAlreadyExist");
    }

    @Test
    void aServerHasAtMostFiftyRules() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < FirewallActions.RULES_PER_SERVER - 3; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"RuleProtocol\":\"TCP\",\"Port\":\"")
                    .append(10000 + i)
                    .append("\"}");
        }
        List<String> ids = createMany(json.append("]").toString(), null);
        assertThat(ids).hasSize(47);
        assertThat(rules(server)).hasSize(50);
        var e = fails(() -> create("UDP", "53"));
        code(e, 403, "FirewallRuleLimitExceed");
        assertThat(e.getMessage()).isEqualTo("The maximum number of firewall rules in an instance is exceeded.");
        call(c -> fw.deleteFirewallRule(
                c,
                DeleteFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(ids.getFirst())
                        .build()));
        // a batch that does not fit creates nothing
        code(
                fails(() -> createMany(
                        "[{\"RuleProtocol\":\"UDP\",\"Port\":\"53\"},{\"RuleProtocol\":\"UDP\"," + "\"Port\":\"54\"}]",
                        null)),
                403,
                "FirewallRuleLimitExceed");
        assertThat(rules(server)).hasSize(49);
        create("UDP", "53");
    }

    @Test
    void anUnknownOrForeignServerIsInstanceNotFound() {
        code(fails(() -> rules("00000000000000000000000000000000")), 404, "InvalidInstanceId.NotFound");
        code(
                fails(() -> callAs(
                        "2000000000000002",
                        c -> fw.createFirewallRule(
                                c,
                                CreateFirewallRuleRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .instanceId(server)
                                        .ruleProtocol("TCP")
                                        .port("1")
                                        .build()))),
                404,
                "InvalidInstanceId.NotFound");
        code(
                fails(() -> call(c -> fw.listFirewallRules(
                        c,
                        ListFirewallRulesRequest.builder()
                                .regionId("cn-shanghai")
                                .instanceId(server)
                                .build()))),
                404,
                "InvalidInstanceId.NotFound");
    }

    @Test
    void disableKeepsTheRuleWithPolicyDropAndEnableTurnsItBack() {
        String id = create("TCP", "8443");
        call(c -> fw.disableFirewallRule(
                c,
                DisableFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(id)
                        .remark("off for now")
                        .build()));
        assertThat(rule(id).policy()).isEqualTo("drop");
        assertThat(rule(id).remark()).isEqualTo("off for now");
        assertThat(rules(server)).hasSize(4);
        call(c -> fw.enableFirewallRule(
                c,
                EnableFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(id)
                        .sourceCidrIp("192.168.0.0/16")
                        .build()));
        assertThat(rule(id)).satisfies(r -> {
            assertThat(r.policy()).isEqualTo("accept");
            assertThat(r.sourceCidrIp()).isEqualTo("192.168.0.0/16");
            assertThat(r.remark()).isEqualTo("off for now");
        });
        // enabling an enabled rule changes nothing
        call(c -> fw.enableFirewallRule(
                c,
                EnableFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(id)
                        .build()));
        assertThat(rule(id).policy()).isEqualTo("accept");
        code(
                fails(() -> call(c -> fw.enableFirewallRule(
                        c,
                        EnableFirewallRuleRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .ruleId(id)
                                .sourceCidrIp("10.0.0.300")
                                .build()))),
                400,
                "InvalidSourceCidrIp.ValueNotSupported");
    }

    @Test
    void modifyReplacesProtocolAndPortAndKeepsWhatIsNotSent() {
        String id = create("TCP", "3000");
        call(c -> fw.modifyFirewallRule(
                c,
                ModifyFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(id)
                        .ruleProtocol("TcpAndUdp")
                        .port("3000/3010")
                        .remark("app")
                        .build()));
        assertThat(rule(id)).satisfies(r -> {
            assertThat(r.ruleProtocol()).isEqualTo("TCP+UDP");
            assertThat(r.port()).isEqualTo("3000/3010");
            assertThat(r.remark()).isEqualTo("app");
            assertThat(r.sourceCidrIp()).isEqualTo("0.0.0.0/0");
        });
        code(
                fails(() -> call(c -> fw.modifyFirewallRule(
                        c,
                        ModifyFirewallRuleRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .ruleId(id)
                                .ruleProtocol("TCP")
                                .port("22")
                                .build()))),
                403,
                "FirewallRuleAlreadyExist");
        code(
                fails(() -> call(c -> fw.modifyFirewallRule(
                        c,
                        ModifyFirewallRuleRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .ruleId(id)
                                .ruleProtocol("GRE")
                                .port("1")
                                .build()))),
                400,
                "InvalidProtocol.ValueNotSupported");
        // the rule's own values again are no conflict
        call(c -> fw.modifyFirewallRule(
                c,
                ModifyFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(id)
                        .ruleProtocol("TCP+UDP")
                        .port("3000/3010")
                        .build()));
        assertThat(rule(id).remark()).isEqualTo("app");
    }

    @Test
    void anUnknownRuleOrOneOfAnotherServerIsRuleNotFound() {
        String other = f.server();
        String theirs = rules(other).getFirst().ruleId();
        var e = fails(() -> call(c -> fw.deleteFirewallRule(
                c,
                DeleteFirewallRuleRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleId(theirs)
                        .build())));
        code(e, 404, "InvalidFirewallRuleId.NotFound");
        code(
                fails(() -> call(c -> fw.disableFirewallRule(
                        c,
                        DisableFirewallRuleRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .ruleId("nope")
                                .build()))),
                404,
                "InvalidFirewallRuleId.NotFound");
        code(
                fails(() -> call(c -> fw.deleteFirewallRule(
                        c,
                        DeleteFirewallRuleRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId("00000000000000000000000000000000")
                                .ruleId(theirs)
                                .build()))),
                404,
                "InvalidInstanceId.NotFound");
        assertThat(rules(other)).hasSize(3);
    }

    @Test
    void deleteFirewallRulesIsAllOrNothingAndTakesTheTagsAlong() {
        List<String> ids = createMany(
                "[{\"RuleProtocol\":\"TCP\",\"Port\":\"1\"},{\"RuleProtocol\":\"TCP\"," + "\"Port\":\"2\"}]",
                List.of(new CreateFirewallRulesRequest.Tag("env", "test")));
        assertThat(rule(ids.get(0)).tags()).containsExactly(new FirewallRule.Tag("env", "test"));
        code(
                fails(() -> call(c -> fw.deleteFirewallRules(
                        c,
                        DeleteFirewallRulesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .ruleIds(List.of(ids.get(0), "nope"))
                                .build()))),
                404,
                "InvalidFirewallRuleId.NotFound");
        assertThat(rules(server)).hasSize(5);
        code(
                fails(() -> call(c -> fw.deleteFirewallRules(
                        c,
                        DeleteFirewallRulesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(server)
                                .build()))),
                400,
                "MissingRuleIds");
        call(c -> fw.deleteFirewallRules(
                c,
                DeleteFirewallRulesRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .ruleIds(List.of(ids.get(0), ids.get(1), ids.get(0)))
                        .build()));
        assertThat(rules(server)).hasSize(3);
        List<TagRecord> left = f.tx(tx -> new TagRepository().tagsOf(tx, FirewallActions.RESOURCE_TYPE, ids));
        assertThat(left).isEmpty();
        code(fails(() -> createMany("[]", null)), 400, "MissingFirewallRules");
        code(
                fails(() -> createMany(
                        "[{\"RuleProtocol\":\"TCP\",\"Port\":\"5\"}]",
                        List.of(new CreateFirewallRulesRequest.Tag("acs:x", "y")))),
                400,
                "InvalidParameter");
    }

    @Test
    void listPagesFiltersByIdAndTag() {
        createMany(
                "[{\"RuleProtocol\":\"UDP\",\"Port\":\"500\"},{\"RuleProtocol\":\"UDP\",\"Port\":\"501\"}]",
                List.of(new CreateFirewallRulesRequest.Tag("team", "net")));
        List<String> seen = new ArrayList<>();
        for (long page = 1; ; page++) {
            long p = page;
            ListFirewallRulesResponse r = call(c -> fw.listFirewallRules(
                    c,
                    ListFirewallRulesRequest.builder()
                            .regionId(DomainFixture.REGION)
                            .instanceId(server)
                            .pageNumber(p)
                            .pageSize(2L)
                            .build()));
            assertThat(r.totalCount()).isEqualTo(5);
            assertThat(r.pageNumber()).isEqualTo((int) p);
            r.firewallRules().forEach(x -> seen.add(x.port()));
            if (r.firewallRules().size() < 2) {
                break;
            }
        }
        assertThat(seen).containsExactly("22", "80", "443", "500", "501");
        ListFirewallRulesResponse defaultPage = call(c -> fw.listFirewallRules(
                c,
                ListFirewallRulesRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .build()));
        assertThat(defaultPage.pageSize()).isEqualTo(10);
        String first = defaultPage.firewallRules().getFirst().ruleId();
        assertThat(call(c -> fw.listFirewallRules(
                                c,
                                ListFirewallRulesRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .instanceId(server)
                                        .firewallRuleId(first)
                                        .build()))
                        .firewallRules())
                .extracting(FirewallRule::ruleId)
                .containsExactly(first);
        assertThat(call(c -> fw.listFirewallRules(
                                c,
                                ListFirewallRulesRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .instanceId(server)
                                        .tag(List.of(new ListFirewallRulesRequest.Tag("team", null)))
                                        .build()))
                        .firewallRules())
                .extracting(FirewallRule::port)
                .containsExactly("500", "501");
    }

    boolean exists(Caller caller, String ruleId) {
        Boolean answer = f.tx((Tx tx) -> fw.exists(tx, caller, ruleId));
        return answer;
    }

    @Test
    void existsAnswersForTheCallersRulesOnly() {
        String id = rules(server).getFirst().ruleId();
        assertThat(exists(f.caller, id)).isTrue();
        assertThat(exists(new Caller("2000000000000002", DomainFixture.REGION), id))
                .isFalse();
        assertThat(exists(new Caller(DomainFixture.ACCOUNT, "cn-shanghai"), id)).isFalse();
        assertThat(exists(f.caller, "nope")).isFalse();
        assertThat(fw.resourceTypes().getFirst().newId())
                .matches("[0-9a-f]{32}")
                .isNotEqualTo(fw.resourceTypes().getFirst().newId());
    }

    @Test
    void rulesAreTaggableResources() {
        String id = rules(server).getFirst().ruleId();
        f.run(tx ->
                f.tags.tag(tx, f.caller, "firewallrule", List.of(id), List.of(Map.of("Key", "env", "Value", "prod"))));
        assertThat(f.tx(tx -> f.tags.list(tx, f.caller, "firewallrule", List.of(id), null, null))
                        .tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly("env=prod");
    }
}
