package dev.swasd.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts API requests by action, Code and HTTP status, and times them by action. Called once per
 * request, so the common path is two map look-ups on strings the request already holds and no
 * allocation; meters are made the first time a combination is seen.
 *
 * <p>Label values are bounded: an action the catalog does not know (the name comes from the
 * client) counts as {@code unknown}, and Codes come from swasd's own finite set.
 */
final class RequestMetrics {
    static final String UNKNOWN_ACTION = "unknown";
    /** The Code label of a successful request, as gRPC's convention has it. */
    static final String SUCCESS = "OK";

    /** Latency buckets: a local emulator answers in milliseconds; the tail shows database waits. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final Set<String> knownActions;
    private final ConcurrentHashMap<String, ActionMeters> byAction = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, Set<String> knownActions) {
        this.registry = registry;
        this.knownActions = Set.copyOf(knownActions);
    }

    /** Records nothing: for pipelines built without a registry (unit tests). */
    static RequestMetrics disabled() {
        return new RequestMetrics(null, Set.of());
    }

    /** @param action as the client named it, or null; @param code null for success */
    void record(String action, int status, String code, long nanos) {
        if (registry == null) {
            return;
        }
        String label = action != null && knownActions.contains(action) ? action : UNKNOWN_ACTION;
        ActionMeters meters = byAction.get(label);
        if (meters == null) {
            meters = byAction.computeIfAbsent(label, ActionMeters::new);
        }
        meters.latency.record(nanos, TimeUnit.NANOSECONDS);
        meters.counter(code == null ? SUCCESS : code, status).increment();
    }

    private final class ActionMeters {
        private final String action;
        private final Timer latency;
        /** Keyed by Code; a Code nearly always comes with one status, kept beside its counter. */
        private final ConcurrentHashMap<String, StatusCounter> byCode = new ConcurrentHashMap<>();

        ActionMeters(String action) {
            this.action = action;
            this.latency = Timer.builder("swasd.request.duration")
                    .description("API request latency by action")
                    .tag("action", action)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }

        Counter counter(String code, int status) {
            StatusCounter c = byCode.get(code);
            if (c == null) {
                c = byCode.computeIfAbsent(code, k -> new StatusCounter(status, make(k, status)));
            }
            // the rare Code seen with a second status gets its own series (registry de-duplicates)
            return c.status == status ? c.counter : make(code, status);
        }

        private Counter make(String code, int status) {
            return Counter.builder("swasd.requests")
                    .description("API requests by action, Code and HTTP status")
                    .tag("action", action)
                    .tag("code", code)
                    .tag("status", Integer.toString(status))
                    .register(registry);
        }
    }

    private record StatusCounter(int status, Counter counter) {}
}
