package dev.swasd.server;

import dev.swasd.store.Database;
import dev.swasd.store.IdempotencyRepository;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.SnapshotRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of state transitions. A resource's effective state already follows the clock
 * (see InstanceRecord.status); this writes due transitions into the rows, each exactly once
 * whichever node runs first (one conditional UPDATE), and drops expired ClientToken outcomes.
 */
final class StateSettler {
    private static final Logger LOG = LoggerFactory.getLogger(StateSettler.class);
    private final Database db;
    private final Clock clock;
    private final InstanceRepository instances = new InstanceRepository();
    private final SnapshotRepository snapshots = new SnapshotRepository();
    private final ImageRepository images = new ImageRepository();
    private final IdempotencyRepository tokens = new IdempotencyRepository();

    StateSettler(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void settle() {
        try {
            long now = clock.millis();
            db.write(tx -> instances.settleDue(tx, now) + snapshots.settleDue(tx, now) + images.settleDue(tx, now));
        } catch (RuntimeException e) {
            LOG.warn("could not settle due state transitions: {}", e.getMessage());
        }
    }

    void purgeTokens() {
        try {
            long notBefore = clock.millis() - ActionExecutor.TOKEN_WINDOW.toMillis();
            db.write(tx -> tokens.purgeBefore(tx, notBefore));
        } catch (RuntimeException e) {
            LOG.warn("could not purge expired client tokens: {}", e.getMessage());
        }
    }
}
