package dev.swasd.server;

import dev.swasd.catalog.Catalog;
import dev.swasd.ram.PolicyCache;
import dev.swasd.ramapi.RamDomain;
import dev.swasd.protocol.Authenticator;
import dev.swasd.store.Database;
import dev.swasd.store.PrivateFiles;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.NonceRepository;
import dev.swasd.store.SecretCipher;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.SnapshotRepository;
import dev.swasd.store.TagRepository;
import dev.swasd.swas.CustomImageService;
import dev.swasd.swas.ImageQueries;
import dev.swasd.swas.InstanceService;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.SnapshotService;
import dev.swasd.swas.TagService;
import dev.swasd.swas.Plans;
import dev.swasd.swas.PublicImages;
import dev.swasd.swas.Regions;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
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
    /** Compiled policy documents kept per node. */
    private static final int POLICY_CACHE_ENTRIES = 4096;

    private final Database db;
    private final NonceRepository nonces;
    private final HttpFrontend http;
    private final ScheduledExecutorService housekeeping;
    private final Bootstrap.RootKey rootKey;
    private final ServerConfig config;
    private final Metrics metrics;

    private Swasd(ServerConfig config, Database db, NonceRepository nonces, HttpFrontend http, ScheduledExecutorService housekeeping,
            Bootstrap.RootKey rootKey, Metrics metrics) {
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
        String unsafe = PrivateFiles.othersCanWrite(config.dataDir());
        if (unsafe != null) {
            throw new StartupException(unsafe);
        }
        PrivateFiles.createDirectories(config.dataDir());
        if (!Files.isWritable(config.dataDir())) {
            throw new StartupException("the data directory " + config.dataDir() + " is not writable");
        }
        Regions regions = config.regionsFile() == null ? Regions.defaults() : RegionsFile.load(config.regionsFile());
        SecretCipher cipher = SecretCipher.fromEnvironmentOrFile(config.masterKey(), config.dataDir());
        Metrics metrics = new Metrics();
        // opening the database (pool, migrations) is the longest step of start-up and needs nothing
        // below, so it runs on a second thread while this one builds the catalog and the handlers
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(config.effectiveDbUrl(),
                config.dbUser(), config.dbPassword(), new Database.Options(config.durability(), metrics.registry())),
                command -> Thread.ofPlatform().name("swasd-db-open").start(command));
        Catalog catalog;
        ActionRegistry actions;
        try {
            catalog = Catalog.standard();
            actions = registerActions(config, regions);
            RamBindings.register(actions, RamDomain.create(config.ramLimits(), cipher, RamAdapters.documentCheck(),
                    RamAdapters.systemPolicies()));
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
        try {
            IdentityRepository identities = new IdentityRepository(db);
            nonces = new NonceRepository(db);
            Bootstrap.RootKey rootKey = Bootstrap.ensureRoot(identities, cipher, config, config.clock().millis());

            StoreCredentials credentials = new StoreCredentials(identities, nonces, cipher);
            Authenticator authenticator = new Authenticator(credentials, credentials, config.clock());
            PolicySets policySets = new PolicySets(db, new PolicyCache(POLICY_CACHE_ENTRIES), config.ramRefresh(),
                    System::nanoTime);
            RequestMetrics requests = metrics.requests(catalog);
            ApiPipeline pipeline = new ApiPipeline(authenticator, catalog, actions, new ActionExecutor(db),
                    config.clock(), new Authorization(policySets, new ResourceTags(db)), account -> {
                        policySets.forget(account);
                        credentials.forgetAll();
                    }, requests);

            HttpFrontend http = new HttpFrontend(config.bind(), config.port(), config.limits(), pipeline,
                    new HttpFrontend.Ops(db::readiness, metrics::scrape, requests));
            metrics.sampleBacklog(db, config.clock());
            http.start();
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("swasd-housekeeping").factory());
            NonceRepository spent = nonces;
            housekeeping.scheduleWithFixedDelay(() -> purgeNonces(spent, config), 1, 1, TimeUnit.MINUTES);
            StateSettler settler = new StateSettler(db, config.clock());
            housekeeping.scheduleWithFixedDelay(settler::settle, 1, 1, TimeUnit.SECONDS);
            housekeeping.scheduleWithFixedDelay(settler::purgeTokens, 5, 10, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(() -> metrics.sampleBacklog(db, config.clock()), BACKLOG_SAMPLE_SECONDS,
                    BACKLOG_SAMPLE_SECONDS, TimeUnit.SECONDS);
            return new Swasd(config, db, nonces, http, housekeeping, rootKey, metrics);
        } catch (Exception e) {
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
        } catch (java.util.concurrent.CompletionException e) {
            metrics.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    private static ActionRegistry registerActions(ServerConfig config, Regions regions) {
        Plans plans = Plans.defaults();
        PublicImages publicImages = PublicImages.defaults();
        Lifecycle lifecycle = new Lifecycle(config.stateDelay().toMillis());
        InstanceRepository instances = new InstanceRepository();
        SnapshotRepository snapshots = new SnapshotRepository();
        ImageRepository images = new ImageRepository();
        TagRepository tags = new TagRepository();
        CustomImageService customImages = new CustomImageService(regions, publicImages, config.quotas(), lifecycle,
                instances, snapshots, images, tags);
        ActionRegistry actions = new ActionRegistry();
        SwasBindings.register(actions, regions, plans, new ImageQueries(regions, publicImages), customImages);
        InstanceBindings.register(actions, new InstanceService(regions, plans, publicImages, config.quotas(), lifecycle,
                instances, images, tags), tags);
        ImageBindings.register(actions, new SnapshotService(regions, config.quotas(), lifecycle, instances, snapshots,
                images, tags), customImages, tags);
        TagBindings.register(actions, new TagService(regions, instances, snapshots, images, tags));
        EcsBindings.register(actions, customImages);
        return actions;
    }

    private static void purgeNonces(NonceRepository nonces, ServerConfig config) {
        try {
            nonces.purgeBefore(config.clock().millis() - Authenticator.SKEW.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("could not purge expired nonces: {}", e.getMessage());
        }
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

    /** The generated root secret on the start that made it; null on every other start. */
    public String generatedRootSecret() {
        return rootKey.generated() ? rootKey.secretToPrint() : null;
    }

    @Override
    public void close() throws Exception {
        housekeeping.shutdownNow();
        try {
            http.stop();
        } finally {
            nonces.close();
            db.close();
            metrics.close();
        }
    }

    /** A start-up failure the operator can fix; the CLI prints its message alone. */
    public static final class StartupException extends Exception {
        public StartupException(String message) {
            super(message);
        }
    }
}
