package dev.swasd.swas;

import dev.swasd.store.TransitionTable;
import dev.swasd.store.Tx;

/**
 * A kind of resource users name by id: how its ids look, the {@code ResourceType} tags call it,
 * how to tell one of the caller's exists, and where its state transitions are kept (null for a
 * resource without transitional states). Tags, ids and the state scheduler work from these entries,
 * so a new family declares its types instead of editing them.
 */
public record ResourceType(String tagType, IdFormat ids, Existence existence, TransitionTable transitions) {

    /** Whether the caller has a live resource of this type with this id in the caller's region. */
    @FunctionalInterface
    public interface Existence {
        boolean exists(Tx tx, Caller caller, String id);
    }

    public String newId() {
        return ids.next();
    }

    public boolean exists(Tx tx, Caller caller, String id) {
        return existence.exists(tx, caller, id);
    }
}
