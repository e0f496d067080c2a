package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstancePasswordsSettingRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstanceVncUrlRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.LoginInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyInstanceVncPasswordRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StartTerminalSessionRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInstancePasswordsSettingResponse;
import dev.swasd.swas.console.ConsoleActions;
import dev.swasd.swas.console.ConsoleTokens;
import dev.swasd.swas.instances.InstanceService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console access and passwords (spec/swas-breadth.md G7): every rule and error code of the family. */
class ConsoleRulesTest {
    static final String REGION = DomainFixture.REGION;
    static final String ENDPOINT = "http://swas.example.test:8080";

    @TempDir
    Path dir;

    DomainFixture f;
    ConsoleActions console;
    String server;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
        console = f.module(ConsoleActions.class);
        server = f.server();
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return callAt(ENDPOINT, action);
    }

    <T> T callAt(String endpoint, Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", DomainFixture.ACCOUNT, null, f.now, tx, endpoint)));
    }

    DescribeInstancePasswordsSettingResponse settings(String id) {
        return call(c -> console.describeInstancePasswordsSetting(
                c,
                DescribeInstancePasswordsSettingRequest.builder()
                        .regionId(REGION)
                        .instanceId(id)
                        .build()));
    }

    void vncPassword(String id, String password) {
        call(c -> console.modifyInstanceVncPassword(
                c,
                ModifyInstanceVncPasswordRequest.builder()
                        .regionId(REGION)
                        .instanceId(id)
                        .vncPassword(password)
                        .build()));
    }

    String vncUrl(String endpoint, String id) {
        return callAt(
                        endpoint,
                        c -> console.describeInstanceVncUrl(
                                c,
                                DescribeInstanceVncUrlRequest.builder()
                                        .regionId(REGION)
                                        .instanceId(id)
                                        .build()))
                .vncUrl();
    }

    ConsoleTokens.Session session(String url) {
        String token = url.substring(url.indexOf(ConsoleActions.PATH) + ConsoleActions.PATH.length());
        return f.tx(tx -> new ConsoleTokens().open(tx, token)).orElseThrow();
    }

    @Test
    void passwordsSettingTurnsTrueOnceEachPasswordIsSet() {
        assertThat(settings(server)).isEqualTo(new DescribeInstancePasswordsSettingResponse(false, false));
        f.run(tx -> f.instances.rename(tx, f.now, f.caller, server, "renamed", null));
        assertThat(settings(server).instancePasswordSetting()).isFalse();
        f.run(tx -> f.instances.rename(tx, f.now, f.caller, server, null, "Passw0rd!"));
        assertThat(settings(server)).isEqualTo(new DescribeInstancePasswordsSettingResponse(true, false));
        vncPassword(server, "abc123");
        assertThat(settings(server)).isEqualTo(new DescribeInstancePasswordsSettingResponse(true, true));

        String other = f.server();
        vncPassword(other, "ZZ99zz");
        assertThat(settings(other)).isEqualTo(new DescribeInstancePasswordsSettingResponse(false, true));
        f.run(tx -> f.instances.reset(tx, f.now, f.caller, other, null, "Passw0rd!"));
        assertThat(settings(other)).isEqualTo(new DescribeInstancePasswordsSettingResponse(true, true));
    }

    @Test
    void aVncPasswordIsSixLettersOrDigits() {
        for (String bad : new String[] {"abc12", "abc1234", "abc12!", "abc 12", "", null}) {
            code(fails(() -> vncPassword(server, bad)), 400, "InvalidPassword.ValueNotSupported");
        }
        assertThat(fails(() -> vncPassword(server, "abc12")).getMessage())
                .isEqualTo("The specified parameter Password is invalid.");
        assertThat(settings(server).vncPasswordSetting()).isFalse();
        code(fails(() -> vncPassword("0".repeat(32), "abc123")), 404, "InvalidInstanceId.NotFound");
    }

    @Test
    void consoleUrlsLeadBackToTheEndpointAndExpire() {
        String encoded = vncUrl(ENDPOINT, server);
        assertThat(encoded).startsWith("ws%3A%2F%2Fswas.example.test%3A8080%2Fconsole-session%2F");
        String url = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        ConsoleTokens.Session s = session(url);
        assertThat(s.kind()).isEqualTo(ConsoleActions.VNC);
        assertThat(s.instanceId()).isEqualTo(server);
        assertThat(s.accountId()).isEqualTo(DomainFixture.ACCOUNT);
        assertThat(s.expiresAt()).isEqualTo(f.now + ConsoleActions.SESSION_LIFETIME.toMillis());
        assertThat(s.expired(f.now)).isFalse();
        assertThat(s.expired(s.expiresAt())).isTrue();
        assertThat(URLDecoder.decode(vncUrl("https://swas.example.test", server), StandardCharsets.UTF_8))
                .startsWith("wss://swas.example.test/console-session/");
        // a token altered in any way names no session
        String token = url.substring(url.lastIndexOf('/') + 1);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        Optional<ConsoleTokens.Session> none = f.tx(tx -> new ConsoleTokens().open(tx, forged));
        assertThat(none).isEmpty();

        String login = call(c -> console.loginInstance(
                        c,
                        LoginInstanceRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .username("root")
                                .port(22L)
                                .build()))
                .redirectUrl();
        assertThat(login).startsWith(ENDPOINT + ConsoleActions.PATH);
        assertThat(session(login).kind()).isEqualTo(ConsoleActions.WORKBENCH);

        var terminal = call(c -> console.startTerminalSession(
                c,
                StartTerminalSessionRequest.builder()
                        .regionId(REGION)
                        .instanceId(server)
                        .build()));
        assertThat(UUID.fromString(terminal.sessionId()).toString()).isEqualTo(terminal.sessionId());
        assertThat(terminal.webSocketUrl())
                .isEqualTo("ws://swas.example.test:8080" + ConsoleActions.PATH + terminal.securityToken());
        assertThat(session(terminal.webSocketUrl()).kind()).isEqualTo(ConsoleActions.TERMINAL);
    }

    @Test
    void theVncConsoleAndTheTerminalNeedARunningServer() {
        f.run(tx -> f.instances.power(tx, f.now, f.caller, List.of(server), InstanceService.Power.STOP));
        code(fails(() -> vncUrl(ENDPOINT, server)), 403, "IncorrectInstanceStatus");
        code(
                fails(() -> call(c -> console.startTerminalSession(
                        c,
                        StartTerminalSessionRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .build()))),
                403,
                "IncorrectInstanceStatus");
        // the Workbench page is reached whatever the state (it would tell the user the server is stopped)
        assertThat(call(c -> console.loginInstance(
                                c,
                                LoginInstanceRequest.builder()
                                        .regionId(REGION)
                                        .instanceId(server)
                                        .build()))
                        .redirectUrl())
                .contains(ConsoleActions.PATH);
        code(
                fails(() -> call(c -> console.loginInstance(
                        c,
                        LoginInstanceRequest.builder()
                                .regionId(REGION)
                                .instanceId(server)
                                .port(0L)
                                .build()))),
                400,
                "InvalidParameter");
        String unknown = "0".repeat(32);
        code(fails(() -> vncUrl(ENDPOINT, unknown)), 404, "InvalidInstanceId.NotFound");
        code(fails(() -> settings(unknown)), 404, "InvalidInstanceId.NotFound");
        code(
                fails(() -> call(c -> console.loginInstance(
                        c,
                        LoginInstanceRequest.builder()
                                .regionId(REGION)
                                .instanceId(unknown)
                                .build()))),
                404,
                "InvalidInstanceId.NotFound");
        code(
                fails(() -> call(c -> console.startTerminalSession(
                        c,
                        StartTerminalSessionRequest.builder()
                                .regionId(REGION)
                                .instanceId(unknown)
                                .build()))),
                404,
                "InvalidInstanceId.NotFound");
    }
}
