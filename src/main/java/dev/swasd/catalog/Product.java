package dev.swasd.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A product version, e.g. swas-open 2020-06-01, with every action it knows. */
public record Product(String code, String version, SortedMap<String, OperationDef> operations) {
    public Product(String code, String version, Map<String, OperationDef> operations) {
        this(code, version, Collections.unmodifiableSortedMap(new TreeMap<>(operations)));
    }

    public OperationDef operation(String action) {
        return operations.get(action);
    }
}
