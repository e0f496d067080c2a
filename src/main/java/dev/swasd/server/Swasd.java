package dev.swasd.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.api.ecs.EcsApi;
import dev.swasd.api.ecs.EcsRoutes;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRoutes;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRoutes;
import dev.swasd.catalog.Catalog;
import dev.swasd.errors.ApiException;
import dev.swasd.protocol.Authenticator;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.ram.PolicyCache;
import dev.swasd.ramapi.RamDomain;
import dev.swasd.store.Database;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.NonceRepository;
import dev.swasd.store.PrivateFiles;
import dev.swasd.store.RequestLogRepository;
import dev.swasd.store.ResourceTables;
import dev.swasd.store.SecretCipher;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Regions;
import dev.swasd.swas.SwasDomain;
import dev.swasd.swas.databases.DatabaseActions;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running swasd node: store, pipeline and HTTP server, started and stopped together. */
public final class Swasd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Swasd.class);
    /** How often the transition backlog gauges are counted afresh. */
    private static final long BACKLOG_SAMPLE_SECONDS = 5;
    /** How long close waits for a housekeeping task in flight to finish. */
    private static final long HOUSEKEEPING_STOP_SECONDS = 5;
    /** How often entries older than --request-log-days are removed. */
    private static final long REQUEST_LOG_PURGE_MINUTES = 10;
    /** Compiled policy documents kept per node. */
    private static final int POLICY_CACHE_ENTRIES = 4096;

    private final Database db;
    private final NonceRepository nonces;
    private final HttpFrontend http;
    private final ScheduledExecutorService housekeeping;
    private final Bootstrap.RootKey rootKey;
    private final ServerConfig config;
    private final Metrics metrics;
    /** The control API, when this node serves it; else null. */
    private ControlApi control;
    /** The request log's writer; null when the log is off ({@code --request-log-days 0}). */
    private RequestLogWriter requestLog;

    private final ActionRegistry actions;
    /** Replaces the seeded command outcomes; and sets the ones given at start (both set once at start). */
    private java.util.function.ToIntFunction<java.util.List<dev.swasd.swas.commands.OutcomeRule>> commandOutcomes;

    private java.util.function.ToIntFunction<java.util.List<dev.swasd.swas.commands.OutcomeRule>>
            configureCommandOutcomes;

    private Swasd(
            ServerConfig config,
            Database db,
            NonceRepository nonces,
            HttpFrontend http,
            ScheduledExecutorService housekeeping,
            Bootstrap.RootKey rootKey,
            Metrics metrics,
            ActionRegistry actions) {
        this.actions = actions;
        this.config = config;
        this.db = db;
        this.nonces = nonces;
        this.http = http;
        this.housekeeping = housekeeping;
        this.rootKey = rootKey;
        this.metrics = metrics;
    }

    /** Opens the store (creating and migrating it), makes sure of the root key, and starts serving. */
    public static Swasd start(ServerConfig config) throws Exception {
        return start(config, false);
    }

    /**
     * As {@link #start(ServerConfig)}, serving also the control API under /_swasd/ when
     * {@code controlApi} (ControlApi: embedded mode and {@code serve --control-api}); the
     * config's clock must then be a {@link StateClock}, which the control API moves.
     */
    public static Swasd start(ServerConfig config, boolean controlApi) throws Exception {
        if (controlApi && !(config.clock() instanceof StateClock)) {
            throw new IllegalArgumentException("the control API needs a StateClock");
        }
        String unsafe = PrivateFiles.othersCanWrite(config.dataDir());
        if (unsafe != null) {
            throw new StartupException(unsafe);
        }
        PrivateFiles.createDirectories(config.dataDir());
        if (!Files.isWritable(config.dataDir())) {
            throw new StartupException("the data directory " + config.dataDir() + " is not writable");
        }
        Regions regions = config.regionsFile() == null ? Regions.defaults() : RegionsFile.load(config.regionsFile());
        if (!regions.contains(config.defaultRegion())) {
            throw new StartupException(
                    "the default region " + config.defaultRegion() + " is not one of the regions offered");
        }
        SecretCipher cipher = SecretCipher.fromEnvironmentOrFile(config.masterKey(), config.dataDir());
        Metrics metrics = new Metrics();
        // opening the database (pool, migrations) is the longest step of start-up and needs nothing
        // below, so it runs on a second thread while this one builds the catalog and the handlers
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> Database.open(
                        config.effectiveDbUrl(),
                        config.dbUser(),
                        config.dbPassword(),
                        new Database.Options(config.durability(), metrics.registry())),
                command -> Thread.ofPlatform().name("swasd-db-open").start(command));
        Catalog catalog;
        ActionRegistry actions;
        SwasDomain swas;
        try {
            catalog = Catalog.standard();
            swas = SwasDomain.create(new SwasDomain.Settings(
                    regions, config.quotas(), config.stateDelay().toMillis()));
            actions = registerActions(
                    swas,
                    RamDomain.create(
                            config.ramLimits(),
                            cipher,
                            RamAdapters.documentCheck(),
                            RamAdapters.systemPolicies(),
                            RamAdapters.policyEngine()));
        } catch (RuntimeException e) {
            try {
                awaitDatabase(opening, metrics).close();
                metrics.close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        Database db = awaitDatabase(opening, metrics);
        NonceRepository nonces = null;
        RequestLogWriter requestLog = null;
        try {
            IdentityRepository identities = new IdentityRepository(db);
            nonces = new NonceRepository(db);
            Bootstrap.RootKey rootKey = Bootstrap.ensureRoot(
                    identities, cipher, config, config.clock().millis());

            StoreCredentials credentials = new StoreCredentials(identities, nonces, cipher);
            // signatures and nonces keep to the wall clock when the control API moves the state clock
            Authenticator authenticator =
                    new Authenticator(credentials, credentials, StateClock.wallOf(config.clock()));
            PolicySets policySets =
                    new PolicySets(db, new PolicyCache(POLICY_CACHE_ENTRIES), config.ramRefresh(), System::nanoTime);
            RequestMetrics requests = metrics.requests(catalog);
            ApiPipeline pipeline = new ApiPipeline(
                    authenticator,
                    catalog,
                    actions,
                    new ActionExecutor(db),
                    config.clock(),
                    new Authorization(policySets, new ResourceTags(db)),
                    account -> {
                        policySets.forget(account);
                        credentials.forgetAll();
                    },
                    requests,
                    config.defaultRegion());

            if (config.requestLogDays() > 0) {
                RequestLogRepository logRows = new RequestLogRepository();
                requestLog = new RequestLogWriter(
                        batch -> db.write(tx -> {
                            logRows.append(tx, batch);
                            return null;
                        }),
                        metrics.registry());
                pipeline.logRequests(requestLog);
                // a caller reads its own previous calls: this node's queued entries are written first
                actions.before(SwasOpenRoutes.PRODUCT, "ListRequestLogs", requestLog::flush);
            }

            HttpFrontend http = new HttpFrontend(
                    config.bind(),
                    config.port(),
                    config.limits(),
                    pipeline,
                    new HttpFrontend.Ops(
                            db::readiness, metrics::scrape, requests, new ConsolePages(db, config.clock())));
            metrics.trackTransitions(swas.resourceTypes().transitionTables());
            ControlApi control = null;
            if (controlApi) {
                Faults faults = new Faults();
                pipeline.injectFaults(faults);
                control = new ControlApi(
                        config.accountId(),
                        new ResourceTables(db),
                        faults,
                        (StateClock) config.clock(),
                        new StateSettler(
                                db, config.clock(), swas.resourceTypes().transitionTables()),
                        identities,
                        cipher,
                        credentials);
                control.registerSeeder("traffic", trafficSeeder(db, swas, config.accountId()));
                control.registerSeeder("database", databaseSeeder(db, swas, config.accountId(), config.clock()));
                control.registerSeeder("command-outcomes", CommandOutcomeSeeds.seeder(db, swas));
                http.control(control);
            }
            metrics.sampleBacklog(db, config.clock());
            http.start();
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("swasd-housekeeping").factory());
            NonceRepository spent = nonces;
            housekeeping.scheduleWithFixedDelay(() -> purgeNonces(spent, config), 1, 1, TimeUnit.MINUTES);
            StateSettler settler =
                    new StateSettler(db, config.clock(), swas.resourceTypes().transitionTables());
            housekeeping.scheduleWithFixedDelay(settler::settle, 1, 1, TimeUnit.SECONDS);
            housekeeping.scheduleWithFixedDelay(settler::purgeTokens, 5, 10, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(
                    () -> metrics.sampleBacklog(db, config.clock()),
                    BACKLOG_SAMPLE_SECONDS,
                    BACKLOG_SAMPLE_SECONDS,
                    TimeUnit.SECONDS);
            if (requestLog != null) {
                long keepMillis = TimeUnit.DAYS.toMillis(config.requestLogDays());
                RequestLogRepository logRows = new RequestLogRepository();
                housekeeping.scheduleWithFixedDelay(
                        () -> purgeRequestLog(db, logRows, config.clock().millis() - keepMillis),
                        1,
                        REQUEST_LOG_PURGE_MINUTES,
                        TimeUnit.MINUTES);
            }
            Swasd node = new Swasd(config, db, nonces, http, housekeeping, rootKey, metrics, actions);
            node.control = control;
            node.requestLog = requestLog;
            SwasDomain domain = swas;
            node.commandOutcomes = rules -> CommandOutcomeSeeds.replace(db, domain, rules);
            node.configureCommandOutcomes = rules -> CommandOutcomeSeeds.configure(domain, rules);
            return node;
        } catch (Exception e) {
            if (requestLog != null) {
                requestLog.close();
            }
            if (nonces != null) {
                nonces.close();
            }
            db.close();
            metrics.close();
            throw e;
        }
    }

    /** The opened database, or the failure that stopped it (as thrown by Database.open), with the metrics closed. */
    private static Database awaitDatabase(CompletableFuture<Database> opening, Metrics metrics) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            metrics.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /**
     * {@code POST /_swasd/seed/traffic} {@code {"instanceId", "bytes", "regionId"?, "accountId"?}}: the
     * outbound traffic a server used this month, which nothing meters here (ListInstancesTrafficPackages).
     */
    private static ControlApi.Seeder trafficSeeder(Database db, SwasDomain swas, String defaultAccount) {
        return request -> {
            String account = request.path("accountId").asText(defaultAccount);
            String region = request.path("regionId").asText(ServerConfig.DEFAULT_REGION);
            String instanceId = request.path("instanceId").asText("");
            JsonNode bytes = request.path("bytes");
            if (instanceId.isEmpty() || !bytes.canConvertToLong()) {
                throw new IllegalArgumentException("traffic takes {\"instanceId\": \"…\", \"bytes\": N}");
            }
            try {
                db.write(tx -> {
                    swas.instances().setTrafficUsed(tx, new Caller(account, region), instanceId, bytes.asLong());
                    return null;
                });
            } catch (ApiException e) {
                throw new IllegalArgumentException(e.code() + ": " + e.getMessage());
            }
            return ResponseRenderer.json()
                    .createObjectNode()
                    .put("accountId", account)
                    .put("regionId", region)
                    .put("instanceId", instanceId)
                    .put("bytes", bytes.asLong());
        };
    }

    /**
     * {@code POST /_swasd/seed/database} {@code {"name"?, "regionId"?, "edition"?, "version"?, "accountId"?}}:
     * a Running lightweight database instance, which swas-open has no action to create.
     */
    private static ControlApi.Seeder databaseSeeder(Database db, SwasDomain swas, String defaultAccount, Clock clock) {
        DatabaseActions databases = swas.modules().stream()
                .filter(DatabaseActions.class::isInstance)
                .map(DatabaseActions.class::cast)
                .findFirst()
                .orElseThrow();
        return request -> {
            String account = request.path("accountId").asText(defaultAccount);
            String region = request.path("regionId").asText(ServerConfig.DEFAULT_REGION);
            String name = request.hasNonNull("name") ? request.path("name").asText() : null;
            String edition =
                    request.hasNonNull("edition") ? request.path("edition").asText() : null;
            String version =
                    request.hasNonNull("version") ? request.path("version").asText() : null;
            DatabaseActions.DatabaseRow row;
            try {
                row = db.write(
                        tx -> databases.seed(tx, new Caller(account, region), name, edition, version, clock.millis()));
            } catch (ApiException e) {
                throw new IllegalArgumentException(e.code() + ": " + e.getMessage());
            }
            return ResponseRenderer.json()
                    .createObjectNode()
                    .put("accountId", account)
                    .put("regionId", region)
                    .put("databaseInstanceId", row.databaseInstanceId())
                    .put("databaseVersion", row.databaseVersion())
                    .put("edition", row.edition());
        };
    }

    private static ActionRegistry registerActions(SwasDomain swas, RamDomain ram) {
        ActionRegistry actions = new ActionRegistry();
        ModuleRoutes.bind(actions, SwasOpenRoutes.PRODUCT, SwasOpenApi.class, SwasOpenRoutes.all(), swas.modules());
        ModuleRoutes.bind(actions, EcsRoutes.PRODUCT, EcsApi.class, EcsRoutes.all(), swas.modules());
        actions.addRules(RamRoutes.PRODUCT, (op, p) -> ram.rules().check(p.asMap()));
        ModuleRoutes.bind(actions, RamRoutes.PRODUCT, RamApi.class, RamRoutes.all(), ram.modules());
        return actions;
    }

    private static void purgeRequestLog(Database db, RequestLogRepository rows, long cutoffMillis) {
        try {
            long removed = rows.purgeBefore(db, cutoffMillis);
            if (removed > 0) {
                LOG.debug("request log: purged {} entries", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not purge the request log: {}", e.getMessage());
        }
    }

    private static void purgeNonces(NonceRepository nonces, ServerConfig config) {
        try {
            nonces.purgeBefore(StateClock.wallOf(config.clock()).millis() - Authenticator.SKEW.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("could not purge expired nonces: {}", e.getMessage());
        }
    }

    /** The actions of a product this node implements (the rest answer the structural default). */
    public SortedSet<String> implementedActions(String product) {
        return actions.implemented(product);
    }

    /** The class of the module that implements an action, when a module does. */
    public Optional<String> implementingModule(String product, String action) {
        return actions.owner(product, action);
    }

    public int port() {
        return http.port();
    }

    public String accountId() {
        return config.accountId();
    }

    public String rootAccessKeyId() {
        return rootKey.accessKeyId();
    }

    /** A Running lightweight database instance of this node's account (tests; built-in regions). */
    public DatabaseSeeds.Seeded seedDatabase(String regionId, String name, String version) {
        return db.write(tx -> DatabaseSeeds.seed(
                tx,
                config.accountId(),
                regionId,
                name,
                null,
                version,
                config.clock().millis()));
    }

    /**
     * The scripted outcomes of Cloud Assistant command runs given at start ({@code --command-outcomes};
     * docs/testing-with-swasd.md): this node's configuration, which a reset does not clear.
     */
    public int configureCommandOutcomes(JsonNode rules) {
        return configureCommandOutcomes.applyAsInt(CommandOutcomeSeeds.parse(rules));
    }

    /** Replaces the seeded outcome rules, as {@code POST /_swasd/seed/command-outcomes} does. */
    public int seedCommandOutcomes(JsonNode rules) {
        return commandOutcomes.applyAsInt(CommandOutcomeSeeds.parse(rules));
    }

    /** The control API, or null when this node does not serve it. */
    public ControlApi control() {
        return control;
    }

    /** The generated root secret on the start that made it; null on every other start. */
    public String generatedRootSecret() {
        return rootKey.generated() ? rootKey.secretToPrint() : null;
    }

    @Override
    public void close() throws Exception {
        housekeeping.shutdownNow();
        try {
            http.stop();
            // a scheduled task still running would otherwise meet a closed pool and log its failure
            housekeeping.awaitTermination(HOUSEKEEPING_STOP_SECONDS, TimeUnit.SECONDS);
        } finally {
            try {
                if (requestLog != null) {
                    requestLog.close(); // writes what the last requests queued
                }
            } finally {
                nonces.close();
                db.close();
                metrics.close();
            }
        }
    }

    /** A start-up failure the operator can fix; the CLI prints its message alone. */
    public static final class StartupException extends Exception {
        public StartupException(String message) {
            super(message);
        }
    }
}
