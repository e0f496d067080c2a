package dev.swasd.swas;

import dev.swasd.store.TransitionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every resource type the domain's modules declare, by tag type. */
public final class ResourceTypes {
    private final Map<String, ResourceType> byTagType = new LinkedHashMap<>();

    public ResourceTypes(List<ResourceType> types) {
        for (ResourceType t : types) {
            if (byTagType.putIfAbsent(t.tagType(), t) != null) {
                throw new IllegalStateException("two resource types tagged " + t.tagType());
            }
        }
    }

    public Optional<ResourceType> byTagType(String tagType) {
        return Optional.ofNullable(byTagType.get(tagType));
    }

    public List<ResourceType> all() {
        return List.copyOf(byTagType.values());
    }

    /** The tables the state scheduler settles, each once. */
    public List<TransitionTable> transitionTables() {
        return byTagType.values().stream()
                .map(ResourceType::transitions)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
