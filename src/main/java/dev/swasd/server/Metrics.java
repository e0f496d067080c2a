package dev.swasd.server;

import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.Product;
import dev.swasd.store.Database;
import dev.swasd.store.TransitionTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's Prometheus registry, served at {@code GET /metrics}: API requests (RequestMetrics),
 * the connection pool (Hikari reports into the registry itself), the transition backlog and the
 * JVM. One registry per node, so several nodes in one test JVM keep apart.
 */
final class Metrics implements AutoCloseable {
    /** The Prometheus text exposition format, version 0.0.4, that {@link #scrape()} writes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<TransitionTable> transitions = new ArrayList<>();
    /** Sampled by housekeeping, so a scrape never waits on the database. */
    private final Map<String, AtomicLong> pending = new HashMap<>();

    private final Map<String, AtomicLong> overdue = new HashMap<>();

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        // the JIT's running total: `swasd bench` warms each scenario until it stops growing
        new JvmCompilationMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Gauges of the transition backlog of each table the resource types declare. */
    void trackTransitions(List<TransitionTable> tables) {
        for (TransitionTable t : tables) {
            transitions.add(t);
            pending.put(
                    t.table(),
                    gauge(
                            "swasd.transitions.pending",
                            "Resources with a state transition scheduled (next_at set)",
                            t.table()));
            overdue.put(
                    t.table(),
                    gauge(
                            "swasd.transitions.overdue",
                            "Resources past their transition time not yet settled by the scheduler",
                            t.table()));
        }
    }

    private AtomicLong gauge(String name, String description, String table) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("resource", table)
                .register(registry);
        return value;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Request meters labelled with the actions {@code catalog} knows. */
    RequestMetrics requests(Catalog catalog) {
        Set<String> actions = new HashSet<>();
        for (Product p : catalog.products()) {
            actions.addAll(p.operations().keySet());
        }
        return new RequestMetrics(registry, actions);
    }

    /** Counts the backlog now (a few COUNT queries); a failure keeps the last values. */
    void sampleBacklog(Database db, Clock clock) {
        try {
            long now = clock.millis();
            for (TransitionTable.Backlog c : db.read(
                    tx -> transitions.stream().map(t -> t.backlog(tx, now)).toList())) {
                pending.get(c.table()).set(c.pending());
                overdue.get(c.table()).set(c.overdue());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not count the transition backlog: {}", e.getMessage());
        }
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
