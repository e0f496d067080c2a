package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.ApplyFirewallTemplateRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallTemplateRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateFirewallTemplateRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallTemplateRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteFirewallTemplatesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeFirewallTemplateApplyResultsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeFirewallTemplateRulesApplyResultRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeFirewallTemplatesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DisableFirewallRuleRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListFirewallRulesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyFirewallTemplateRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplateApplyResultsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplateRulesApplyResultResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeFirewallTemplatesResponse.FirewallTemplate;
import dev.swasd.api.swasopen.SwasOpenResponses.ListFirewallRulesResponse.FirewallRule;
import dev.swasd.swas.firewall.FirewallActions;
import dev.swasd.swas.firewall.templates.FirewallTemplateActions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the firewall-template family (spec/swas-breadth.md G6) and every error code it answers. */
class FirewallTemplateRulesTest {
    static final String REGION = DomainFixture.REGION;
    static final long DELAY = 5_000;

    @TempDir
    Path dir;

    DomainFixture f;
    FirewallTemplateActions ft;
    FirewallActions fw;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, DELAY, Quotas.defaults());
        ft = f.module(FirewallTemplateActions.class);
        fw = f.module(FirewallActions.class);
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return callAs(DomainFixture.ACCOUNT, action);
    }

    <T> T callAs(String account, Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", account, null, f.now, tx)));
    }

    static CreateFirewallTemplateRequest.FirewallRule rule(String protocol, String port, String source, String remark) {
        return new CreateFirewallTemplateRequest.FirewallRule(port, remark, protocol, source);
    }

    String template(String name, CreateFirewallTemplateRequest.FirewallRule... rules) {
        return call(c -> ft.createFirewallTemplate(
                        c,
                        CreateFirewallTemplateRequest.builder()
                                .regionId(REGION)
                                .name(name)
                                .description("d")
                                .firewallRule(List.of(rules))
                                .build()))
                .firewallTemplateId();
    }

    FirewallTemplate describe(String id) {
        return call(c -> ft.describeFirewallTemplates(
                        c,
                        DescribeFirewallTemplatesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(List.of(id))
                                .build()))
                .firewallTemplates()
                .getFirst();
    }

    String apply(String templateId, String... servers) {
        return call(c -> ft.applyFirewallTemplate(
                        c,
                        ApplyFirewallTemplateRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(templateId)
                                .instanceIds(List.of(servers))
                                .build()))
                .taskId();
    }

    DescribeFirewallTemplateApplyResultsResponse.data task(String taskId) {
        return call(c -> ft.describeFirewallTemplateApplyResults(
                        c,
                        DescribeFirewallTemplateApplyResultsRequest.builder()
                                .regionId(REGION)
                                .taskId(List.of(taskId))
                                .build()))
                .data()
                .getFirst();
    }

    List<DescribeFirewallTemplateRulesApplyResultResponse.data> ruleResults(
            String templateId, String taskId, String server) {
        return call(c -> ft.describeFirewallTemplateRulesApplyResult(
                        c,
                        DescribeFirewallTemplateRulesApplyResultRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(templateId)
                                .taskId(taskId)
                                .instanceId(server)
                                .build()))
                .data();
    }

    List<FirewallRule> serverRules(String server) {
        return call(c -> fw.listFirewallRules(
                        c,
                        ListFirewallRulesRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .pageSize(100L)
                                .build()))
                .firewallRules();
    }

    @Test
    void aTemplateHoldsRulesCheckedAsServerRulesAre() {
        String id = template(
                "web",
                rule("Tcp", "8080", null, "app"),
                rule("TcpAndUdp", "1000/2000", "10.0.0.0/8", null),
                rule("ICMP", "-1/-1", "1.2.3.4", "ping"));
        assertThat(id).matches("ft-[a-z0-9]{17}");
        FirewallTemplate t = describe(id);
        assertThat(t.name()).isEqualTo("web");
        assertThat(t.description()).isEqualTo("d");
        assertThat(t.createTime()).isEqualTo(Shapes.time(f.now)).isEqualTo(t.creationTime());
        assertThat(t.firewallTemplateRules())
                .extracting(r -> r.ruleProtocol() + " " + r.port() + " " + r.sourceCidrIp() + " " + r.remark())
                .containsExactly("TCP 8080 0.0.0.0/0 app", "TCP+UDP 1000/2000 10.0.0.0/8 ", "ICMP -1/-1 1.2.3.4 ping");
        assertThat(t.firewallTemplateRules())
                .allSatisfy(r -> assertThat(r.firewallTemplateRuleId()).matches("[0-9a-f]{32}"));

        code(fails(() -> template("x", rule("SCTP", "22", null, null))), 400, "InvalidProtocol.ValueNotSupported");
        code(fails(() -> template("x", rule("TCP", "0", null, null))), 400, "InvalidPort.ValueNotSupported");
        code(fails(() -> template("x", rule("TCP", "90/80", null, null))), 400, "InvalidPort.ValueNotSupported");
        code(fails(() -> template("x", rule("ICMP", "22", null, null))), 400, "InvalidPort.ValueNotSupported");
        code(
                fails(() -> template("x", rule("TCP", "22", "300.1.1.1", null))),
                400,
                "InvalidSourceCidrIp.ValueNotSupported");
        code(
                fails(() -> template("x", rule("TCP", "22", null, null), rule("tcp", "22", "0.0.0.0/0", "again"))),
                403,
                "FirewallRuleAlreadyExist");
        code(fails(() -> template("", rule("TCP", "22", null, null))), 400, "InvalidParameter");
        assertThat(call(c -> ft.describeFirewallTemplates(
                                c,
                                DescribeFirewallTemplatesRequest.builder()
                                        .regionId(REGION)
                                        .build()))
                        .totalCount())
                .isEqualTo(1);
    }

    @Test
    void rulesAreAddedDeletedAndModified() {
        String id = template("t", rule("TCP", "22", null, "ssh"));
        var added = call(c -> ft.createFirewallTemplateRules(
                        c,
                        CreateFirewallTemplateRulesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallRule(List.of(new CreateFirewallTemplateRulesRequest.FirewallRule(
                                        "3306", "db", "TCP", "10.0.0.1")))
                                .build()))
                .firewallTemplateRules();
        assertThat(added).singleElement().satisfies(r -> {
            assertThat(r.port()).isEqualTo("3306");
            assertThat(r.sourceCidrIp()).isEqualTo("10.0.0.1");
        });
        code(
                fails(() -> call(c -> ft.createFirewallTemplateRules(
                        c,
                        CreateFirewallTemplateRulesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallRule(List.of(
                                        new CreateFirewallTemplateRulesRequest.FirewallRule("22", null, "TCP", null)))
                                .build()))),
                403,
                "FirewallRuleAlreadyExist");
        List<CreateFirewallTemplateRulesRequest.FirewallRule> many = IntStream.rangeClosed(1000, 1048)
                .mapToObj(p ->
                        new CreateFirewallTemplateRulesRequest.FirewallRule(Integer.toString(p), null, "UDP", null))
                .toList();
        code(
                fails(() -> call(c -> ft.createFirewallTemplateRules(
                        c,
                        CreateFirewallTemplateRulesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallRule(many)
                                .build()))),
                403,
                "FirewallRuleLimitExceed");
        code(
                fails(() -> call(c -> ft.createFirewallTemplateRules(
                        c,
                        CreateFirewallTemplateRulesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId("ft-nosuchtemplate0000")
                                .firewallRule(List.of(
                                        new CreateFirewallTemplateRulesRequest.FirewallRule("23", null, "TCP", null)))
                                .build()))),
                404,
                "InvalidFirewallTemplateId.NotFound");

        String dbRule = added.getFirst().firewallTemplateRuleId();
        String sshRule = describe(id).firewallTemplateRules().getFirst().firewallTemplateRuleId();
        call(c -> ft.modifyFirewallTemplate(
                c,
                ModifyFirewallTemplateRequest.builder()
                        .regionId(REGION)
                        .firewallTemplateId(id)
                        .name("renamed")
                        .firewallTemplateRule(List.of(new ModifyFirewallTemplateRequest.FirewallTemplateRule(
                                dbRule, "5432", "pg", null, null)))
                        .build()));
        FirewallTemplate t = describe(id);
        assertThat(t.name()).isEqualTo("renamed");
        assertThat(t.description()).isEqualTo("d");
        assertThat(t.firewallTemplateRules())
                .extracting(r -> r.ruleProtocol() + " " + r.port() + " " + r.sourceCidrIp() + " " + r.remark())
                .containsExactly("TCP 22 0.0.0.0/0 ssh", "TCP 5432 10.0.0.1 pg");
        code(
                fails(() -> call(c -> ft.modifyFirewallTemplate(
                        c,
                        ModifyFirewallTemplateRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallTemplateRule(List.of(new ModifyFirewallTemplateRequest.FirewallTemplateRule(
                                        dbRule, "22", null, null, "0.0.0.0/0")))
                                .build()))),
                403,
                "FirewallRuleAlreadyExist");
        // a rule named twice takes its last values
        call(c -> ft.modifyFirewallTemplate(
                c,
                ModifyFirewallTemplateRequest.builder()
                        .regionId(REGION)
                        .firewallTemplateId(id)
                        .firewallTemplateRule(List.of(
                                new ModifyFirewallTemplateRequest.FirewallTemplateRule(
                                        dbRule, "5433", null, null, null),
                                new ModifyFirewallTemplateRequest.FirewallTemplateRule(
                                        dbRule, "5432", null, null, null)))
                        .build()));
        assertThat(describe(id).firewallTemplateRules())
                .extracting(r -> r.port())
                .containsExactly("22", "5432");
        code(
                fails(() -> call(c -> ft.modifyFirewallTemplate(
                        c,
                        ModifyFirewallTemplateRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallTemplateRule(List.of(new ModifyFirewallTemplateRequest.FirewallTemplateRule(
                                        dbRule, "99999", null, null, null)))
                                .build()))),
                400,
                "InvalidPort.ValueNotSupported");
        code(
                fails(() -> call(c -> ft.modifyFirewallTemplate(
                        c,
                        ModifyFirewallTemplateRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallTemplateRule(List.of(new ModifyFirewallTemplateRequest.FirewallTemplateRule(
                                        "0".repeat(32), "23", null, null, null)))
                                .build()))),
                404,
                "InvalidFirewallTemplateRuleId.NotFound");

        code(
                fails(() -> call(c -> ft.deleteFirewallTemplateRules(
                        c,
                        DeleteFirewallTemplateRulesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(id)
                                .firewallTemplateRuleId(List.of(sshRule, "0".repeat(32)))
                                .build()))),
                404,
                "InvalidFirewallTemplateRuleId.NotFound");
        assertThat(describe(id).firewallTemplateRules()).hasSize(2);
        call(c -> ft.deleteFirewallTemplateRules(
                c,
                DeleteFirewallTemplateRulesRequest.builder()
                        .regionId(REGION)
                        .firewallTemplateId(id)
                        .firewallTemplateRuleId(List.of(sshRule))
                        .build()));
        assertThat(describe(id).firewallTemplateRules())
                .extracting(r -> r.firewallTemplateRuleId())
                .containsExactly(dbRule);
    }

    @Test
    void templatesAreTheirAccountsAndDeletedAllOrNothing() {
        String a = template("a", rule("TCP", "22", null, null));
        String b = template("b");
        code(
                fails(() -> callAs(
                        "9999999999999999",
                        c -> ft.deleteFirewallTemplates(
                                c,
                                DeleteFirewallTemplatesRequest.builder()
                                        .regionId(REGION)
                                        .firewallTemplateId(List.of(a))
                                        .build()))),
                404,
                "InvalidFirewallTemplateId.NotFound");
        code(
                fails(() -> call(c -> ft.deleteFirewallTemplates(
                        c,
                        DeleteFirewallTemplatesRequest.builder()
                                .regionId(REGION)
                                .firewallTemplateId(List.of(a, "ft-nosuchtemplate0000"))
                                .build()))),
                404,
                "InvalidFirewallTemplateId.NotFound");
        assertThat(call(c -> ft.describeFirewallTemplates(
                                c,
                                DescribeFirewallTemplatesRequest.builder()
                                        .regionId(REGION)
                                        .name("a")
                                        .build()))
                        .firewallTemplates())
                .extracting(FirewallTemplate::firewallTemplateId)
                .containsExactly(a);
        call(c -> ft.deleteFirewallTemplates(
                c,
                DeleteFirewallTemplatesRequest.builder()
                        .regionId(REGION)
                        .firewallTemplateId(List.of(a, b))
                        .build()));
        assertThat(call(c -> ft.describeFirewallTemplates(
                                c,
                                DescribeFirewallTemplatesRequest.builder()
                                        .regionId(REGION)
                                        .build()))
                        .totalCount())
                .isEqualTo(0);
    }

    @Test
    void applyingReplacesMatchingRulesAddsTheRestAndReportsRunningThenTheOutcome() {
        List<String> servers = f.servers(2);
        String s1 = servers.get(0);
        String s2 = servers.get(1);
        // s1's SSH rule is disabled: the template's SSH rule replaces it all the same
        FirewallRule ssh = serverRules(s1).stream()
                .filter(r -> r.port().equals("22"))
                .findFirst()
                .orElseThrow();
        call(c -> fw.disableFirewallRule(
                c,
                DisableFirewallRuleRequest.builder()
                        .regionId(REGION)
                        .instanceId(s1)
                        .ruleId(ssh.ruleId())
                        .build()));
        String id = template("fleet", rule("TCP", "22", null, "ssh from template"), rule("UDP", "53", null, "dns"));
        String task = apply(id, s1, s2, "0".repeat(32), s1, "x".repeat(300));
        assertThat(task).matches("aft-[a-z0-9]{17}");

        var running = task(task);
        assertThat(running.status()).isEqualTo("Running");
        assertThat(running.totalCount()).as("a server named twice counts once").isEqualTo("4");
        assertThat(running.failedCount()).isEqualTo("0");
        assertThat(running.firewallTemplateId()).isEqualTo(id);
        assertThat(running.createTime()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} CST \\d{4}");
        assertThat(running.instanceApplyResults()).extracting(r -> r.status()).containsOnly("Running");
        assertThat(ruleResults(id, task, s1)).isEmpty();

        f.now += DELAY;
        var done = task(task);
        assertThat(done.status()).isEqualTo("PartFailed");
        assertThat(done.failedCount()).isEqualTo("2");
        assertThat(done.instanceApplyResults())
                .extracting(r -> r.instanceId() + " " + r.status())
                .containsExactly(
                        s1 + " Success", s2 + " Success", "0".repeat(32) + " Failed", "x".repeat(300) + " Failed");
        assertThat(ruleResults(id, task, s1))
                .extracting(r -> r.port() + " " + r.success())
                .containsExactly("22 true", "53 true");
        assertThat(ruleResults(id, task, "0".repeat(32))).allSatisfy(r -> {
            assertThat(r.success()).isFalse();
            assertThat(r.errorCode()).isEqualTo("InvalidInstanceId.NotFound");
        });

        List<FirewallRule> after = serverRules(s1);
        assertThat(after).hasSize(4);
        FirewallRule replaced =
                after.stream().filter(r -> r.port().equals("22")).findFirst().orElseThrow();
        assertThat(replaced.ruleId()).isEqualTo(ssh.ruleId());
        assertThat(replaced.policy()).isEqualTo("accept");
        assertThat(replaced.remark()).isEqualTo("ssh from template");
        assertThat(after)
                .anySatisfy(r -> assertThat(r.ruleProtocol() + " " + r.port()).isEqualTo("UDP 53"));

        // changing or deleting the template later leaves the servers and the results as they are
        call(c -> ft.deleteFirewallTemplates(
                c,
                DeleteFirewallTemplatesRequest.builder()
                        .regionId(REGION)
                        .firewallTemplateId(List.of(id))
                        .build()));
        assertThat(serverRules(s1)).hasSize(4);
        assertThat(task(task).status()).isEqualTo("PartFailed");
        assertThat(ruleResults(id, task, s2)).hasSize(2);
    }

    @Test
    void allFailedIsFailedAndTheServersRuleLimitHolds() {
        String server = f.server();
        String big = template(
                "big",
                IntStream.rangeClosed(2000, 2047)
                        .mapToObj(p -> rule("TCP", Integer.toString(p), null, null))
                        .toArray(CreateFirewallTemplateRequest.FirewallRule[]::new));
        String task = apply(big, server);
        f.now += DELAY;
        assertThat(task(task).status()).isEqualTo("Failed");
        assertThat(ruleResults(big, task, server)).allSatisfy(r -> {
            assertThat(r.success()).isFalse();
            assertThat(r.errorCode()).isEqualTo("FirewallRuleLimitExceed");
        });
        assertThat(serverRules(server)).hasSize(3);

        String small = template("small", rule("TCP", "8080", null, null));
        String ok = apply(small, server);
        f.now += DELAY;
        assertThat(task(ok).status()).isEqualTo("Success");
        assertThat(call(c -> ft.describeFirewallTemplateApplyResults(
                                c,
                                DescribeFirewallTemplateApplyResultsRequest.builder()
                                        .regionId(REGION)
                                        .firewallTemplateId(small)
                                        .build()))
                        .data())
                .extracting(d -> d.taskId())
                .containsExactly(ok);
        var all = call(c -> ft.describeFirewallTemplateApplyResults(
                c,
                DescribeFirewallTemplateApplyResultsRequest.builder()
                        .regionId(REGION)
                        .pageSize(1L)
                        .build()));
        assertThat(all.totalCount()).isEqualTo("2");
        assertThat(all.pageSize()).isEqualTo("1");
        assertThat(all.pageNumber()).isEqualTo("1");
        assertThat(all.data()).extracting(d -> d.taskId()).containsExactly(ok);
    }

    @Test
    void applyErrors() {
        String id = template("t", rule("TCP", "8080", null, null));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(String.format("%032d", i));
        }
        code(fails(() -> apply(id, eleven.toArray(String[]::new))), 400, "InvalidParameter");
        code(fails(() -> apply("ft-nosuchtemplate0000", f.server())), 404, "InvalidFirewallTemplateId.NotFound");
        String server = f.server();
        String task = apply(id, server);
        code(fails(() -> ruleResults(id, "aft-nosuchtask0000000", server)), 404, "InvalidTaskId.NotFound");
        code(
                fails(() -> ruleResults("ft-othertemplate00000", task, server)),
                404,
                "InvalidFirewallTemplateId.NotFound");
        code(fails(() -> ruleResults(id, task, "f".repeat(32))), 404, "InvalidInstanceId.NotFound");
        code(
                fails(() -> callAs(
                        "9999999999999999",
                        c -> ft.describeFirewallTemplateRulesApplyResult(
                                c,
                                DescribeFirewallTemplateRulesApplyResultRequest.builder()
                                        .regionId(REGION)
                                        .firewallTemplateId(id)
                                        .taskId(task)
                                        .instanceId(server)
                                        .build()))),
                404,
                "InvalidTaskId.NotFound");
        assertThat(callAs(
                                "9999999999999999",
                                c -> ft.describeFirewallTemplateApplyResults(
                                        c,
                                        DescribeFirewallTemplateApplyResultsRequest.builder()
                                                .regionId(REGION)
                                                .build()))
                        .data())
                .isEmpty();
        // server rules and the template are checked alike: one creation path, one set of codes
        code(
                fails(() -> call(c -> fw.createFirewallRule(
                        c,
                        CreateFirewallRuleRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .ruleProtocol("SCTP")
                                .port("1")
                                .build()))),
                400,
                "InvalidProtocol.ValueNotSupported");
    }

    @Test
    void aTemplateInARegionThatDoesNotExistIsInvalidRegionIdAndNothingIsMade() {
        String unknown = "x".repeat(200);
        var e = fails(() -> call(c -> ft.createFirewallTemplate(
                c,
                CreateFirewallTemplateRequest.builder()
                        .regionId(unknown)
                        .name("web")
                        .build())));
        code(e, 400, "InvalidRegionId");
        long made = f.tx(tx -> tx.count("SELECT COUNT(*) FROM firewall_templates"));
        assertThat(made).isZero();
    }
}
