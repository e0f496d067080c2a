package dev.swasd.swas;

import java.util.List;

/** A module that owns resource types: it declares them here, and SwasDomain registers them. */
public interface ResourceModule {
    List<ResourceType> resourceTypes();
}
