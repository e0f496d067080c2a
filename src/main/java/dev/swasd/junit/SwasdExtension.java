package dev.swasd.junit;

import dev.swasd.embedded.EmbeddedSwasd;
import dev.swasd.embedded.Fault;
import dev.swasd.embedded.SeededAccount;
import dev.swasd.embedded.StsCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * swasd in the test JVM for JUnit 5 (docs/testing-with-swasd.md):
 *
 * <pre>{@code
 * @RegisterExtension
 * static SwasdExtension swasd = new SwasdExtension();
 *
 * Client client = new Client(new Config().setEndpoint(swasd.endpoint()).setProtocol("http")
 *         .setAccessKeyId(swasd.accessKeyId()).setAccessKeySecret(swasd.accessKeySecret()));
 * }</pre>
 *
 * In a static field the server starts before the class's first test and stops after its last,
 * its temporary data directory removed; in an instance field each test gets a server of its own.
 * Before each test method the resources of every account are reset (servers, snapshots, images,
 * tags, ClientToken outcomes), the faults cleared and the state clock put back; accounts,
 * AccessKeys and RAM identities stay. Defaults: state delay 0, a generated root AccessKey.
 */
public final class SwasdExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final EmbeddedSwasd.Builder builder;
    private volatile EmbeddedSwasd server;
    /** The unique id of the context that started the server, which alone stops it. */
    private volatile String owner;

    /** State delay 0, a free port, a temporary data directory, a generated root AccessKey. */
    public SwasdExtension() {
        this(EmbeddedSwasd.builder());
    }

    private SwasdExtension(EmbeddedSwasd.Builder builder) {
        this.builder = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfStopped(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startIfStopped(context)) {
            server.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfOwner(context);
    }

    private synchronized boolean startIfStopped(ExtensionContext context) {
        if (server != null) {
            return false;
        }
        server = builder.start();
        owner = context.getUniqueId();
        return true;
    }

    private synchronized void stopIfOwner(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(owner)) {
            try {
                server.close();
            } finally {
                server = null;
                owner = null;
            }
        }
    }

    /** The running server, for what this class does not repeat. */
    public EmbeddedSwasd server() {
        EmbeddedSwasd s = server;
        if (s == null) {
            throw new IllegalStateException("swasd is not running: SwasdExtension serves tests from a field annotated "
                    + "with @RegisterExtension, between its class's (static field) or test's (instance field) start "
                    + "and end");
        }
        return s;
    }

    /** {@code "127.0.0.1:PORT"}: the endpoint of the official clients (protocol {@code http}). */
    public String endpoint() {
        return server().endpoint();
    }

    public int port() {
        return server().port();
    }

    /** The root AccessKeyId of {@link #accountId()}. */
    public String accessKeyId() {
        return server().accessKeyId();
    }

    public String accessKeySecret() {
        return server().accessKeySecret();
    }

    /** {@code cn-hangzhou} unless the builder said otherwise. */
    public String regionId() {
        return server().regionId();
    }

    public String accountId() {
        return server().accountId();
    }

    /** {@code http://127.0.0.1:PORT/_swasd/}: the control API over HTTP (Basic with the root key). */
    public String controlEndpoint() {
        return server().controlEndpoint();
    }

    public Path dataDirectory() {
        return server().dataDirectory();
    }

    /** What runs before each test anyway: resources gone, faults cleared, clock back; identities kept. */
    public void reset() {
        server().reset();
    }

    /** Injects {@code fault} (see {@link Fault}); returns its id. Cleared before the next test. */
    public String addFault(Fault fault) {
        return server().addFault(fault);
    }

    public List<Fault> faults() {
        return server().faults();
    }

    public boolean removeFault(String id) {
        return server().removeFault(id);
    }

    public void clearFaults() {
        server().clearFaults();
    }

    /** Moves the state clock forward: transitions due within {@code by} land, instead of sleeping. */
    public void advanceClock(Duration by) {
        server().advanceClock(by);
    }

    /** A second account with its root AccessKey (kept across tests, like every identity). */
    public SeededAccount seedAccount() {
        return server().seedAccount();
    }

    public SeededAccount seedAccount(String accountId, String accessKeyId, String accessKeySecret) {
        return server().seedAccount(accountId, accessKeyId, accessKeySecret);
    }

    /** Temporary credentials with a SecurityToken; see {@link EmbeddedSwasd#seedStsCredentials}. */
    public StsCredentials seedStsCredentials(String accountId, String userName, Duration duration) {
        return server().seedStsCredentials(accountId, userName, duration);
    }

    /** Replaces the seeded command outcomes until the next reset; see {@link EmbeddedSwasd#seedCommandOutcomes}. */
    public void seedCommandOutcomes(String json) {
        server().seedCommandOutcomes(json);
    }

    /** The options of {@code swasd serve}, as {@link EmbeddedSwasd.Builder} has them. */
    public static final class Builder {
        private final EmbeddedSwasd.Builder server = EmbeddedSwasd.builder();

        private Builder() {}

        /** How long resources stay in transitional states (default 0: every action lands at once). */
        public Builder stateDelay(Duration delay) {
            server.stateDelay(delay);
            return this;
        }

        /** {@code NAME=VALUE} or {@code unlimited}, as {@code --quota}; repeatable. */
        public Builder quota(String setting) {
            server.quota(setting);
            return this;
        }

        /** {@code NAME=VALUE}, as {@code --ram-limit}; repeatable. */
        public Builder ramLimit(String setting) {
            server.ramLimit(setting);
            return this;
        }

        public Builder regionsFile(Path file) {
            server.regionsFile(file);
            return this;
        }

        public Builder regionId(String regionId) {
            server.regionId(regionId);
            return this;
        }

        public Builder accountId(String uid) {
            server.accountId(uid);
            return this;
        }

        /** A root AccessKey of your own instead of a generated one. */
        public Builder rootAccessKey(String id, String secret) {
            server.rootAccessKey(id, secret);
            return this;
        }

        /** {@code --command-outcomes}: scripted outcomes of Cloud Assistant command runs (docs/testing-with-swasd.md). */
        public Builder commandOutcomes(Path file) {
            server.commandOutcomes(file);
            return this;
        }

        /** A fixed port instead of a free one. */
        public Builder port(int port) {
            server.port(port);
            return this;
        }

        /** Anything else {@link EmbeddedSwasd.Builder} takes (a database URL, a data directory ...). */
        public Builder configure(Consumer<EmbeddedSwasd.Builder> settings) {
            settings.accept(server);
            return this;
        }

        public SwasdExtension build() {
            return new SwasdExtension(server);
        }
    }
}
