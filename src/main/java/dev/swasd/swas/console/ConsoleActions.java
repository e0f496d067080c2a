package dev.swasd.swas.console;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstancePasswordsSettingRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstanceVncUrlRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.LoginInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyInstanceVncPasswordRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StartTerminalSessionRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInstancePasswordsSettingResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInstanceVncUrlResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.LoginInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ModifyInstanceVncPasswordResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StartTerminalSessionResponse;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.Table;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.instances.InstanceStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Console access and passwords (spec/swas-breadth.md G7): whether a server's login and VNC
 * passwords were ever set, the VNC password, and the three console entrances — the VNC URL, the
 * Workbench login URL and a terminal session. Their URLs lead back to swasd itself
 * ({@code /console-session/<token>} on the endpoint the client called, answered by the HTTP layer
 * outside the signed API with a page that says what it stands for) and expire after
 * {@link #SESSION_LIFETIME}. Flags live in {@code instance_consoles} (migration V14).
 */
public final class ConsoleActions implements SwasOpenApi {
    /** The path console URLs lead to on swasd's own endpoint. */
    public static final String PATH = "/console-session/";
    /** How long a console URL or terminal session can be opened: ECS's VNC URL lifetime (docs/decisions.md). */
    public static final Duration SESSION_LIFETIME = Duration.ofSeconds(15);

    public static final String VNC = "vnc";
    public static final String WORKBENCH = "workbench";
    public static final String TERMINAL = "terminal";
    /** ECS's VNC password rule: exactly six letters or digits (docs/decisions.md). */
    private static final Pattern VNC_PASSWORD = Pattern.compile("[A-Za-z0-9]{6}");

    /** What was set on a server, a row of {@code instance_consoles}; no password itself is kept. */
    public record Console(
            String instanceId, boolean passwordSet, boolean vncPasswordSet, long updatedAt, long version) {}

    private final Table<Console> consoles = new Table<>("instance_consoles", Console.class, "instanceId");
    private final InstanceService instances;
    private final ConsoleTokens tokens;

    public ConsoleActions(InstanceService instances, ConsoleTokens tokens) {
        this.instances = instances;
        this.tokens = tokens;
    }

    /** {@link InstanceService#whenPasswordSet}: UpdateInstanceAttribute or ResetSystem set a login password. */
    public void passwordSet(Tx tx, long now, Caller caller, String instanceId) {
        mark(tx, now, instanceId, true, false);
    }

    @Override
    public DescribeInstancePasswordsSettingResponse describeInstancePasswordsSetting(
            Call call, DescribeInstancePasswordsSettingRequest r) {
        InstanceRecord server = instances.require(call.tx(), Caller.of(call, r.regionId()), r.instanceId());
        Console c = consoles.find(call.tx(), server.instanceId())
                .orElse(new Console(server.instanceId(), false, false, 0, 0));
        return new DescribeInstancePasswordsSettingResponse(c.passwordSet(), c.vncPasswordSet());
    }

    @Override
    public ModifyInstanceVncPasswordResponse modifyInstanceVncPassword(Call call, ModifyInstanceVncPasswordRequest r) {
        if (r.vncPassword() == null || !VNC_PASSWORD.matcher(r.vncPassword()).matches()) {
            throw SwasErrors.invalidVncPassword();
        }
        InstanceRecord server = instances.require(call.tx(), Caller.of(call, r.regionId()), r.instanceId());
        mark(call.tx(), call.now(), server.instanceId(), false, true);
        return new ModifyInstanceVncPasswordResponse();
    }

    @Override
    public DescribeInstanceVncUrlResponse describeInstanceVncUrl(Call call, DescribeInstanceVncUrlRequest r) {
        String url = url(call, running(call, r.regionId(), r.instanceId()), VNC, true);
        return new DescribeInstanceVncUrlResponse(URLEncoder.encode(url, StandardCharsets.UTF_8));
    }

    @Override
    public LoginInstanceResponse loginInstance(Call call, LoginInstanceRequest r) {
        if (r.port() != null && (r.port() < 1 || r.port() > 65535)) {
            throw SwasErrors.invalidParam("Port", "it must be 1 to 65535.");
        }
        Caller caller = Caller.of(call, r.regionId());
        InstanceRecord server = instances.require(call.tx(), caller, r.instanceId());
        return new LoginInstanceResponse(url(call, server, WORKBENCH, false));
    }

    @Override
    public StartTerminalSessionResponse startTerminalSession(Call call, StartTerminalSessionRequest r) {
        InstanceRecord server = running(call, r.regionId(), r.instanceId());
        String token = token(call, server, TERMINAL);
        return new StartTerminalSessionResponse(
                token, UUID.randomUUID().toString(), scheme(call, true) + host(call) + PATH + token);
    }

    /** The server, which must be Running: a console reaches a server only while it runs. */
    private InstanceRecord running(Call call, String regionId, String instanceId) {
        InstanceRecord server = instances.require(call.tx(), Caller.of(call, regionId), instanceId);
        if (!InstanceStatus.is(server.status(call.now()), InstanceStatus.Running)) {
            throw SwasErrors.incorrectInstanceStatus();
        }
        return server;
    }

    private String url(Call call, InstanceRecord server, String kind, boolean websocket) {
        return scheme(call, websocket) + host(call) + PATH + token(call, server, kind);
    }

    private String token(Call call, InstanceRecord server, String kind) {
        return tokens.issue(
                call.tx(),
                new ConsoleTokens.Session(
                        kind,
                        server.accountId(),
                        server.regionId(),
                        server.instanceId(),
                        call.now() + SESSION_LIFETIME.toMillis()));
    }

    /** {@code ws://} or {@code http://} as the client called swasd, {@code wss://} or {@code https://} over TLS. */
    private static String scheme(Call call, boolean websocket) {
        boolean tls = call.endpoint() != null && call.endpoint().startsWith("https://");
        return websocket ? (tls ? "wss://" : "ws://") : (tls ? "https://" : "http://");
    }

    /** The request's Host header; {@code localhost} when there is none (an HTTP/1.0 request, or no HTTP at all). */
    private static String host(Call call) {
        String e = call.endpoint();
        String host = e == null ? "" : e.substring(e.indexOf("://") + 3);
        return host.isEmpty() ? "localhost" : host;
    }

    private void mark(Tx tx, long now, String instanceId, boolean password, boolean vnc) {
        var existing = consoles.find(tx, instanceId);
        if (existing.isEmpty()) {
            consoles.insert(tx, new Console(instanceId, password, vnc, now, 0));
            return;
        }
        Console c = existing.get();
        if (!consoles.update(
                tx,
                new Console(instanceId, c.passwordSet() || password, c.vncPasswordSet() || vnc, now, c.version()))) {
            throw new ConcurrentChange("console settings of " + instanceId);
        }
    }
}
