package dev.swasd.server;

import dev.swasd.store.Database;
import dev.swasd.store.IdempotencyRepository;
import dev.swasd.store.TransitionTable;
import java.time.Clock;
import java.util.List;
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
    private final List<TransitionTable> tables;
    private final IdempotencyRepository tokens = new IdempotencyRepository();

    /** @param tables the resource types' transition tables (ResourceTypes.transitionTables) */
    StateSettler(Database db, Clock clock, List<TransitionTable> tables) {
        this.db = db;
        this.clock = clock;
        this.tables = List.copyOf(tables);
    }

    void settle() {
        try {
            long now = clock.millis();
            db.write(tx -> tables.stream().mapToInt(t -> t.settleDue(tx, now)).sum());
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
